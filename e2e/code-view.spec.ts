import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppShellPage } from './support/app-shell.page';
import { browserSuite } from './support/browser-suite';
import { CodeViewPage } from './support/code-view.page';
import type { WebMode } from './support/web-mode';

// The code view (issue 6) in Debian's Chromium, in browser mode: Monaco, loaded lazily from the
// app's own files, two-way with the visual view through main's one text and one history.

const USERS_API = fileURLToPath(new URL('../fixtures/openapi/users-api.yaml', import.meta.url));

const suite = browserSuite();
/** This test's browser mode (the suite stops it after the test). */
let web: WebMode;

interface Opened {
  app: AppShellPage;
  code: CodeViewPage;
  file: string;
  original: string;
  /** Requests to anything but this machine (Monaco from a CDN, fonts, telemetry…): none expected. */
  offMachine: string[];
}

/** Browser mode with its own folder and port, users-api.yaml open in it. */
async function openUsersApi(): Promise<Opened> {
    web = await suite.startWeb({
    file: async (dir) => {
      const file = path.join(dir, 'users-api.yaml');
      await copyFile(USERS_API, file);
      return file;
    },
  });
  const file = path.join(web.dir, 'users-api.yaml');
  const page = await suite.browser.context.newPage();
  const offMachine: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') offMachine.push(request.url());
  });
  const app = new AppShellPage(page);
  await app.open(web.url);
  await page.getByTestId('document-view').waitFor();
  return { app, code: new CodeViewPage(page), file, original: await readFile(file, 'utf8'), offMachine };
}

/** 1-based number of the first line that is exactly `line`. */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  if (index < 0) throw new Error(`no line ${JSON.stringify(line)}`);
  return index + 1;
}

const loadedScripts = (app: AppShellPage) =>
  app.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.js(\?|$)/.test(n)));

describe('code view', () => {
  it('loads Monaco only when opened, and sends exactly what is typed (fast) to main', async () => {
    const { app, code, file, original, offMachine } = await openUsersApi();
    expect((await loadedScripts(app)).some((s) => /editor\.api|code-view/.test(s))).toBe(false);

    await code.open();
    expect((await loadedScripts(app)).some((s) => /editor\.api/.test(s))).toBe(true);

    // Light and dark follow the OS, live.
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await code.root.locator('.monaco-editor.vs-dark').waitFor();
    await app.page.emulateMedia({ colorScheme: 'light' });
    await code.root.locator('.monaco-editor.vs').waitFor();

    // A problem clicked in the panel is revealed in the code, marked like in the panel.
    const problem = app.page.locator('[data-testid="problem"][data-rule="route/shadowed"]');
    await problem.locator('button.problem-main').click();
    await code.waitForCursorLine(lineOf(original, '  /api/users/me:') + 1);
    await code.root.locator('.squiggly-error').first().waitFor();

    // Moving the cursor into an operation selects its route in the visual editor.
    await code.goToLine(lineOf(original, '    delete:'));
    await app.page.keyboard.press('ArrowDown');
    await app.routeRow('DELETE /api/users/{user_id}').locator('button.route-select[aria-current="true"]').waitFor();

    // A new path item above /health, typed at full speed (Enter splits the line: "/health:" keeps
    // its own indentation on the next line).
    const typed = "/hello: {get: {summary: Typed fast, responses: {'200': {description: Hi}}}}";
    await code.goToLine(lineOf(original, '  /health:'));
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.type(`${typed}\n`);

    await app.routeRow('GET /hello').waitFor();
    await code.waitIdle();
    await app.save();
    expect(await readFile(file, 'utf8')).toBe(original.replace('  /health:\n', `  ${typed}\n  /health:\n`));
    expect(app.errors).toEqual([]);
    expect(offMachine).toEqual([]);
    await app.page.close();
  });

  it('shows a visual rename in place, and Ctrl+Z in the code undoes it (one history)', async () => {
    const { app, code, file, original, offMachine } = await openUsersApi();
    await code.open();

    // Selecting a route in the visual view reveals it in the code.
    const healthGet = lineOf(original, '  /health:') + 1;
    await app.selectRoute('GET /health');
    await code.waitForCursorLine(healthGet);
    const firstVisible = await code.firstVisibleLine();
    expect(firstVisible).toBeGreaterThan(1);

    await app.page.getByTestId('route-path').fill('/healthz');
    await app.routeRow('GET /healthz').waitFor();
    await code.waitForText('  /healthz:');
    await code.waitIdle();
    // Edited in place: the cursor and the scroll position stayed where they were.
    expect(await code.cursorLine()).toBe(healthGet);
    expect(await code.firstVisibleLine()).toBe(firstVisible);

    // Ctrl+Z in the code view undoes the visual edit (main's history, not Monaco's own).
    await code.focus();
    await app.page.keyboard.press('Control+z');
    await app.routeRow('GET /health').waitFor();
    await code.waitForText('  /healthz:', false);
    await code.waitForText('  /health:');
    expect(await code.cursorLine()).toBe(healthGet);
    // Main undid it (so it can redo it): Monaco's own undo would have sent new typing instead.
    await app.page.locator('[data-testid="redo"]:not([disabled])').waitFor();

    await app.page.keyboard.press('Control+Shift+z');
    await app.routeRow('GET /healthz').waitFor();
    await code.waitForText('  /healthz:');

    // The code and main hold the same text, comments and all: what is typed next lands exactly.
    await code.goToLine(1);
    await app.page.keyboard.type('# typed after redo\n');
    await code.waitForText('# typed after redo');
    await code.waitForText("# Users service — the example project used across Routecraft's tests.");
    await code.waitIdle();
    await app.page.keyboard.press('Control+s');
    await app.dirtyMarker.waitFor({ state: 'detached' });
    expect(await readFile(file, 'utf8')).toBe(`# typed after redo\n${original.replace('  /health:\n', '  /healthz:\n')}`);
    expect(app.errors).toEqual([]);
    expect(offMachine).toEqual([]);
    await app.page.close();
  });
});
