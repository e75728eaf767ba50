import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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
const ACTION_TIMEOUT_MS = 10_000;

export function chromiumAvailable(): boolean {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `chromiumAvailable()`, and when it is not, a warning no one can miss: a skipped browser suite
 * must never read as a passing one. Use as `describe.skipIf(!browserTestsCanRun())`.
 */
export function browserTestsCanRun(): boolean {
  const available = chromiumAvailable();
  if (!available) {
    console.warn(
      `\n*** BROWSER TESTS SKIPPED: ${chromiumPath} not found (apt-get install -y chromium, or set CHROMIUM_PATH) ***\n`,
    );
  }
  return available;
}

export interface BrowserSession {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes Chromium and removes its profile. */
  close(): Promise<void>;
}

/** Chromium with a fresh profile in a temporary directory, so no state leaks between runs. */
export async function launchBrowser(): Promise<BrowserSession> {
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
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
