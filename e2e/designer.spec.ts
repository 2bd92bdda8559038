import AxeBuilder from '@axe-core/playwright';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AppShellPage } from './support/app-shell.page';
import { browserSuite } from './support/browser-suite';
import { LiveServerPage } from './support/live-server.page';
import { ResponsesPage } from './support/responses.page';
import type { WebMode } from './support/web-mode';

// Issue 6's designer flow, as a user does it in browser mode: a new API, a controller, two routes
// in the wrong order, the shadowing problem and its fix, a redirect without Location and its fix,
// the live server answering "Try it" with the designed response and the right trace, a save that
// writes plain OpenAPI, and reopening. Along the way: axe on the main screens, and screenshots
// (e2e/screenshots/, one of them in the README).

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const suite = browserSuite();
/** This test's browser mode (the suite stops it after the test). */
let web: WebMode;

async function openApp(url: string): Promise<AppShellPage> {
    const page = await suite.browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 860 });
  const app = new AppShellPage(page);
  await app.open(url);
  return app;
}

/** No serious or critical accessibility problem on what is on screen now. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`),
    screen,
  ).toEqual([]);
}


async function addRouteTo(app: AppShellPage, controller: string, routePath: string): Promise<void> {
  const { page } = app;
  await page.locator(`[data-testid="controller-heading"][data-controller="${controller}"] [data-testid="add-route-here"]`).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="route-editor"]')?.getAttribute('data-route')?.includes('/new-route') === true);
  await page.getByTestId('route-path').fill(routePath);
  await app.routeRow(`GET ${routePath}`).waitFor();
  await app.caughtUp();
}

describe('the visual designer', () => {
  it('designs an API from nothing: problems appear, one-click fixes clear them, the mock answers, the file is plain OpenAPI', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'routecraft-designer-'));
    suite.onCleanup(() => rm(dir, { recursive: true, force: true }));
    web = await suite.startWeb({ dir });
    const app = await openApp(web.url);
    const { page } = app;
    await app.emptyState.waitFor();
    await expectAccessible(page, 'empty state');

    // New API → a controller "Users" with the router prefix /api.
    await app.newApiButton.click();
    await page.getByTestId('document-view').waitFor();
    await page.getByTestId('add-controller').click();
    await page.getByTestId('new-controller-name').fill('Users');
    await page.getByTestId('new-controller-prefix').fill('/api');
    await page.getByTestId('new-controller-save').click();
    await page.locator('[data-testid="controller-heading"][data-controller="Users"]').waitFor();

    // GET /users/{user_id} first, then GET /users/me: the first takes every request of the second.
    await addRouteTo(app, 'Users', '/api/users/{user_id}');
    await addRouteTo(app, 'Users', '/api/users/me');
    const shadowed = page.locator('[data-testid="problem"][data-rule="route/shadowed"]');
    await shadowed.waitFor();
    const message = (await shadowed.textContent()) ?? '';
    expect(message).toContain('GET /api/users/{user_id}');
    expect(message).toContain('GET /api/users/me');
    expect(await app.routeRow('GET /api/users/me').getByTestId('problem-badge').getAttribute('data-severity')).toBe('error');
    await expectAccessible(page, 'designer with a problem');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'designer.png') });

    // The fix button moves /users/me above the route that shadowed it; the problem is gone.
    await shadowed.getByTestId('apply-fix').first().click();
    await shadowed.waitFor({ state: 'detached' });
    await app.caughtUp();
    const keys = await app.routeKeys();
    expect(keys.indexOf('GET /api/users/me')).toBeLessThan(keys.indexOf('GET /api/users/{user_id}'));

    // A 302 without Location is a problem; its fix adds a required Location header.
    const responses = new ResponsesPage(page);
    await responses.openRoute('GET /api/users/me');
    await responses.search('302');
    await responses.pickerInput.press('Enter');
    await responses.panelFor('302').waitFor();
    const missing = page.locator('[data-testid="problem"][data-rule="response/redirect-missing-location"]');
    await missing.waitFor();
    await missing.getByTestId('apply-fix').first().click();
    await missing.waitFor({ state: 'detached' });
    await responses.headerRow('Location').waitFor();
    await app.caughtUp();

    // The live server answers "Try it" as designed, and its trace names the right route.
    const live = new LiveServerPage(page);
    await live.show();
    await live.usePort(0);
    await live.start();
    await live.tryIt('GET', '/api/users/me');
    expect(await live.tryStatus.textContent()).toContain('200');
    await live.logEntries.first().click();
    await live.traceView.waitFor();
    const steps = await live.steps();
    expect(steps.find((s) => s.answered)?.routeKey).toBe('GET /api/users/me');
    await expectAccessible(page, 'live server');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'live-server.png') });

    // The command palette opens with Ctrl+K and runs commands.
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').waitFor();
    await expectAccessible(page, 'command palette');
    await page.keyboard.press('Escape');

    // The code view (Ctrl+E) shows the document; the screen stays accessible with Monaco in it.
    await page.keyboard.press('Control+e');
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.waitForFunction(() => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '').includes('/api/users'));
    await expectAccessible(page, 'code view');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'code-view.png') });
    await page.keyboard.press('Control+e');

    // Save: a new document asks for a path; the file is plain OpenAPI with the header in it.
    const file = path.join(dir, 'users.yaml');
    await page.getByTestId('save').click();
    await page.getByTestId('path-input').fill(file);
    await page.getByTestId('path-submit').click();
    await app.dirtyMarker.waitFor({ state: 'detached' });
    const saved = parse(await readFile(file, 'utf8')) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, { required?: boolean }> }> }>>;
    };
    expect(saved.openapi).toMatch(/^3\./);
    expect(saved.paths['/api/users/me']?.['get']?.responses['302']?.headers?.['Location']?.required).toBe(true);
    expect(saved.paths['/api/users/{user_id}']?.['get']).toBeDefined();
    expect(app.errors).toEqual([]);
    await page.close();

    // Reopening shows everything, in the fixed order.
    await web.stop();
    web = await suite.startWeb({ dir, file: async () => file });
    const again = await openApp(web.url);
    await again.routeRow('GET /api/users/me').waitFor();
    const reopened = await again.routeKeys();
    expect(reopened.indexOf('GET /api/users/me')).toBeLessThan(reopened.indexOf('GET /api/users/{user_id}'));
    expect(await again.page.locator('[data-testid="problem"][data-rule="route/shadowed"]').count()).toBe(0);
    await again.selectRoute('GET /api/users/me');
    await new ResponsesPage(again.page).tab('302').waitFor();
    expect(again.errors).toEqual([]);
    await again.page.close();
  });

  it('reorders routes by keyboard and by dragging, and undoes both', async () => {
    web = await suite.startWeb({
      file: async (d) => {
        const file = path.join(d, 'api.yaml');
        await copyFile(fileURLToPath(new URL('../fixtures/openapi/users-api.yaml', import.meta.url)), file);
        return file;
      },
    });
    const app = await openApp(web.url);
    const { page } = app;
    await app.routeRow('GET /health').waitFor();
    const before = await app.routeKeys();

    // Alt+↑ on a focused route moves it up one place.
    await app.routeRow('GET /api/users/me').locator('button.route-select').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForFunction(() => {
      const keys = [...document.querySelectorAll('[data-testid="route-row"]')].map((r) => r.getAttribute('data-route-key'));
      return keys.indexOf('GET /api/users/me') < keys.indexOf('DELETE /api/users/{user_id}');
    });

    // Drag GET /health (another controller) onto the first route: it moves there, into that controller.
    const handle = app.routeRow('GET /health').getByTestId('drag-handle');
    const target = app.routeRow('GET /api/users').first();
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('rows not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 4, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('[data-testid="route-row"]')?.getAttribute('data-route-key') === 'GET /health');
    await app.caughtUp();
    // Dropped among the Users routes, it belongs to Users now.
    await app.selectRoute('GET /health');
    expect(await page.getByTestId('route-controller').inputValue()).toBe('Users');

    // Undo twice: the order is what it was.
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="route-row"]')?.getAttribute('data-route-key') !== 'GET /health');
    await page.getByTestId('undo').click();
    await page.waitForFunction((expected) => {
      const keys = [...document.querySelectorAll('[data-testid="route-row"]')].map((r) => r.getAttribute('data-route-key'));
      return JSON.stringify(keys) === expected;
    }, JSON.stringify(before));
    expect(app.errors).toEqual([]);
    await page.close();
  });
});
