import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './cli';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('routecraft routes', () => {
  test('text: aligned columns in declaration order', async () => {
    const { code, out } = await run('routes', 'fixtures/openapi/users-api.yaml');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Method  Path                  Operation    Controller',
        'GET     /api/users            list_users   Users',
        'POST    /api/users            create_user  Users',
        'GET     /api/users/{user_id}  get_user     Users',
        'DELETE  /api/users/{user_id}  delete_user  Users',
        'GET     /api/users/me         get_me       Users',
        'GET     /health               health       Health',
        '',
      ].join('\n'),
    );
  });

  test('json: an array of {method, path, operationId, controller}, following x-routecraft.order', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-'));
    const file = path.join(dir, 'api.yaml');
    fs.writeFileSync(file, 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nx-routecraft:\n  order: [GET /b]\npaths:\n  /a:\n    get: {responses: {}}\n  /b:\n    get: {operationId: b, tags: [B], responses: {}}\n');
    const { code, out } = await run('routes', file, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { method: 'GET', path: '/b', operationId: 'b', controller: 'B' },
      { method: 'GET', path: '/a', operationId: null, controller: null },
    ]);
  });

  test('bad input: file:line:col and exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-'));
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/a": [}\n}\n');
    const broken = await run('routes', file);
    expect(broken.code).toBe(2);
    expect(broken.out).toBe('');
    expect(broken.err).toBe(`${file}:4:12: error document/syntax Expected a value, found '}'\n`);
    expect(await run('routes', path.join(dir, 'missing.yaml'))).toMatchObject({ code: 2, err: `routecraft: ${path.join(dir, 'missing.yaml')}: no such file\n` });
    expect(await run('routes', dir)).toMatchObject({ code: 2, err: `routecraft: ${dir}: is a folder, not an OpenAPI document\n` });
    expect((await run('routes')).code).toBe(2);
    expect((await run('routes', file, '--format', 'xml')).err).toContain('--format must be text or json');
    expect((await run('routes', file, '--bogus')).code).toBe(2);
  });

  test('help and unknown commands', async () => {
    expect(await run('--help')).toMatchObject({ code: 0 });
    expect((await run('--help')).out).toContain('routes FILE');
    expect(await run('frobnicate')).toMatchObject({ code: 2 });
    expect((await run('routes', '--help')).out).toContain('declaration order');
  });
});

describe('routecraft probe', () => {
  test('one JSON line per request: status, route, Location, Allow and the trace', async () => {
    const { code, out } = await run('probe', 'fixtures/openapi/users-api.yaml', 'GET', '/api/users/me', 'GET', '/api/users/?page=2', 'PUT', '/api/users', 'GET', '/nowhere');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map(({ trace: _trace, ...rest }) => rest)).toEqual([
      { method: 'GET', path: '/api/users/me', status: 422, operationId: 'get_user', location: null, allow: null },
      { method: 'GET', path: '/api/users/?page=2', status: 307, operationId: null, location: '/api/users?page=2', allow: null },
      { method: 'PUT', path: '/api/users', status: 405, operationId: 'list_users', location: null, allow: 'GET' },
      { method: 'GET', path: '/nowhere', status: 404, operationId: null, location: null, allow: null },
    ]);
    expect(lines[0].trace[0]).toMatchObject({ routeKey: 'GET /api/users/{user_id}', index: 3, outcome: 'invalid-param' });
  });

  test('--profile changes the answer: under Express the annotation does not reject "me"', async () => {
    const { out } = await run('probe', 'fixtures/openapi/users-api.yaml', '--profile', 'express', 'GET', '/api/users/me');
    expect(JSON.parse(out)).toMatchObject({ status: 200, operationId: 'get_user' });
  });

  test('bad arguments exit 2 with a message', async () => {
    expect((await run('probe', 'fixtures/openapi/users-api.yaml', 'GET')).code).toBe(2);
    expect((await run('probe', 'fixtures/openapi/users-api.yaml', '--profile', 'rails', 'GET', '/')).err).toContain('unknown profile "rails"');
    expect((await run('probe', 'fixtures/openapi/users-api.yaml', 'GET', 'users')).err).toContain('is not a request path');
  });
});
