import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, type LaunchedChromium } from './launch-chromium';
import { startWebMode, type WebMode } from './web-mode';

/**
 * The lifecycle every browser-mode spec shares: one Chromium per spec file, browser mode started
 * per test (its own folder, user data and port) and stopped after it, with the test's clean-ups.
 */
export function browserSuite() {
  let browser: LaunchedChromium | undefined;
  let web: WebMode | undefined;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await web?.stop();
    web = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    get browser(): LaunchedChromium {
      if (!browser) throw new Error('setup failed: no browser');
      return browser;
    },
    /** Starts browser mode for this test (stopping one already started). */
    async startWeb(options?: Parameters<typeof startWebMode>[0]): Promise<WebMode> {
      await web?.stop();
      web = await startWebMode(options);
      return web;
    },
    /** Runs after this test, after browser mode has stopped. */
    onCleanup(cleanup: () => Promise<void>): void {
      cleanups.push(cleanup);
    },
  };
}
