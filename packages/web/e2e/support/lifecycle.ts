import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type BrowserSession } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Starts Chromium and the production server once for the enclosing `describe`, hands both to
 * `started`, and stops them after its last test.
 */
export function withBrowserAndServer(started: (browser: BrowserSession, server: RunningServer) => void): void {
  let browser: BrowserSession | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    started(browser, server);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
  });
}
