import AxeBuilder from '@axe-core/playwright';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AppShellPage } from './support/app-shell.page';
import { browserSuite } from './support/browser-suite';
import { ResponsesPage } from './support/responses.page';
import type { WebMode } from './support/web-mode';

// The responses editor (issue 6) in Debian's Chromium, in browser mode: the status picker, the
// inline problems and their fixes, the visual schema editor, headers, save and undo. Each test has
// its own folder, user data and port.

const USERS_API = fileURLToPath(new URL('../fixtures/openapi/users-api.yaml', import.meta.url));
const ROUTE = 'GET /api/users/{user_id}';

const suite = browserSuite();
/** This test's browser mode (the suite stops it after the test). */
let web: WebMode;

/** Browser mode with a copy of users-api.yaml open, and the page on it. */
async function openUsersApi(): Promise<{ app: AppShellPage; responses: ResponsesPage; file: string }> {
    web = await suite.startWeb({
    file: async (dir) => {
      const file = path.join(dir, 'users-api.yaml');
      await copyFile(USERS_API, file);
      return file;
    },
  });
  const app = new AppShellPage(await suite.browser.context.newPage());
  await app.open(web.url);
  await app.page.getByTestId('document-view').waitFor();
  return { app, responses: new ResponsesPage(app.page), file: path.join(web.dir, 'users-api.yaml') };
}

