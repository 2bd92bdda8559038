import { access, copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AppShellPage } from './support/app-shell.page';
import { browserSuite } from './support/browser-suite';

// Export from the toolbar, as a user of browser mode does it. Redocly lints the result on main's
// lint thread (the built worker), and an error there keeps the file from being written.

const suite = browserSuite();

/** Opens `file` (made in browser mode's folder) and exports it to `name` there through the toolbar. */
async function exportThroughToolbar(make: (dir: string) => Promise<string>, name: string) {
  const web = await suite.startWeb({ file: make });
  const page = await suite.browser.context.newPage();
  const app = new AppShellPage(page);
  await app.open(web.url);
  await app.routeRows.first().waitFor();
  const out = path.join(web.dir, name);
  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('path-input').fill(out);
  await page.getByTestId('path-submit').click();
  return { app, page, out };
}

describe('export from the app', () => {
  it('writes the design as OpenAPI where asked', async () => {
    const { app, page, out } = await exportThroughToolbar(async (dir) => {
      const file = path.join(dir, 'api.yaml');
      await copyFile(fileURLToPath(new URL('../fixtures/openapi/users-api.yaml', import.meta.url)), file);
      return file;
    }, 'exported.yaml');
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 30_000 }).toMatch(/^Exported OpenAPI to .*exported\.yaml/);
    const written = parse(await readFile(out, 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    expect(written.openapi).toMatch(/^3\./);
    expect(Object.keys(written.paths)).toEqual(expect.arrayContaining(['/api/users', '/api/users/{user_id}', '/api/users/me', '/health']));
    expect(app.errors).toEqual([]);
    await page.close();
  });

  it('writes nothing when Redocly finds an error in the result, and says which', async () => {
    const { page, out } = await exportThroughToolbar(async (dir) => {
      const file = path.join(dir, 'api.yaml');
      // Two operations with one operationId: an error in Redocly's recommended rules.
      const op = (id: string) => `      operationId: ${id}\n      responses:\n        '200':\n          description: OK\n`;
      await writeFile(file, `openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a:\n    get:\n${op('same')}  /b:\n    get:\n${op('same')}`);
      return file;
    }, 'refused.yaml');
    await expect.poll(() => page.getByTestId('error-banner').textContent(), { timeout: 30_000 }).toMatch(/Not exported: Redocly found errors in the result\. redocly\/operation-operationId-unique/);
    await expect(access(out)).rejects.toThrow(/ENOENT/);
    await page.close();
  });
});
