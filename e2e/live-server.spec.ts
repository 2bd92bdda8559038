import AxeBuilder from '@axe-core/playwright';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AppShellPage } from './support/app-shell.page';
import { browserSuite } from './support/browser-suite';
import { LiveServerPage } from './support/live-server.page';
import type { WebMode } from './support/web-mode';

// The live server panel in Debian's Chromium, in browser mode: the real mock server started from
// the UI on a free port, real requests through main, the request log and its traces, the probe.
// Each test has its own folder, user data, app port and mock server port.

const USERS_API = fileURLToPath(new URL('../fixtures/openapi/users-api.yaml', import.meta.url));
const copyUsersApi = async (dir: string) => {
  const file = path.join(dir, 'users-api.yaml');
  await copyFile(USERS_API, file);
  return file;
};

/** What FastAPI answers to `GET /api/users/me` in this design: `{user_id}` (an int) comes first. */
const ME_422 = { detail: [{ loc: ['path', 'user_id'], msg: 'value is not a valid integer', type: 'type_error.integer' }] };

const suite = browserSuite();
/** This test's browser mode (the suite stops it after the test). */
let web: WebMode;

/** Browser mode with users-api.yaml open, the live server panel shown, its port set to 0. */
async function openLiveServer(): Promise<{ app: AppShellPage; live: LiveServerPage; file: string }> {
    let file = '';
  web = await suite.startWeb({ file: async (dir) => (file = await copyUsersApi(dir)) });
  const app = new AppShellPage(await suite.browser.context.newPage());
  await app.open(web.url);
  await app.page.getByTestId('document-view').waitFor();
  const live = new LiveServerPage(app.page);
  await live.show();
  await live.usePort(0);
  return { app, live, file };
}

