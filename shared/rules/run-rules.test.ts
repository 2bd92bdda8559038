import { describe, expect, test } from 'vitest';
import { applyIntent } from '../edit/apply-intent';
import { openDocument } from '../model/open-document';
import type { ProfileId } from '../model/x-routecraft';
import { getProfile } from '../profiles/profiles';
import type { Rule } from './rule';
import { RULE_FAILED, runRules } from './run-rules';

const SHADOWING = new Set(['route/shadowed', 'route/partially-shadowed']);

function lint(yaml: string, profile?: ProfileId) {
  const doc = openDocument(yaml, { fileName: 'api.yaml' });
  expect(doc.diagnostics).toEqual([]);
  return runRules(doc, profile ? { profile: getProfile(profile) } : {}).filter((d) => !SHADOWING.has(d.rule));
}

const api = (paths: string, extra = '') => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\n${extra}paths:\n${paths}`;
const ok = "      responses:\n        '200': {description: OK}\n";
const get = (path: string) => `  ${path}:\n    get:\n${ok}`;

describe('runRules', () => {
  test('findings come in source order, whatever the rule order', () => {
    const found = lint(api(`  /b:\n    get:\n      responses:\n        '302': {description: Moved}\n  /a:\n    get:\n      responses:\n        '404': {description: Nope}\n`));
    expect(found.map((d) => [d.rule, d.target.range?.start.line])).toEqual([
      ['response/redirect-missing-location', 7],
      ['response/no-success', 9],
    ]);
  });

  test("the document's profile unless one is given", () => {
    const yaml = api(get('/users') + get('/Users'), 'x-routecraft: {profile: express}\n');
    expect(lint(yaml).map((d) => d.severity)).toEqual(['error']);
    expect(lint(yaml, 'fastapi').map((d) => d.severity)).toEqual(['warning']);
  });

  test('an unreadable document has nothing to check', () => {
    expect(runRules(openDocument('openapi: [', { fileName: 'a.yaml' }))).toEqual([]);
    expect(runRules(openDocument('', { fileName: 'a.yaml' }))).toEqual([]);
  });

  test('a rule that throws costs its own findings only', () => {
    const broken: Rule = {
      id: 'test/broken',
      severity: 'error',
      description: 'Throws.',
      check: () => {
        throw new Error('boom');
      },
    };
    const fine: Rule = { id: 'test/fine', severity: 'info', description: 'One finding.', check: () => [{ rule: 'test/fine', severity: 'info', message: 'hi', target: { pointer: '' } }] };
    const found = runRules(openDocument(api(get('/a')), { fileName: 'a.yaml' }), { rules: [broken, fine] });
    expect(found.map((d) => [d.rule, d.message])).toEqual([
      [RULE_FAILED, 'The rule test/broken failed on this document (boom); its findings are missing. This is a bug in Routecraft.'],
      ['test/fine', 'hi'],
    ]);
  });
});

describe('what the profile does, said in the message', () => {
  const slashMix = api(get('/items/') + get('/users') + get('/orders'));
  const plainMix = api(get('/items/') + get('/users/') + get('/orders'));

  test('a trailing slash among paths without one', () => {
    expect(lint(slashMix, 'fastapi')[0]?.message).toBe('`GET /items/` (#1) ends with a slash, unlike 2 other paths of this API. FastAPI answers `/items` with a 307 redirect to `/items/`.');
    expect(lint(slashMix, 'django-modern-rest')[0]?.message).toBe('`GET /items/` (#1) ends with a slash, unlike 2 other paths of this API. django-modern-rest answers `/items` with a 301 redirect to `/items/` (APPEND_SLASH).');
    expect(lint(slashMix, 'express')[0]).toMatchObject({ severity: 'info', message: '`GET /items/` (#1) ends with a slash, unlike 2 other paths of this API. Express (non-strict routing) serves `/items` with the same handler.' });
    expect(lint(slashMix, 'openapi')[0]?.message).toBe('`GET /items/` (#1) ends with a slash, unlike 2 other paths of this API. Under the OpenAPI (framework-neutral) profile a request for `/items` gets 404.');
  });

  test('a path without a slash among paths with one: APPEND_SLASH never removes one', () => {
    expect(lint(plainMix, 'django-modern-rest').map((d) => d.message)).toEqual([
      '`GET /orders` (#3) has no trailing slash, unlike 2 other paths of this API. django-modern-rest answers `/orders/` with 404: APPEND_SLASH only adds a slash, never removes one.',
    ]);
  });

  test('both forms of one path: Express folds them into one route', () => {
    const both = api(get('/tags') + `  /tags/:\n    get:\n${ok}    post:\n${ok}`);
    expect(lint(both, 'express').map((d) => [d.severity, d.message])).toEqual([
      ['error', '`GET /tags/` (#2) and `GET /tags` (#1) differ only by a trailing slash. Express (non-strict routing) treats them as one route: #1 answers both and #2 is never reached.'],
      ['warning', 'The paths `/tags/` (#3) and `/tags` (#1) differ only by a trailing slash. Express (non-strict routing) treats them as one path; declare its operations on one form.'],
    ]);
    expect(lint(both, 'openapi').map((d) => d.message)).toEqual(['The paths `/tags/` (#2, #3) and `/tags` (#1) differ only by a trailing slash. They are different paths under the OpenAPI (framework-neutral) profile, but many clients and gateways treat them as one.']);
  });

  test('case: a collision under Express, a warning elsewhere', () => {
    const yaml = api(get('/users') + `  /Users/:\n    get:\n${ok}    post:\n${ok}`, 'x-routecraft: {profile: express}\n');
    // Express also folds the trailing slash: `/Users/` is `/users` there.
    expect(lint(yaml).filter((d) => d.rule === 'route/case-collision').map((d) => [d.rule, d.severity, d.message])).toEqual([
      ['route/case-collision', 'error', '`GET /Users/` (#2) and `GET /users` (#1) differ only in letter case. Express matches paths ignoring case, so #1 answers both and #2 is never reached.'],
      ['route/case-collision', 'warning', 'The paths `/Users/` (#3) and `/users` (#1) differ only in letter case. Express matches paths ignoring case, so they are one path: spell it one way.'],
    ]);
    expect(lint(api(get('/users') + get('/Users')), 'django-modern-rest').map((d) => d.severity)).toEqual(['warning']);
  });

  test('ambiguous templates: convertors keep them apart only when the narrow one comes first', () => {
    const narrow = `  /f/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: integer}, x-routecraft-convertor: int}]\n${ok}`;
    const broad = `  /f/{name}:\n    get:\n      parameters: [{name: name, in: path, required: true, schema: {type: string}}]\n${ok}`;
    expect(lint(api(narrow + broad), 'fastapi').map((d) => d.severity)).toEqual(['warning']);
    expect(lint(api(broad + narrow), 'fastapi').map((d) => [d.severity, d.message])).toEqual([
      ['error', '`GET /f/{id}` (#2) and `GET /f/{name}` (#1) differ only in parameter names: OpenAPI treats them as the same path, and FastAPI takes every request for them with #1, so #2 is never reached.'],
    ]);
  });

  test('ambiguous templates under the OpenAPI profile', () => {
    const yaml = api(`  /a/{x}:\n    get:\n      parameters: [{name: x, in: path, required: true, schema: {type: string}}]\n${ok}  /a/{y}:\n    get:\n      parameters: [{name: y, in: path, required: true, schema: {type: string}}]\n${ok}`);
    expect(lint(yaml, 'openapi').map((d) => d.message)).toEqual(['`GET /a/{y}` (#2) and `GET /a/{x}` (#1) differ only in parameter names: OpenAPI treats them as the same path, and which one answers a request is undefined.']);
  });

  test('a catch-all first: Django dispatches by path, so every later method loses', () => {
    const yaml = api(`  /files/{p}:\n    get:\n      parameters: [{name: p, in: path, required: true, schema: {type: string}, x-routecraft-convertor: path}]\n${ok}  /files/upload:\n    post:\n${ok}`);
    expect(lint(yaml, 'fastapi')).toEqual([]);
    expect(lint(yaml, 'django-modern-rest').map((d) => d.message)).toEqual([
      '`GET /files/{p}` (#1) is a catch-all (`{p:path}`) for `/files/…`, declared before 1 route there: `POST /files/upload` (#2). django-modern-rest tries routes in order, so the catch-all takes their requests; declare it after them.',
    ]);
    // Without an order to break, there is nothing to say.
    expect(lint(yaml, 'openapi')).toEqual([]);
  });
});

describe('details', () => {
  test('shared path items: findings without fixes (edits cannot reach them)', () => {
    const yaml = api(`  /users/{id}:\n    $ref: '#/components/pathItems/User'\n`, '') + "components:\n  pathItems:\n    User:\n      get:\n        responses:\n          '200': {description: OK}\n";
    const found = lint(yaml.replace('openapi: 3.1.0', 'openapi: 3.1.0'));
    expect(found.map((d) => [d.rule, d.fixes])).toEqual([['route/path-param-undeclared', undefined]]);
  });

  test('YAML aliases: findings on every route, fixes only where edits can write', () => {
    const yaml = api(`  /a:\n    get: &op\n      responses:\n        '302': {description: Moved}\n  /b:\n    get: *op\n  /c:\n    get:\n      responses:\n        '302': &moved {description: Moved}\n  /d:\n    get:\n      responses:\n        '302': *moved\n`);
    const found = lint(yaml);
    expect(found.map((d) => [d.target.routeKey, d.fixes?.length ?? 0])).toEqual([
      ['GET /a', 1],
      ['GET /b', 0],
      ['GET /c', 1],
      ['GET /d', 0],
    ]);
    for (const d of found) for (const fix of d.fixes ?? []) expect(() => applyIntent(openDocument(yaml, { fileName: 'a.yaml' }), fix.intent)).not.toThrow();
  });

  test('Location examples point elsewhere, never back at the route', () => {
    const yaml = api(`  /users/me:\n    get:\n      responses:\n        '302': {description: You}\n  /users/{user_id}:\n    get:\n      parameters: [{name: user_id, in: path, required: true, schema: {type: integer}}]\n${ok}  /login:\n    post:\n      responses:\n        '303': {description: Done}\n  /:\n    get:\n      responses:\n        '301': {description: Home}\n`);
    const examples = lint(yaml).map((d) => {
      const intent = d.fixes?.[0]?.intent;
      return intent?.op === 'setHeader' ? [intent.route, intent.header.example] : undefined;
    });
    expect(examples).toEqual([
      ['GET /users/me', '/users/42'],
      ['POST /login', '/login/42'],
      ['GET /', '/home'],
    ]);
  });

  test('a header named in another case counts, and its name is kept', () => {
    const yaml = api(`  /a:\n    get:\n      responses:\n        '302':\n          description: Moved\n          headers:\n            location: {schema: {type: string}, example: /b}\n`);
    const [d] = lint(yaml);
    expect(d?.fixes?.[0]?.intent).toEqual({ op: 'setHeader', route: 'GET /a', status: '302', name: 'location', header: { required: true } });
    expect(d?.target).toMatchObject({ header: 'location', status: '302', routeKey: 'GET /a' });
  });

  test('201 on PUT or PATCH creates at the target URI: no Location needed', () => {
    const yaml = api(`  /users/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n    put:\n      responses:\n        '201': {description: Created}\n    post:\n      responses:\n        '201': {description: Created}\n`);
    expect(lint(yaml).map((d) => d.target.routeKey)).toEqual(['POST /users/{id}']);
  });

  test('the default status may be declared by its range', () => {
    const yaml = api(`  /a:\n    post:\n      x-routecraft-default-status: 202\n      responses:\n        '2XX': {description: Accepted}\n  /b:\n    post:\n      x-routecraft-default-status: nope\n      responses:\n        '200': {description: OK}\n`);
    expect(lint(yaml).map((d) => [d.message, d.fixes?.map((f) => f.title)])).toEqual([
      ['`POST /b` (#2) returns nope by default (`x-routecraft-default-status`), but declares no nope response.', ['Remove `x-routecraft-default-status`']],
    ]);
  });
});
