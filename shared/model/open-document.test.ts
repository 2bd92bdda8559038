import fc from 'fast-check';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openDocument } from './open-document';

function rules(text: string, fileName = 'api.yaml', maxLength?: number) {
  const doc = openDocument(text, { fileName, ...(maxLength !== undefined ? { maxLength } : {}) });
  return doc.diagnostics.map((d) => ({ rule: d.rule, line: d.target.range?.start.line, column: d.target.range?.start.column, message: d.message }));
}

describe('bad input gives a diagnostic with a place and never throws', () => {
  test('malformed YAML', () => {
    const [d] = rules('openapi: 3.1.0\ninfo:\n  title: [unclosed\npaths: {}\n');
    expect(d).toMatchObject({ rule: 'document/syntax', line: 4 });
    expect(d?.message).not.toMatch(/at line/);
  });

  test('malformed JSON', () => {
    expect(rules('{\n  "openapi": "3.1.0",\n  "paths": {,}\n}', 'a.json')).toEqual([{ rule: 'document/syntax', line: 3, column: 13, message: 'Expected a property name in double quotes, found \',\'' }]);
    expect(rules('{"openapi": "3.1.0"', 'a.json')[0]).toMatchObject({ rule: 'document/syntax', message: "Expected ',' or '}', found the end of the document" });
    expect(rules('{"a": "unterminated', 'a.json')[0]).toMatchObject({ rule: 'document/syntax', message: 'Unterminated string' });
  });

  test('duplicate keys', () => {
    expect(rules('openapi: 3.1.0\ninfo: {title: a, version: "1"}\ninfo: {}\npaths: {}\n')[0]).toMatchObject({ rule: 'document/duplicate-key', line: 3, column: 1 });
    expect(rules('{"openapi": "3.1.0", "paths": {"/a": {}, "/a": {}}}', 'a.json')[0]).toMatchObject({ rule: 'document/duplicate-key', line: 1, column: 42 });
  });

  test('wrong types are reported where they are', () => {
    const found = rules('openapi: 3.1.0\ninfo: {title: a, version: "1"}\ntags: {a: 1}\npaths:\n  /a:\n    get:\n      responses: [200]\n  /b: [1]\n');
    expect(found).toEqual([
      { rule: 'document/invalid-structure', line: 3, column: 7, message: '`tags` should be a list of tag objects.' },
      { rule: 'document/invalid-structure', line: 7, column: 18, message: '`responses` should be a mapping from status codes to responses.' },
      { rule: 'document/invalid-structure', line: 8, column: 7, message: 'Path item `/b` should be a mapping of methods to operations.' },
    ]);
  });

  test('unsupported versions say what to do', () => {
    expect(rules('swagger: "2.0"\ninfo: {title: a, version: "1"}\npaths: {}\n')[0]?.message).toMatch(/Swagger 2.0 document.*convert it first/);
    expect(rules('openapi: 4.0.0\npaths: {}\n')[0]).toMatchObject({ rule: 'document/unsupported-version', line: 1, column: 10 });
    expect(rules('title: not an API\n')[0]).toMatchObject({ rule: 'document/not-openapi' });
    expect(rules('- a\n- b\n')[0]).toMatchObject({ rule: 'document/not-openapi' });
  });

  test('empty, binary, too large, too deep', () => {
    expect(rules('')[0]?.rule).toBe('document/empty');
    expect(rules('   \n\n')[0]?.rule).toBe('document/empty');
    expect(rules('openapi: 3.1.0\n\u0000\u0001')[0]).toMatchObject({ rule: 'document/binary', line: 2 });
    expect(rules('openapi: 3.1.0\n', 'a.yaml', 5)[0]?.message).toMatch(/limit/);
    expect(rules('['.repeat(100_000), 'a.json')[0]?.rule).toBe('document/too-deep');
    expect(rules('a: '.concat('['.repeat(5_000)), 'a.yaml')[0]?.rule).toMatch(/document\/(too-deep|syntax)/);
  });

  test('hostile keys stay data', () => {
    const doc = openDocument('{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"example": {"__proto__": {"polluted": true}}}}}}}}}}', { fileName: 'a.json' });
    const example = doc.model.routes[0]?.responses[0]?.content[0]?.examples[0]?.value as Record<string, unknown>;
    expect(Object.keys(example)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('any text at all opens without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\n', ' ', '-', '#', '&', '*', '!', '|', 'a', '1', '\\', "'") })), fc.boolean(), (text, json) => {
        const doc = openDocument(text, { fileName: json ? 'a.json' : 'a.yaml' });
        for (const d of doc.diagnostics) {
          expect(d.target.range?.start.line).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('real documents', () => {
  test('Petstore (3.0, YAML) opens clean', () => {
    const doc = openDocument(fs.readFileSync('fixtures/openapi/petstore.yaml', 'utf8'), { fileName: 'petstore.yaml' });
    expect(doc.diagnostics).toEqual([]);
    expect(doc.model.version).toBe('3.0');
    expect(doc.model.routes.map((r) => `${r.key} ${r.operationId}`)).toEqual(['GET /pets listPets', 'POST /pets createPets', 'GET /pets/{petId} showPetById']);
    expect(doc.model.routes[2]?.params).toMatchObject([{ name: 'petId', type: 'string', inTemplate: true, declared: true, pointer: '/paths/~1pets~1{petId}/get/parameters/0' }]);
    expect(doc.model.controllers).toMatchObject([{ name: 'pets', declared: false }]);
  });

  test('the example project (3.1 YAML and 3.2 JSON) reads its vocabulary', () => {
    for (const file of ['users-api.yaml', 'users-api.json']) {
      const doc = openDocument(fs.readFileSync(`fixtures/openapi/${file}`, 'utf8'), { fileName: file });
      expect(doc.diagnostics).toEqual([]);
      const { model } = doc;
      expect(model.profile).toBe('fastapi');
      expect(model.controllers.map((c) => [c.name, c.prefix])).toEqual([['Users', '/api'], ['Health', '']]);
      const me = model.routes.find((r) => r.key === 'GET /api/users/me');
      expect(me).toMatchObject({ localPath: '/users/me', controller: 'Users', operationId: 'get_me', defaultStatus: '200', defaultStatusExplicit: false });
      const del = model.routes.find((r) => r.key === 'DELETE /api/users/{user_id}');
      expect(del).toMatchObject({ defaultStatus: '204', defaultStatusExplicit: true, params: [{ name: 'user_id', type: 'integer', declared: true }] });
      const created = model.routes.find((r) => r.key === 'POST /api/users')?.responses[0];
      expect(created).toMatchObject({ status: '201', headers: [{ name: 'Location', required: true, example: '/api/users/42' }] });
      const notFound = model.routes.find((r) => r.key === 'GET /api/users/{user_id}')?.responses[1];
      expect(notFound).toMatchObject({ status: '404', ref: '#/components/responses/NotFound', description: 'Not found.' });
    }
  });

  test("GitHub's REST description opens; one response edit changes one line of it", async () => {
    const { applyIntent } = await import('../edit/apply-intent');
    const { applyEdits } = await import('../edit/text-edit');
    const text = fs.readFileSync('node_modules/@octokit/openapi/generated/api.github.com.json', 'utf8');
    const doc = openDocument(text, { fileName: 'api.github.com.json' });
    expect(doc.diagnostics).toEqual([]);
    expect(doc.model.routes).toHaveLength(1223);
    expect(new Set(doc.model.routes.map((r) => r.path)).size).toBe(811);
    const route = doc.model.routes.find((r) => r.key === 'GET /repos/{owner}/{repo}');
    expect(route?.params.map((p) => p.name)).toEqual(['owner', 'repo']);
    const result = applyIntent(doc, { op: 'updateResponse', route: 'GET /repos/{owner}/{repo}', status: '200', description: 'The repository' });
    const after = applyEdits(text, result.edits);
    const before = text.split('\n');
    const changed = after.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['            "description": "The repository",']);
    expect(result.document.model).toEqual(openDocument(after, { fileName: 'api.github.com.json' }).model);
  }, 60_000);
});
