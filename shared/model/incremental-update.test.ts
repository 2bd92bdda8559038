import { describe, expect, test } from 'vitest';
import { DocumentSession } from '../document-session';
import { applyEdits, type TextEdit } from '../edit/text-edit';
import type { Route } from './api-model';
import { openDocument, type ApiDocument } from './open-document';
import { updateDocument } from './update-document';

/**
 * updateDocument with edits in several places — path item keys, several path items, the
 * `x-routecraft.order` list — reads again only the path items they touch, and the result is what
 * reading the new text from scratch gives, ranges included.
 */

function api(paths: Record<string, string[]>, order?: string[]): string {
  const doc: Record<string, unknown> = { openapi: '3.1.0', info: { title: 't', version: '1' } };
  if (order) doc['x-routecraft'] = { profile: 'fastapi', order };
  doc['paths'] = Object.fromEntries(
    Object.entries(paths).map(([path, methods]) => [path, Object.fromEntries(methods.map((m) => [m, { operationId: `${m}${path.replace(/\W/g, '_')}`, responses: { '200': { description: 'OK', headers: { ETag: { schema: { type: 'string' } } } } } }]))]),
  );
  doc['components'] = { schemas: { Thing: { type: 'object' } } };
  return JSON.stringify(doc, null, 2);
}

const paths = { '/a': ['get'], '/b': ['get', 'post'], '/c/{id}': ['get', 'delete'], '/d': ['put'] };
const order = ['PUT /d', 'GET /a', 'GET /b', 'POST /b', 'GET /c/{id}', 'DELETE /c/{id}'];
const text = api(paths, order);

function fresh(doc: ApiDocument): ApiDocument {
  return openDocument(doc.source.text, { fileName: 'api.json' });
}

function expectAsRereadFromScratch(doc: ApiDocument): void {
  const reread = fresh(doc);
  expect(doc.diagnostics).toEqual(reread.diagnostics);
  expect(doc.model).toEqual(reread.model);
  // Same field order too: the model goes to the view as JSON.
  expect(JSON.stringify(doc.model)).toBe(JSON.stringify(reread.model));
}

/** Routes taken over from `before` (the same objects, moved or not) rather than read again. */
function kept(before: ApiDocument, after: ApiDocument): string[] {
  const old = new Set<Route>(before.model.routes);
  return after.model.routes.filter((r) => old.has(r)).map((r) => r.key);
}

/** An edit of the first occurrence of `find` (after `after`), replacing it with `replace`. */
function edit(source: string, find: string, replace: string, after = ''): TextEdit {
  const offset = source.indexOf(find, after ? source.indexOf(after) : 0);
  if (offset === -1) throw new Error(`no ${find}`);
  return { offset, length: find.length, text: replace };
}

