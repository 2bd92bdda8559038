import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShellPage } from './support/app-shell.page';
import { launchChromium, type LaunchedChromium } from './support/launch-chromium';
import { serveStatic } from './support/static-server';
import { startWebMode } from './support/web-mode';

const RENDERER_DIR = fileURLToPath(new URL('../out/renderer/', import.meta.url));
const SCREENSHOT = fileURLToPath(new URL('./screenshots/empty-state.png', import.meta.url));

let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  if (!existsSync(`${RENDERER_DIR}index.html`) || !existsSync(fileURLToPath(new URL('../out/main/web.js', import.meta.url)))) {
    throw new Error('out/ is missing: run `npm run build` before the e2e tests');
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('app shell', () => {
  it('shows the empty state with New API and Open…, without errors', async () => {
    if (!browser) throw new Error('setup failed');
    const web = await startWebMode();
    try {
      const app = new AppShellPage(await browser.context.newPage());
      await app.open(web.url);

      expect(await app.header.textContent()).toContain('Routecraft');
      expect(await app.emptyState.isVisible()).toBe(true);
      expect(await app.newApiButton.textContent()).toBe('New API');
      expect(await app.openButton.textContent()).toBe('Open…');
      expect(await app.newApiButton.isEnabled()).toBe(true);
      // The token left the address bar once the page had it.
      expect(app.page.url()).not.toContain('token=');

      await app.page.screenshot({ path: SCREENSHOT });
      expect(app.errors).toEqual([]);
      await app.page.close();
    } finally {
      await web.stop();
    }
  });

  it('says how to connect when the page has neither the desktop bridge nor a token', async () => {
    if (!browser) throw new Error('setup failed');
    const server = await serveStatic(RENDERER_DIR);
    try {
      const app = new AppShellPage(await browser.context.newPage());
      await app.open(server.url);
      expect(await app.page.getByTestId('not-connected').textContent()).toContain('npm run web');
      expect(app.errors).toEqual([]);
      await app.page.close();
    } finally {
      await server.close();
    }
  });
});
