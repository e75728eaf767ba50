import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { it } from 'vitest';

/** The system Chromium (`apt-get install -y chromium`); these tests never download a browser. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a locator waits before failing: well inside the test timeout, so the failure names the locator. */
const ACTION_TIMEOUT_MS = 20_000;

export function chromiumAvailable(): boolean {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * In CI (`CI` set, as .ci/run does) or with REQUIRE_BROWSER=1, the browser tests must run: a missing
 * Chromium fails them instead of skipping them, as REQUIRE_POSTGRES does for PostgreSQL.
 */
export function browserRequired(): boolean {
  const flag = (name: string) => !['', '0', 'false'].includes((process.env[name] ?? '').trim().toLowerCase());
  return flag('CI') || flag('REQUIRE_BROWSER');
}

const INSTALL_HINT = 'apt-get install -y chromium, or set CHROMIUM_PATH';

/**
 * Whether a suite should run. Without Chromium it is skipped with a warning no one can miss (a
 * skipped browser suite must never read as a passing one). When the browser is required, the file
 * also gets a failing test that says why, so the run fails and counts it as failed (a failing
 * `beforeAll` would only mark the tests skipped). Use as `describe.skipIf(!browserTestsCanRun())`.
 */
export function browserTestsCanRun(): boolean {
  if (chromiumAvailable()) return true;
  if (browserRequired()) {
    const problem = `Chromium is required here (CI or REQUIRE_BROWSER) and ${chromiumPath} is not found: ${INSTALL_HINT}.`;
    console.error(`\n*** BROWSER TESTS FAIL: ${problem} ***\n`);
    it('can run: Chromium is installed', () => {
      throw new Error(problem);
    });
    return false;
  }
  console.warn(`\n*** BROWSER TESTS SKIPPED: ${chromiumPath} not found (${INSTALL_HINT}) ***\n`);
  return false;
}

/**
 * E2E_SLOW_RENDER_MS=150: every task React's scheduler posts runs that much later, so after an
 * in-app navigation the URL is already new while the previous page is still on screen. A test
 * that reads the page once instead of web-first then fails every time instead of now and then
 * (the review page's heading read as "Review queue" failed so); run the suite so to check it.
 */
function slowRenderScript(delayMs: number): string {
  return `(() => {
    const Native = window.MessageChannel;
    window.MessageChannel = function SlowChannel() {
      const channel = new Native();
      const post = channel.port2.postMessage.bind(channel.port2);
      channel.port2.postMessage = (...args) => setTimeout(() => post(...args), ${delayMs});
      return channel;
    };
  })();`;
}

export interface BrowserSession {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes Chromium and removes its profile. */
  close(): Promise<void>;
}

/** Chromium with a fresh profile in a temporary directory, so no state leaks between runs. */
export async function launchBrowser(): Promise<BrowserSession> {
  if (!chromiumAvailable()) throw new Error(`${chromiumPath} is not found: ${INSTALL_HINT}.`);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'recertify-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const slowRenderMs = Number(process.env['E2E_SLOW_RENDER_MS'] ?? '0');
  if (slowRenderMs > 0) await context.addInitScript({ content: slowRenderScript(slowRenderMs) });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