describe('incremental model updates', () => {
  test('a path item key renamed, with its order-list entry: only that path item is read again', () => {
    const before = openDocument(text, { fileName: 'api.json' });
    const after = updateDocument(before, [edit(text, '"GET /a"', '"GET /aa"'), edit(text, '"/a": {', '"/aa": {')]);
    expectAsRereadFromScratch(after);
    expect(after.model.routes.map((r) => r.key)).toEqual(['PUT /d', 'GET /aa', 'GET /b', 'POST /b', 'GET /c/{id}', 'DELETE /c/{id}']);
    expect(kept(before, after).sort()).toEqual(['DELETE /c/{id}', 'GET /b', 'GET /c/{id}', 'POST /b', 'PUT /d']);
  });

  test('a key renamed a character at a time, as typed', () => {
    let doc = openDocument(text, { fileName: 'api.json' });
    let path = '/c/{id}';
    for (const ch of 'xyz') {
      const keyAt = doc.source.text.indexOf(`"${path}": {`);
      doc = updateDocument(doc, [{ offset: keyAt + 1 + path.length, length: 0, text: ch }]);
      path += ch;
      expectAsRereadFromScratch(doc);
    }
    expect(doc.model.routes.map((r) => r.path)).toContain('/c/{id}xyz');
  });

  test('an order-list edit alone keeps every route and re-derives the order', () => {
    const before = openDocument(text, { fileName: 'api.json' });
    // Swap the first two entries: one edit inside the list.
    const after = updateDocument(before, [edit(text, '"PUT /d",\n      "GET /a"', '"GET /a",\n      "PUT /d"')]);
    expectAsRereadFromScratch(after);
    expect(after.model.routes.slice(0, 2).map((r) => r.key)).toEqual(['GET /a', 'PUT /d']);
    expect(kept(before, after)).toHaveLength(6);
  });

  test('an order-list entry that no longer names a route', () => {
    const before = openDocument(text, { fileName: 'api.json' });
    const after = updateDocument(before, [edit(text, '"PUT /d"', '"PUT /nowhere"')]);
    expectAsRereadFromScratch(after);
    expect(after.model.routes.at(-1)?.key).toBe('PUT /d');
  });

  test('edits inside several path items at once', () => {
    const before = openDocument(text, { fileName: 'api.json' });
    const after = updateDocument(before, [edit(text, '"OK"', '"Fine"', '"/b"'), edit(text, '"OK"', '"Gone"', '"/d"')]);
    expectAsRereadFromScratch(after);
    expect(kept(before, after).sort()).toEqual(['DELETE /c/{id}', 'GET /a', 'GET /c/{id}']);
  });

  test('one edit spanning out of one path item into the next', () => {
    const before = openDocument(text, { fileName: 'api.json' });
    // From inside /a's operation to inside /b's get: /a takes the rest of /b, its post included.
    const start = text.indexOf('"operationId": "get_a"');
    const end = text.indexOf('"operationId": "get_b"');
    const after = updateDocument(before, [{ offset: start, length: end - start, text: '' }]);
    expectAsRereadFromScratch(after);
    expect(after.model.routes.map((r) => r.key).sort()).toEqual(['DELETE /c/{id}', 'GET /a', 'GET /c/{id}', 'POST /a', 'PUT /d']);
    expect(kept(before, after).sort()).toEqual(['DELETE /c/{id}', 'GET /c/{id}', 'PUT /d']);
  });

  test('an edit that wraps path items into a new one is not mistaken for them', () => {
    const before = openDocument(text, { fileName: 'api.json' });
    const at = text.indexOf('"/b": {');
    const close = text.indexOf('"/c/{id}"');
    // "/b": {…}, becomes "/x": { "/b": {…} }, — /b is no longer a path item.
    const after = updateDocument(before, [
      { offset: at, length: 0, text: '"/x": {\n' },
      { offset: close, length: 0, text: '},\n' },
    ]);
    expectAsRereadFromScratch(after);
    expect(after.model.routes.some((r) => r.path === '/b')).toBe(false);
  });

  test('a rename that creates a path item and one that empties it', () => {
    const session = new DocumentSession(text, { fileName: 'api.json' });
    const copy = { doc: openDocument(text, { fileName: 'api.json' }) };
    const step = (intent: Parameters<DocumentSession['apply']>[0]) => {
      const change = session.apply(intent);
      copy.doc = updateDocument(copy.doc, change.edits);
      expectAsRereadFromScratch(session.document);
      expectAsRereadFromScratch(copy.doc);
      expect(copy.doc.model).toEqual(session.document.model);
    };
    // GET /b leaves /b (which keeps POST) for a new path item.
    step({ op: 'updateRoute', route: 'GET /b', path: '/b2' });
    // POST /b joins /a: /b is emptied and removed.
    step({ op: 'updateRoute', route: 'POST /b', path: '/a', method: 'post' });
    expect(session.document.model.routes.some((r) => r.path === '/b')).toBe(false);
    // And a route moved in the order list only.
    step({ op: 'moveRoute', route: 'GET /b2', to: 0 });
  });

  test('changes outside paths and x-routecraft read everything again', () => {
    const before = openDocument(text, { fileName: 'api.json' });
    const after = updateDocument(before, [edit(text, '"object"', '"string"')]);
    expectAsRereadFromScratch(after);
    expect(kept(before, after)).toEqual([]);
  });

  test('typing that breaks the syntax, then mends it', () => {
    let doc = openDocument(text, { fileName: 'api.json' });
    const at = doc.source.text.indexOf('"/d"');
    doc = updateDocument(doc, [{ offset: at, length: 1, text: '' }]);
    expect(doc.diagnostics[0]?.rule).toBe('document/syntax');
    doc = updateDocument(doc, [{ offset: at, length: 0, text: '"' }]);
    expectAsRereadFromScratch(doc);
    expect(doc.source.text).toBe(text);
  });
});

describe('YAML', () => {
  const yaml = ['openapi: 3.1.0', "info: {title: t, version: '1'}", 'paths:', '  /a:', '    get:', "      responses: {'200': {description: OK}}", '  /b:', '    get:', "      responses: {'200': {description: OK}}", '    post:', '      responses:', "        '201':", '          description: Made', '  /c:', '    get:', "      responses: {'200': {description: OK}}", ''].join('\n');

  test('removing the last lines of a path item (a YAML block ends at its last character)', () => {
    const before = openDocument(yaml, { fileName: 'api.yaml' });
    const start = yaml.indexOf('    post:');
    const end = yaml.indexOf('  /c:');
    const after = updateDocument(before, [{ offset: start, length: end - start, text: '' }]);
    expect(after.model).toEqual(openDocument(applyEdits(yaml, [{ offset: start, length: end - start, text: '' }]), { fileName: 'api.yaml' }).model);
    expect(after.model.routes.map((r) => r.key)).toEqual(['GET /a', 'GET /b', 'GET /c']);
    expect(kept(before, after)).toEqual(['GET /a', 'GET /c']);
  });

  test('aliases: an edit at an anchor reads every route again', () => {
    const anchored = yaml.replace("  /a:\n    get:\n      responses: {'200': {description: OK}}", "  /a:\n    get: &op\n      responses: {'200': {description: OK}}").replace("  /c:\n    get:\n      responses: {'200': {description: OK}}", '  /c:\n    get: *op');
    const before = openDocument(anchored, { fileName: 'api.yaml' });
    expect(before.diagnostics).toEqual([]);
    const at = anchored.indexOf('OK');
    const after = updateDocument(before, [{ offset: at, length: 2, text: 'Fine' }]);
    expect(after.model.routes.find((r) => r.key === 'GET /c')?.responses[0]?.description).toBe('Fine');
    expect(after.model).toEqual(openDocument(after.source.text, { fileName: 'api.yaml' }).model);
  });
});
