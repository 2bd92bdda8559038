import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShellPage } from './support/app-shell.page';
import { launchChromium, type LaunchedChromium } from './support/launch-chromium';
import { serveStatic, type StaticServer } from './support/static-server';

const RENDERER_DIR = fileURLToPath(new URL('../out/renderer/', import.meta.url));
const SCREENSHOT = fileURLToPath(new URL('./screenshots/empty-state.png', import.meta.url));

let server: StaticServer | undefined;
let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  if (!existsSync(`${RENDERER_DIR}index.html`)) {
    throw new Error(`${RENDERER_DIR}index.html is missing: run \`npm run build\` before the e2e tests`);
  }
  browser = await launchChromium();
  server = await serveStatic(RENDERER_DIR);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('app shell', () => {
  it('shows the empty state with New API and Open…, without errors', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const app = new AppShellPage(await browser.context.newPage());
    await app.open(server.url);

    expect(await app.header.textContent()).toContain('Routecraft');
    expect(await app.emptyState.isVisible()).toBe(true);
    expect(await app.newApiButton.textContent()).toBe('New API');
    expect(await app.openButton.textContent()).toBe('Open…');
    // Not wired yet: disabled and saying when they arrive.
    expect(await app.newApiButton.isDisabled()).toBe(true);
    expect(await app.openButton.getAttribute('title')).toMatch(/app shell/);

    await app.page.screenshot({ path: SCREENSHOT });
    expect(app.errors).toEqual([]);
  });
});
