import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

// The desktop app itself, where an Electron binary exists. The `electron` package fetches its
// binary on first use and records it in path.txt; machines that cannot download it (such as the
// ones this project is built on) have none, and this test says so as a skip, never as a pass.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USERS_API = fileURLToPath(new URL('../fixtures/openapi/users-api.yaml', import.meta.url));

function electronBinary(): { path: string } | { missing: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathTxt = path.join(packageDir, 'path.txt');
  if (!existsSync(pathTxt)) return { missing: `no Electron binary: ${pathTxt} is missing (run \`npx install-electron\` where GitHub downloads are possible)` };
  const binary = path.join(packageDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `no Electron binary at ${binary}` };
}

describe('the desktop app (Electron)', () => {
  it('the built preload needs nothing but electron (a sandboxed preload can require nothing else)', () => {
    const preload = readFileSync(path.join(ROOT, 'out/preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('launches, opens the document named on the command line and shows its routes', async (context) => {
    const binary = electronBinary();
    if ('missing' in binary) {
      context.skip(binary.missing);
      return;
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'routecraft-electron-'));
    const file = path.join(dir, 'users-api.yaml');
    await copyFile(USERS_API, file);
    const app = await electron.launch({
      executablePath: binary.path,
      args: [path.join(ROOT, 'out/main/index.js'), file, `--user-data-dir=${path.join(dir, 'user-data')}`],
      cwd: ROOT,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('body[data-app-ready="true"]');
      await page.getByTestId('document-view').waitFor();
      const keys = await page.getByTestId('route-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-route-key')));
      expect(keys).toContain('GET /api/users/me');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('users-api.yaml — Routecraft');
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
