import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openDocument } from '../../shared/model/open-document';
import { REDOCLY_FAILED, RedoclyLintService } from './redocly-lint.service';

// One service for the file: its Redocly configuration is built once (about a second).
const service = new RedoclyLintService();

async function lint(text: string, fileName = 'api.yaml', filePath?: string) {
  const found = await service.lint(openDocument(text, { fileName }), filePath !== undefined ? { filePath } : {});
  return found.map((d) => ({ rule: d.rule, severity: d.severity, at: `${d.target.range?.start.line}:${d.target.range?.start.column}`, message: d.message, pointer: d.target.pointer, routeKey: d.target.routeKey }));
}

const head = "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  license: {name: MIT, url: 'https://example.org/license'}\nservers: [{url: 'https://api.example.org'}]\nsecurity: []\n";

describe('Redocly findings on our document', () => {
  test('rule ids, severities, and the place of each location pointer (YAML and JSON alike)', async () => {
    const yaml = await lint(fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8'));
    expect(yaml.slice(0, 4)).toEqual([
      { rule: 'redocly/no-empty-servers', severity: 'warning', at: '2:1', message: 'Servers must be present.', pointer: '/openapi', routeKey: undefined },
      { rule: 'redocly/info-license', severity: 'warning', at: '3:1', message: 'Info object should contain `license` field.', pointer: '/info', routeKey: undefined },
      // A missing field: where it would go (the tag object).
      { rule: 'redocly/tag-description', severity: 'warning', at: '13:5', message: 'Tag object should contain `description` field.', pointer: '/tags/1/description', routeKey: undefined },
      { rule: 'redocly/security-defined', severity: 'warning', at: '16:5', message: 'Every operation should have security defined on it or on the root level.', pointer: '/paths/~1api~1users/get', routeKey: 'GET /api/users' },
    ]);
    const json = await lint(fs.readFileSync('fixtures/openapi/users-api.json', 'utf8'), 'api.json');
    expect(json.map((d) => d.rule)).toEqual(yaml.map((d) => d.rule));
    expect(json.find((d) => d.rule === 'redocly/operation-summary')).toMatchObject({ at: '44:7', pointer: '/paths/~1api~1users/post/summary', routeKey: 'POST /api/users' });
  });

  test('in source order; status and header named when under a response', async () => {
    const doc = openDocument(`${head}paths:\n  /a:\n    get:\n      summary: a\n      operationId: a\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-Rate: {schema: {type: integer}, bogus: 1}\n        '404': {description: no}\n  /b:\n    get: {summary: b, operationId: b, responses: {'200': {description: ok}, '404': {description: no}}, bogus: 2}\n`, { fileName: 'a.yaml' });
    const found = await service.lint(doc);
    expect(found.map((d) => [d.rule, d.message, d.target.range?.start.line, d.target.range?.start.column, d.target.routeKey, d.target.status, d.target.header])).toEqual([
      ['redocly/struct', 'Property `bogus` is not expected here.', 17, 47, 'GET /a', '200', 'X-Rate'],
      ['redocly/struct', 'Property `bogus` is not expected here. Did you mean: tags?', 20, 104, 'GET /b', undefined, undefined],
    ]);
  });

  test('keys with "%" and "~" are found whichever way the pointer encodes them', async () => {
    const found = await lint(`${head}paths:\n  /a%20b~c:\n    get:\n      operationId: x\n      responses:\n        '200': {description: ok}\n`);
    expect(found.find((d) => d.rule === 'redocly/operation-summary')).toMatchObject({ at: '10:5', pointer: '/paths/~1a%20b~0c/get/summary', routeKey: 'GET /a%20b~c' });
  });
});

describe('references stay inside the document folder, and nothing is fetched', () => {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  afterEach(() => fetchSpy.mockClear());
  const withRef = (ref: string) => `${head}paths:\n  /a:\n    $ref: '${ref}'\n`;
  const unresolved = (found: Awaited<ReturnType<typeof lint>>) => found.filter((d) => d.rule === 'redocly/no-unresolved-refs').map((d) => [d.at, d.message]);

  test('a remote reference is reported, not fetched', async () => {
    expect(unresolved(await lint(withRef('https://example.org/a.yaml')))).toEqual([['10:5', "Can't resolve $ref: https://example.org/a.yaml is remote; Routecraft does not fetch remote references"]]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test('a file next to the document resolves; one outside its folder does not; unsaved documents resolve none', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-redocly-'));
    fs.mkdirSync(path.join(dir, 'api'));
    const item = "get:\n  summary: a\n  operationId: a\n  responses:\n    '200': {description: ok}\n";
    fs.writeFileSync(path.join(dir, 'api', 'item.yaml'), item);
    fs.writeFileSync(path.join(dir, 'secret.yaml'), item);
    fs.symlinkSync(path.join(dir, 'secret.yaml'), path.join(dir, 'api', 'link.yaml'));
    const file = path.join(dir, 'api', 'openapi.yaml');
    expect(unresolved(await lint(withRef('./item.yaml'), 'openapi.yaml', file))).toEqual([]);
    const outside = `${path.join(dir, 'secret.yaml')} is outside the document's folder; Routecraft resolves references only inside it`;
    expect(unresolved(await lint(withRef('../secret.yaml'), 'openapi.yaml', file))).toEqual([['10:5', `Can't resolve $ref: ${outside}`]]);
    expect(unresolved(await lint(withRef('./link.yaml'), 'openapi.yaml', file))).toEqual([['10:5', `Can't resolve $ref: ${path.join(dir, 'api', 'link.yaml')} is outside the document's folder; Routecraft resolves references only inside it`]]);
    expect(unresolved(await lint(withRef('./item.yaml')))[0]?.[1]).toMatch(/save the document first/);
  });

  test("a problem inside a referenced file shows where our document refers to it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-redocly-'));
    fs.writeFileSync(path.join(dir, 'item.yaml'), "get:\n  operationId: a\n  responses:\n    '200': {description: ok}\n");
    const found = await lint(withRef('./item.yaml'), 'openapi.yaml', path.join(dir, 'openapi.yaml'));
    expect(found.find((d) => d.rule === 'redocly/operation-summary')).toMatchObject({ at: '10:5', message: 'Operation object should contain `summary` field. (in item.yaml#/get/summary)' });
  });
});

describe('broken input never throws', () => {
  test('unreadable text: no findings (the document diagnostics say why)', async () => {
    expect(await lint('openapi: [')).toEqual([]);
    expect(await lint('{"openapi": ', 'a.json')).toEqual([]);
    expect(await lint('')).toEqual([]);
  });

  test('text we read but Redocly cannot: one redocly/lint-failed', async () => {
    expect(await lint('openapi: 2.0\ninfo: {title: t, version: "1"}\npaths: {}\n')).toEqual([
      { rule: REDOCLY_FAILED, severity: 'warning', at: '1:1', message: 'Redocly could not lint this document: Invalid OpenAPI version: should be a string but got "number"', pointer: '', routeKey: undefined },
    ]);
    expect((await lint('- 1\n- 2\n')).map((d) => d.rule)).toEqual([REDOCLY_FAILED]);
  });

  test('any text', async () => {
    const piece = fc.constantFrom('openapi: 3.1.0\n', 'paths:\n', '  /a:\n', '    get:\n', '      responses:\n', "        '200': {description: x}\n", '$ref: "#/x"\n', '  - ', '{', '}', '"', ': ', '\n', 'swagger: "2.0"\n', 'info: 1\n', '\t', '&a ', '*a ', '~1');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 25 }), async (pieces) => {
        const found = await lint(pieces.join(''));
        for (const d of found) expect(d.at).toMatch(/^\d+:\d+$/);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
