// Web-first assertions for Playwright locators in Vitest: `await expect(locator).toHaveText(...)`
// reads the page again and again until it agrees or the wait ends, as Playwright Test's own
// matchers do. A single read right after a click or a navigation can see the page before it
// changes (the previous route's heading, a list before it reloads); a polled one cannot.
// Registered for the browser project as a setup file (vite.config.ts). For values a page object
// composes from several elements (a table row as a record, a list of names), use
// `expect.poll(() => page.reader(), POLL)` the same way.
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** As long as a locator waits for an action (support/browser.ts): the failure then names the locator. */
// 20 s: room for a loaded 2-core CI machine, still well inside the 60 s test timeout.
export const WAIT_MS = 20_000;
/** For `expect.poll`: as long as a locator may wait, not vitest's default of one second. */
export const POLL = { timeout: WAIT_MS, interval: 100 } as const;

const INTERVAL_MS = 100;
/** How long one read of a state that needs the element (value, checked, enabled) may wait for it. */
const READ_MS = 1_000;

interface WebFirstMatchers<R = unknown> {
  /** The one element's text, whitespace collapsed, is `expected` (a string) or matches it (a RegExp). */
  toHaveText(expected: string | RegExp): Promise<R>;
  /** The one element's text, whitespace collapsed, contains `expected`. */
  toContainText(expected: string): Promise<R>;
  /** The form control's value is `expected` (a string) or matches it (a RegExp). */
  toHaveValue(expected: string | RegExp): Promise<R>;
  /** The one element's attribute `name` is `expected` (a string) or matches it (a RegExp). */
  toHaveAttribute(name: string, expected: string | RegExp): Promise<R>;
  /** Exactly `expected` elements match. */
  toHaveCount(expected: number): Promise<R>;
  toBeVisible(): Promise<R>;
  toBeChecked(): Promise<R>;
  toBeEnabled(): Promise<R>;
  /** The one element has the keyboard focus. */
  toBeFocused(): Promise<R>;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the shape vitest merges
  interface Matchers<T = any> extends WebFirstMatchers<T> {}
}

interface Reading {
  /** Whether what was read satisfies the matcher (before `.not`). */
  pass: boolean;
  /** What the page showed, for the failure message. */
  shown: string;
}

/**
 * Reads until the reading passes (or, under `.not`, until it fails), or the wait ends. A read that
 * throws (element detached in mid-render, say) counts as not passing and is tried again.
 */
async function poll(isNot: boolean, read: () => Promise<Reading>): Promise<Reading> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    let reading: Reading;
    try {
      reading = await read();
    } catch (error) {
      reading = {
        pass: false,
        shown: `an error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      };
    }
    if (reading.pass !== isNot || Date.now() >= deadline) return reading;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
}

function asLocator(received: unknown): Locator {
  const candidate = received as Partial<Locator> | null;
  if (typeof candidate?.allInnerTexts !== 'function' || typeof candidate.count !== 'function') {
    throw new TypeError(`Web-first matchers take a Playwright Locator, not ${String(received)}`);
  }
  return received as Locator;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

function show(value: string | RegExp | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The one element's text; several or none never pass, so the message says how many there were. */
async function oneText(locator: Locator): Promise<{ text?: string; shown: string }> {
  const texts = await locator.allInnerTexts();
  if (texts.length !== 1) return { shown: texts.length === 0 ? 'no such element' : `${texts.length} elements` };
  const text = normalize(texts[0] ?? '');
  return { text, shown: JSON.stringify(text) };
}

function result(
  isNot: boolean,
  locator: Locator,
  what: string,
  reading: Reading,
): { pass: boolean; message: () => string } {
  return {
    pass: reading.pass,
    message: () =>
      `Expected ${locator.toString()} ${isNot ? 'not ' : ''}${what}; after ${WAIT_MS / 1000} s it showed ${reading.shown}`,
  };
}

expect.extend({
  async toBeFocused(received: unknown) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const focused = await locator.evaluate((element) => element === document.activeElement, undefined, {
        timeout: READ_MS,
      });
      return { pass: focused, shown: focused ? 'it focused' : 'the focus elsewhere' };
    });
    return result(this.isNot ?? false, locator, 'to be focused', reading);
  },

  async toHaveText(received: unknown, expected: string | RegExp) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const { text, shown } = await oneText(locator);
      return { pass: text !== undefined && matches(text, expected), shown };
    });
    return result(this.isNot ?? false, locator, `to have text ${show(expected)}`, reading);
  },

  async toContainText(received: unknown, expected: string) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const { text, shown } = await oneText(locator);
      return { pass: text !== undefined && text.includes(normalize(expected)), shown };
    });
    return result(this.isNot ?? false, locator, `to contain text ${show(expected)}`, reading);
  },

  async toHaveValue(received: unknown, expected: string | RegExp) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const value = await locator.inputValue({ timeout: READ_MS });
      return { pass: matches(value, expected), shown: JSON.stringify(value) };
    });
    return result(this.isNot ?? false, locator, `to have value ${show(expected)}`, reading);
  },

  async toHaveAttribute(received: unknown, name: string, expected: string | RegExp) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const value = await locator.getAttribute(name, { timeout: READ_MS });
      return {
        pass: value !== null && matches(value, expected),
        shown: value === null ? 'no such attribute' : JSON.stringify(value),
      };
    });
    return result(this.isNot ?? false, locator, `to have ${name}=${show(expected)}`, reading);
  },

  async toHaveCount(received: unknown, expected: number) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const count = await locator.count();
      return { pass: count === expected, shown: `${count} elements` };
    });
    return result(this.isNot ?? false, locator, `to match ${expected} elements`, reading);
  },

  async toBeVisible(received: unknown) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const visible = await locator.isVisible();
      return { pass: visible, shown: visible ? 'it visible' : 'it hidden or absent' };
    });
    return result(this.isNot ?? false, locator, 'to be visible', reading);
  },

  async toBeChecked(received: unknown) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const checked = await locator.isChecked({ timeout: READ_MS });
      return { pass: checked, shown: checked ? 'it checked' : 'it unchecked' };
    });
    return result(this.isNot ?? false, locator, 'to be checked', reading);
  },

  async toBeEnabled(received: unknown) {
    const locator = asLocator(received);
    const reading = await poll(this.isNot ?? false, async () => {
      const enabled = await locator.isEnabled({ timeout: READ_MS });
      return { pass: enabled, shown: enabled ? 'it enabled' : 'it disabled' };
    });
    return result(this.isNot ?? false, locator, 'to be enabled', reading);
  },
});