/** Serious and critical accessibility violations inside the responses editor, as "rule: target" lines. */
async function axeViolations(app: AppShellPage): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).include('[data-testid="responses-editor"]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

describe('responses editor', () => {
  it('adds a 302 with the picker, fixes its missing Location inline, edits the 200 body visually, saves, and undoes', async () => {
    const { app, responses, file } = await openUsersApi();
    const page = app.page;
    await responses.openRoute(ROUTE);

    // One tab per status, in status order; the default one marked.
    expect(await responses.tabStatuses()).toEqual(['200', '404']);
    expect(await responses.tab('200').getByTestId('default-badge').count()).toBe(1);
    expect(await responses.tab('200').getAttribute('aria-selected')).toBe('true');

    // Arrow keys move between tabs.
    await responses.tab('200').focus();
    await page.keyboard.press('ArrowRight');
    await responses.panelFor('404').waitFor();
    expect(await page.locator('[data-testid="response-tab"]:focus').getAttribute('data-status')).toBe('404');
    await page.keyboard.press('ArrowLeft');
    await responses.panelFor('200').waitFor();

    // The picker searches by name: "found" puts 302 Found first (Enter would pick it), 404 is there too.
    await responses.search('found');
    await responses.option('302').waitFor();
    expect(await responses.option('302').getAttribute('aria-selected')).toBe('true');
    expect(await responses.option('404').getAttribute('aria-disabled')).toBe('true'); // already a response
    expect(await responses.pickerInput.getAttribute('aria-activedescendant')).toBe(await responses.option('302').getAttribute('id'));
    expect(await page.getByTestId('picker-hint').textContent()).toContain('3xx responses need a Location header');
    expect((await axeViolations(app)).join('\n')).toBe('');

    // …and by number; Enter adds the highlighted status without a Location header (box unchecked).
    await responses.search('302');
    expect(await responses.picker.getByTestId('status-option').count()).toBe(1);
    await responses.pickerInput.press('Enter');
    await responses.panelFor('302').waitFor();
    await responses.picker.waitFor({ state: 'detached' });
    expect(await responses.tabStatuses()).toEqual(['200', '302', '404']);
    expect(await responses.tab('302').getAttribute('aria-selected')).toBe('true');

    // The redirect without Location is a problem, shown in the tab with its fix.
    const missing = responses.problem('response/redirect-missing-location');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('has no Location header');
    expect(await page.getByTestId('add-location-header').count()).toBe(1);
    await missing.getByTestId('response-fix').click();
    await responses.headerRow('Location').waitFor();
    expect(await responses.headerRow('Location').getAttribute('data-required')).toBe('true');
    await missing.waitFor({ state: 'detached' });
    expect(await page.getByTestId('add-location-header').count()).toBe(0);
    expect((await axeViolations(app)).join('\n')).toBe('');

    // The 200 body is a $ref to User: make it an object of its own, then add a required property.
    await responses.openTab('200');
    const root = responses.schemaRow('');
    expect(await root.getAttribute('data-kind')).toBe('ref');
    await root.getByTestId('property-type').selectOption('object');
    const addProperty = responses.panel.locator('[data-testid="add-property"][data-path=""]');
    await addProperty.click();
    const name = responses.schemaRow('0').getByTestId('property-name');
    await name.waitFor();
    // The new property's name is focused and selected: typing replaces it.
    await page.locator('[data-testid="property-name"]:focus').waitFor();
    await page.keyboard.type('email');
    await page.keyboard.press('Enter');
    await responses.property('email').waitFor();
    await responses.property('email').getByTestId('property-required').click(); // checked once the document says so
    await responses.panel.locator('[data-name="email"] [data-testid="property-required"]:checked').waitFor();
    expect((await axeViolations(app)).join('\n')).toBe('');

    await app.save();
    const saved = parse(await readFile(file, 'utf8')) as { paths: Record<string, { get: { responses: Record<string, Record<string, unknown>> } }> };
    const get = saved.paths['/api/users/{user_id}']?.get.responses ?? {};
    expect(get['302']).toMatchObject({ description: 'Found', headers: { Location: { required: true, schema: { type: 'string' } } } });
    expect(get['200']).toMatchObject({ content: { 'application/json': { schema: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] } } } });
    // The examples of the body were left alone.
    expect(get['200']).toMatchObject({ content: { 'application/json': { examples: { ada: { summary: 'Ada' } } } } });

    // Undo takes back the last edit only: email is no longer required, and still there.
    await page.getByTestId('undo').click();
    await responses.panel.locator('[data-name="email"] [data-testid="property-required"]:not(:checked)').waitFor();
    await app.dirtyMarker.waitFor();
    expect(await responses.property('email').count()).toBe(1);
    expect(app.errors.join('\n')).toBe('');
    await page.close();
  });

  it('adds a body, an example and a typed header, and shows the schema as JSON', async () => {
    const { app, responses, file } = await openUsersApi();
    const page = app.page;
    await responses.openRoute('GET /api/users/me');
    await responses.openTab('200');

    // No body yet: add a JSON one; the visual editor starts with an empty object.
    await responses.panel.getByTestId('add-body').click();
    await responses.schemaRow('').waitFor();
    expect(await responses.schemaRow('').getAttribute('data-kind')).toBe('object');
    await responses.panel.locator('[data-testid="add-property"][data-path=""]').click();
    await responses.property('field').waitFor();
    await responses.property('field').getByTestId('property-type').selectOption('integer');
    await responses.panel.locator('[data-name="field"][data-kind="integer"]').waitFor();

    // A named example, typed as JSON; bad JSON says why and adds nothing.
    await responses.panel.getByTestId('new-example-name').fill('me');
    await responses.panel.getByTestId('new-example-value').fill('{"field": ');
    await responses.panel.getByTestId('add-example').click();
    await responses.panel.getByText(/Not JSON yet/).waitFor();
    await responses.panel.getByTestId('new-example-value').fill('{"field": 7}');
    await responses.panel.getByTestId('add-example').click();
    await responses.panel.locator('[data-testid="example-row"][data-example="me"]').waitFor();

    // A header with a type: its example is written as a number, not a string.
    await responses.panel.getByTestId('new-header-name').fill('X-Rate-Limit');
    await responses.panel.getByTestId('new-header-name').press('Enter');
    const header = responses.headerRow('X-Rate-Limit');
    await header.waitFor();
    await header.getByTestId('header-type').selectOption('integer');
    await header.locator('[data-testid="header-type"] option[value="integer"]:checked').waitFor({ state: 'attached' });
    await header.getByTestId('header-example').fill('100');
    await header.getByTestId('header-example').press('Enter');
    await expect.poll(() => header.getByTestId('header-example').inputValue()).toBe('100');

    // The same schema as JSON.
    await responses.panel.getByTestId('schema-mode-json').click();
    await responses.panel.getByTestId('schema-json').waitFor();
    // Monaco once it has loaded (its text is in the page), the textarea until then.
    const json = responses.panel.getByTestId('schema-json');
    await expect.poll(async () => ((await json.locator('xpath=self::textarea').count()) > 0 ? json.inputValue() : json.textContent())).toMatch(/"field"/);
    expect((await axeViolations(app)).join('\n')).toBe('');

    await app.save();
    const saved = parse(await readFile(file, 'utf8')) as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
    expect(saved.paths['/api/users/me']?.get.responses['200']).toEqual({
      description: 'The signed-in user.',
      content: { 'application/json': { schema: { type: 'object', properties: { field: { type: 'integer' } } }, examples: { me: { value: { field: 7 } } } } },
      headers: { 'X-Rate-Limit': { required: false, schema: { type: 'integer' }, example: 100 } },
    });
    expect(app.errors.join('\n')).toBe('');
    await page.close();
  });

  it('explains why a 204 has no body, deletes a response and brings it back with Undo, and makes another response the default', async () => {
    const { app, responses } = await openUsersApi();
    const page = app.page;
    await responses.openRoute('DELETE /api/users/{user_id}');
    expect(await responses.tabStatuses()).toEqual(['204']);
    expect(await responses.panel.getByTestId('no-body-reason').textContent()).toContain('A 204 response has no body');
    expect(await responses.panel.getByTestId('schema-visual-editor').count()).toBe(0);

    // Add a 404 from the picker by clicking it, make it the default, then delete it and undo.
    await responses.search('not found');
    await responses.option('404').click();
    await responses.panelFor('404').waitFor();
    await responses.panel.getByTestId('default-status').click();
    await responses.tab('404').getByTestId('default-badge').waitFor();
    expect(await responses.tab('204').getByTestId('default-badge').count()).toBe(0);

    await responses.panel.getByTestId('response-description').fill('No such user');
    await responses.panel.getByTestId('response-description').press('Enter');
    await responses.panel.locator('[data-description="No such user"]').waitFor();

    await responses.panel.getByTestId('delete-response').click();
    await responses.tab('404').waitFor({ state: 'detached' });
    await page.getByTestId('undo-delete-response').click();
    await responses.panelFor('404').waitFor();
    expect(await responses.panel.getByTestId('response-description').inputValue()).toBe('No such user');
    expect(await responses.tab('404').getByTestId('default-badge').count()).toBe(1);

    // Escape closes the picker and gives the focus back to its button.
    await page.getByTestId('add-response').click();
    await responses.pickerInput.press('Escape');
    await responses.picker.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="add-response"]:focus').count()).toBe(1);
    expect((await axeViolations(app)).join('\n')).toBe('');
    expect(app.errors.join('\n')).toBe('');
    await page.close();
  });
});