/** Serious and critical accessibility problems inside the live server panel. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="live-server"]').analyze();
  // It looked at the panel: some checks passed.
  expect(result.passes.length).toBeGreaterThan(0);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('live server panel', () => {
  it('starts on a free port, answers Try it as the design says, logs it with its trace, and probes every profile', async () => {
    const { app, live } = await openLiveServer();
    const page = app.page;
    expect(await seriousViolations(page)).toEqual([]);

    const url = await live.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(url).port)).not.toBe(4010);
    expect(await live.panel.getAttribute('data-running')).toBe('true');

    // Copy the address (the clipboard API, allowed for this origin).
    await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.origin });
    await page.getByTestId('copy-url').click();
    await page.locator('[data-testid="copy-status"]', { hasText: 'Copied.' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);

    // Try it: a real request through main to the live server.
    await live.tryIt('GET', '/api/users/me');
    expect(await live.tryStatus.getAttribute('data-status')).toBe('422');
    expect(JSON.parse((await live.tryBody.textContent()) ?? '')).toEqual(ME_422);
    expect(await live.answerHeaders()).toContainEqual(['Content-Type', 'application/json']);
    // The same answer a client gets from the address shown.
    const direct = await fetch(`${url}/api/users/me`);
    expect(direct.status).toBe(422);
    expect(await direct.json()).toEqual(ME_422);

    // Both requests are in the log, newest first, each with its status and route.
    await live.entry(1).waitFor();
    expect(await live.logEntries.count()).toBe(2);
    for (const i of [0, 1]) {
      expect(await live.entry(i).getAttribute('data-status')).toBe('422');
      const text = (await live.entry(i).textContent()) ?? '';
      expect(text).toContain('GET');
      expect(text).toContain('/api/users/me');
      expect(text).toContain('GET /api/users/{user_id}');
    }

    // The trace: the route tried and why, the answering one highlighted.
    await live.openTrace(1);
    expect(await live.steps()).toEqual([{ routeKey: 'GET /api/users/{user_id}', outcome: 'invalid-param', answered: true, shadowed: false }]);
    expect(await live.traceView.textContent()).toContain('#3');
    expect(await seriousViolations(page)).toEqual([]);
    // A click on a route in the trace selects it in the editor.
    await live.traceStep('GET /api/users/{user_id}').getByRole('button').click();
    await live.selectedInSidebar('GET /api/users/{user_id}').waitFor();

    // Probe: nothing sent, one answer per profile.
    const rows = await live.probe('GET /api/users/me', 4);
    expect(rows).toEqual([
      { profile: 'fastapi', status: '422', routeKey: 'GET /api/users/{user_id}' },
      { profile: 'django-modern-rest', status: '422', routeKey: 'GET /api/users/{user_id}' },
      { profile: 'express', status: '200', routeKey: 'GET /api/users/{user_id}' },
      { profile: 'openapi', status: '200', routeKey: 'GET /api/users/me' },
    ]);
    expect(await live.logEntries.count()).toBe(2);
    // The trace on demand.
    const openapiTrace = await live.probeTrace('openapi');
    expect(await openapiTrace.first().getAttribute('data-route-key')).toBe('GET /api/users/me');
    expect(await openapiTrace.first().getAttribute('data-outcome')).toBe('matched');
    expect(await seriousViolations(page)).toEqual([]);

    await live.tool('settings');
    expect(await seriousViolations(page)).toEqual([]);

    await live.stop();
    expect(await live.panel.getAttribute('data-running')).toBe('false');
    expect(app.errors).toEqual([]);
  });

  it('says when the server is stopped, shows shadowed routes in traces, filters the log', async () => {
    const { app, live } = await openLiveServer();
    await live.tryIt('GET', '/health');
    expect(await live.tryError.textContent()).toBe('The live server is not running: start it, then send the request.');
    await live.start();

    // POST to a GET-only path: 405 with Allow, after trying three routes, the last one shadowed.
    await live.tryIt('POST', '/api/users/me', { headers: 'Content-Type: application/json', body: '{"name": "Ada"}' });
    expect(await live.tryStatus.getAttribute('data-status')).toBe('405');
    expect(await live.answerHeaders()).toContainEqual(['Allow', 'GET']);
    await live.tryIt('GET', '/health');
    expect(await live.tryStatus.getAttribute('data-status')).toBe('200');
    expect(await live.tryBody.textContent()).toBe('ok');

    await live.openTrace(1);
    expect(await live.steps()).toEqual([
      { routeKey: 'GET /api/users/{user_id}', outcome: 'method-mismatch', answered: true, shadowed: false },
      { routeKey: 'DELETE /api/users/{user_id}', outcome: 'method-mismatch', answered: false, shadowed: false },
      { routeKey: 'GET /api/users/me', outcome: 'method-mismatch', answered: false, shadowed: true },
    ]);
    expect(await live.traceStep('GET /api/users/me').textContent()).toContain('#5');
    expect(await seriousViolations(app.page)).toEqual([]);

    // Filters: a status, a status class, a path; the selected entry stays open.
    await live.filter('405');
    expect(await live.statuses()).toEqual(['405']);
    await live.filter('2xx');
    expect(await live.statuses()).toEqual(['200']);
    await live.filter('post /api/users');
    expect(await live.statuses()).toEqual(['405']);
    await live.filter('nothing-like-this');
    await app.page.getByTestId('log-empty').waitFor();
    await live.filter('');
    expect(await live.statuses()).toEqual(['200', '405']);

    // Another profile: the server restarts (its log starts again) and answers as Express would;
    // the panel keeps the earlier entries too.
    await live.useProfile('express', 'express');
    await live.tryIt('GET', '/api/users/me');
    expect(await live.tryStatus.getAttribute('data-status')).toBe('200');
    expect(JSON.parse((await live.tryBody.textContent()) ?? '')).toEqual({ id: 1, name: 'Ada Lovelace' });
    expect(await live.statuses()).toEqual(['200', '200', '405']);
    await live.openTrace(0);
    expect(await live.steps()).toEqual([{ routeKey: 'GET /api/users/{user_id}', outcome: 'matched', answered: true, shadowed: false }]);
    await live.useProfile(null, 'fastapi');
    expect(app.errors).toEqual([]);
  });

  it('keeps latency and CORS in the document: the server applies them, Save writes them, Undo takes them back', async () => {
    const { app, live, file } = await openLiveServer();
    const original = await readFile(file, 'utf8');
    await live.start();

    await live.setMockSettings({ latencyMs: 150, origins: ['http://localhost:3000'] });
    await app.dirtyMarker.waitFor();
    expect(await seriousViolations(app.page)).toEqual([]);

    await live.tryIt('GET', '/health', { headers: 'Origin: http://localhost:3000' });
    expect(await live.answerHeaders()).toContainEqual(['Access-Control-Allow-Origin', 'http://localhost:3000']);
    expect(await live.tryDurationMs()).toBeGreaterThanOrEqual(140);
    await live.tryIt('GET', '/health', { headers: 'Origin: http://evil.example' });
    expect((await live.answerHeaders()).map(([name]) => name.toLowerCase())).not.toContain('access-control-allow-origin');

    await app.save();
    expect(await readFile(file, 'utf8')).toBe(original.replace('  profile: fastapi\n', '  profile: fastapi\n  mock:\n    latencyMs: 150\n    cors:\n      - http://localhost:3000\n'));

    // Undo: the settings go, and the server stops applying them.
    await app.page.getByTestId('undo').click();
    await live.mockSettingsSaved(0, 'off').waitFor({ state: 'attached' });
    await live.tryIt('GET', '/health', { headers: 'Origin: http://localhost:3000' });
    expect((await live.answerHeaders()).map(([name]) => name.toLowerCase())).not.toContain('access-control-allow-origin');
    expect(await live.tryDurationMs()).toBeLessThan(140);
    expect(app.errors).toEqual([]);
  });
});
