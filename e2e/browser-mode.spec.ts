import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { AppShellPage } from './support/app-shell.page';
import { browserSuite } from './support/browser-suite';
import type { WebMode } from './support/web-mode';

// The whole app in Debian's Chromium, in browser mode: the real services, the real contract over
// HTTP + WebSocket, the built renderer. Each test has its own folder, user data and port.

const USERS_API = fileURLToPath(new URL('../fixtures/openapi/users-api.yaml', import.meta.url));
const copyUsersApi = async (dir: string) => {
  const file = path.join(dir, 'users-api.yaml');
  await copyFile(USERS_API, file);
  return file;
};

const suite = browserSuite();
/** This test's browser mode (the suite stops it after the test). */
let web: WebMode;

async function openApp(url: string): Promise<AppShellPage> {
    const app = new AppShellPage(await suite.browser.context.newPage());
  await app.open(url);
  return app;
}

describe('browser mode', () => {
  it('opens a document from disk, edits it, saves it, and shows the edit when opened again', async () => {
    // One folder for both runs (each run still gets its own port and token).
    const dir = await mkdtemp(path.join(tmpdir(), 'routecraft-e2e-'));
    suite.onCleanup(() => rm(dir, { recursive: true, force: true }));
    web = await suite.startWeb({ dir });
    const file = await copyUsersApi(dir);
    const original = await readFile(file, 'utf8');
    const app = await openApp(web.url);

    await app.openDocument(file);
    expect(await app.documentTitle.textContent()).toBe('users-api.yaml');
    expect(await app.routeKeys()).toEqual(['GET /api/users', 'POST /api/users', 'GET /api/users/{user_id}', 'DELETE /api/users/{user_id}', 'GET /api/users/me', 'GET /health']);
    expect(await app.dirtyMarker.count()).toBe(0);

    await app.addRoute('POST', '/api/users/{user_id}/avatar');
    expect(await app.routeKeys()).toContain('POST /api/users/{user_id}/avatar');
    await app.dirtyMarker.waitFor();
    expect(await app.page.title()).toBe('● users-api.yaml — Routecraft');
    expect(await readFile(file, 'utf8')).toBe(original); // nothing written before Save

    await app.renamePath('GET /health', '/healthz');
    await app.page.locator('[data-route-key="GET /healthz"]').waitFor();

    await app.save();
    const saved = await readFile(file, 'utf8');
    expect(saved).toContain('/healthz:');
    expect(saved).toMatch(/\/api\/users\/\{user_id\}\/avatar:\n\s+post:/);
    // Only what the edits touched changed: the comments are still there.
    expect(saved).toContain('# Health checks live outside the API prefix.');
    expect(await app.page.title()).toBe('users-api.yaml — Routecraft');
    await app.page.close();

    // A new run, a new page: open the file again and see the edits.
    await web.stop();
    web = await suite.startWeb({ dir, file: async () => file });
    const again = await openApp(web.url);
    await again.page.getByTestId('document-view').waitFor();
    expect(await again.routeKeys()).toContain('POST /api/users/{user_id}/avatar');
    expect(await again.routeKeys()).toContain('GET /healthz');
    expect(app.errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await again.page.close();
  });

  it('asks before doing anything when the file changes on disk while there are unsaved changes', async () => {
    web = await suite.startWeb({ file: copyUsersApi });
    const file = path.join(web.dir, 'users-api.yaml');
    const app = await openApp(web.url);
    await app.page.getByTestId('document-view').waitFor();

    await app.addRoute('PUT', '/api/users/{user_id}');
    await app.dirtyMarker.waitFor();

    const external = (await readFile(file, 'utf8')).replace('/health:', '/status:');
    await writeFile(file, external);
    await app.externalChangePrompt.waitFor();
    expect(await app.externalChangePrompt.textContent()).toContain('changed on disk');
    // Nothing was decided for the user: the unsaved route is still there, the file is theirs.
    expect(await app.routeKeys()).toContain('PUT /api/users/{user_id}');
    expect(await readFile(file, 'utf8')).toBe(external);

    // Saving anyway asks first.
    await app.page.getByTestId('save').click();
    await app.saveConflict.waitFor();
    expect(await readFile(file, 'utf8')).toBe(external);
    // The choice can be made knowing what differs: a line diff of the disk version and ours.
    await app.page.getByTestId('conflict-diff').locator('summary').click();
    const removed = await app.page.locator('[data-testid="text-diff"] .diff-line.diff-removed').allTextContents();
    const added = await app.page.locator('[data-testid="text-diff"] .diff-line.diff-added').allTextContents();
    expect(removed.join('\n')).toContain('/status:');
    expect(added.join('\n')).toContain('/health:');
    expect(added.join('\n')).toContain('put:');
    await app.page.getByRole('button', { name: 'Cancel' }).click();

    await app.page.getByTestId('reload-from-disk').click();
    await app.page.locator('[data-route-key="GET /status"]').waitFor();
    expect(await app.routeKeys()).not.toContain('PUT /api/users/{user_id}');
    expect(await app.dirtyMarker.count()).toBe(0);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  it('reloads a document without unsaved changes when the file changes on disk', async () => {
    web = await suite.startWeb({ file: copyUsersApi });
    const file = path.join(web.dir, 'users-api.yaml');
    const app = await openApp(web.url);
    await app.page.getByTestId('document-view').waitFor();

    await writeFile(file, (await readFile(file, 'utf8')).replace('/health:', '/ping:'));
    await app.page.locator('[data-route-key="GET /ping"]').waitFor();
    expect(await app.externalChangePrompt.count()).toBe(0);
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  it('says clearly why a file cannot be opened', async () => {
    web = await suite.startWeb();
    const binary = path.join(web.dir, 'image.png');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const app = await openApp(web.url);

    await app.page.getByTestId('toolbar-open').click();
    await app.page.getByTestId('path-input').fill(binary);
    await app.page.getByTestId('path-submit').click();
    await app.errorBanner.waitFor();
    expect(await app.errorBanner.textContent()).toContain('is a binary file, not a YAML or JSON document');

    await app.page.getByTestId('path-input').fill(web.dir);
    await app.page.getByTestId('path-submit').click();
    await app.errorBanner.filter({ hasText: 'is a folder' }).waitFor();
    expect(await app.emptyState.isVisible()).toBe(true);
    await app.page.close();
  });

  it('refuses calls without the token, from other origins and for other host names', async () => {
    web = await suite.startWeb();
    const call = (headers: Record<string, string>) =>
      fetch(`${web?.origin}/api/documents.current`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

    const noToken = await call({});
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { error: { message: string } }).error.message).toMatch(/token/);

    expect((await call({ authorization: 'Bearer 0000' })).status).toBe(401);
    expect((await call({ authorization: `Bearer ${web.token}`, origin: 'http://evil.example' })).status).toBe(403);
    // DNS rebinding: a page of another site whose name now points at 127.0.0.1.
    expect(await statusWithHost(web.origin, 'evil.example', web.token)).toBe(421);

    const ok = await call({ authorization: `Bearer ${web.token}` });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, value: null });

    // The event socket wants the token too.
    const refused = await new Promise<string>((resolve) => {
      const socket = new WebSocket(`${web?.origin.replace('http', 'ws')}/api/events`, ['routecraft.v1'], { origin: web?.origin });
      socket.on('error', () => resolve('refused'));
      socket.on('open', () => resolve('opened'));
    });
    expect(refused).toBe('refused');
    const accepted = await new Promise<string>((resolve) => {
      const socket = new WebSocket(`${web?.origin.replace('http', 'ws')}/api/events`, ['routecraft.v1', `token.${web?.token}`], { origin: web?.origin });
      socket.on('error', () => resolve('refused'));
      socket.on('open', () => {
        socket.close();
        resolve('opened');
      });
    });
    expect(accepted).toBe('opened');
  });

  it('offers the unsaved changes back after the process was killed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'routecraft-e2e-'));
    suite.onCleanup(() => rm(dir, { recursive: true, force: true }));
    const file = await copyUsersApi(dir);
    const original = await readFile(file, 'utf8');
    web = await suite.startWeb({ dir, file: async () => file, args: ['--autosave-ms', '200'] });
    const app = await openApp(web.url);
    await app.page.getByTestId('document-view').waitFor();
    await app.addRoute('GET', '/api/users/{user_id}/settings');

    // Wait until the autosave has the edit, then kill without any chance to clean up.
    const recoveryDir = path.join(dir, 'user-data', 'recovery');
    // (Adding a route is two edits here: "+ Route", then its path. Wait for the record of the last one.)
    await waitFor(async () => {
      // Records only: an autosave is written to a temporary file first and renamed over its record,
      // and a kill between the two leaves no record (the test once killed right there).
      const names = (await readdir(recoveryDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
      const texts = await Promise.all(names.map((n) => readFile(path.join(recoveryDir, n), 'utf8').catch(() => '')));
      return texts.some((t) => t.includes('/api/users/{user_id}/settings'));
    });
    web.process.kill('SIGKILL');
    await new Promise((resolve) => web?.process.once('exit', resolve));
    await app.page.close();
    expect(await readFile(file, 'utf8')).toBe(original);

    web = await suite.startWeb({ dir });
    const again = await openApp(web.url);
    await again.recoveryOffer.waitFor();
    expect(await again.recoveryOffer.textContent()).toContain(file);
    await again.page.getByTestId('restore-recovery').click();
    await again.page
      .locator('[data-route-key="GET /api/users/{user_id}/settings"]')
      .waitFor()
      .catch(async (e: unknown) => {
        // Say what the page showed instead: this step once failed only when run with the others.
        const seen = await again.page.evaluate(() => ({ ...document.body.dataset, rows: [...document.querySelectorAll('[data-testid=route-row]')].map((r) => r.getAttribute('data-route-key')) }));
        throw new Error(`${e instanceof Error ? e.message : String(e)}\npage: ${JSON.stringify(seen)}\nerrors: ${again.errors.join('; ')}`);
      });
    await again.dirtyMarker.waitFor();
    // The offer goes away once the restored document is the app's state (a separate update).
    await again.recoveryOffer.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await again.recoveryOffer.count()).toBe(0);
    expect(again.errors).toEqual([]);
    await again.page.close();
  });
});

/** fetch() does not let a caller set Host; node:http does. */
function statusWithHost(origin: string, host: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}/api/documents.current`, {
      method: 'POST',
      headers: { host, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end('{}');
  });
}

/** Polls a condition about the world outside the page (files), for at most `ms`. */
async function waitFor(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
