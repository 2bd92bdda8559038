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

describe('routecraft lint', () => {
  const redirects = 'fixtures/rules/response-redirect-missing-location.yaml';

  test('text: file:line:col: severity rule message, in source order, then a count; errors exit 1', async () => {
    const { code, out, err } = await run('lint', redirects, '--no-redocly');
    expect(err).toBe('');
    expect(out).toBe(
      [
        `${redirects}:9:9: error response/redirect-missing-location The 301 response of \`GET /old-users\` (#1) has no \`Location\` header: a client following the redirect needs it.`,
        `${redirects}:17:13: error response/redirect-missing-location The 307 response of \`GET /users/me\` (#2) documents \`Location\` but does not mark it required: a client following the redirect needs it.`,
        `${redirects}:30:9: error response/redirect-missing-location The 302 response of \`GET /legacy\` (#4) has no \`Location\` header: a client following the redirect needs it. The response is shared (\`#/components/responses/Moved\`): fix it there.`,
        '3 errors',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  test('warnings alone exit 0; a clean document prints nothing', async () => {
    expect(await run('lint', 'fixtures/rules/response-created-missing-location.yaml', '--no-redocly')).toMatchObject({ code: 0, out: expect.stringMatching(/:9:9: warning response\/created-missing-location .*\n1 warning\n$/) });
    expect(await run('lint', 'fixtures/rules/clean.yaml', '--no-redocly')).toEqual({ code: 0, out: '', err: '' });
  });

  test('json: {rule, severity, message, location: {pointer, line, column, method, path, status, header}}', async () => {
    const { code, out } = await run('lint', redirects, '--no-redocly', '--format', 'json');
    expect(code).toBe(1);
    const found = JSON.parse(out);
    expect(found).toHaveLength(3);
    expect(found[1]).toEqual({
      rule: 'response/redirect-missing-location',
      severity: 'error',
      message: 'The 307 response of `GET /users/me` (#2) documents `Location` but does not mark it required: a client following the redirect needs it.',
      location: { pointer: '/paths/~1users~1me/get/responses/307/headers/Location', line: 17, column: 13, method: 'GET', path: '/users/me', status: '307', header: 'Location' },
    });
    expect(JSON.parse((await run('lint', 'fixtures/rules/clean.yaml', '--no-redocly', '--format', 'json')).out)).toEqual([]);
  });

  test('--profile: the same paths collide under Express', async () => {
    const file = 'fixtures/rules/route-case-collision.yaml';
    expect((await run('lint', file, '--no-redocly')).code).toBe(0);
    const express = await run('lint', file, '--no-redocly', '--profile', 'express');
    expect(express.code).toBe(1);
    expect(express.out).toContain(`${file}:11:5: error route/case-collision \`GET /Users\` (#2) and \`GET /users\` (#1) differ only in letter case. Express matches paths ignoring case, so #1 answers both and #2 is never reached.\n`);
  });

  test("Redocly's findings join the list, with their own rule ids and our positions", async () => {
    const { code, out } = await run('lint', 'fixtures/openapi/users-api.yaml', '--format', 'json');
    const found = JSON.parse(out) as { rule: string; location: { line: number; column: number; method?: string; path?: string } }[];
    expect(found.find((d) => d.rule === 'redocly/operation-summary')).toMatchObject({ location: { line: 28, column: 5, method: 'POST', path: '/api/users' } });
    expect(found.filter((d) => d.rule.startsWith('redocly/')).length).toBeGreaterThan(10);
    // Lines never go backwards: one list, in source order.
    const lines = found.map((d) => d.location.line);
    expect(lines).toEqual(lines.toSorted((a, b) => a - b));
    expect(code).toBe(1);
  });

  test('unusable input and bad arguments exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-'));
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(broken, 'openapi: 3.1.0\npaths: [\n');
    const result = await run('lint', broken);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error document/syntax `));
    expect(await run('lint', path.join(dir, 'missing.yaml'))).toMatchObject({ code: 2, err: `routecraft: ${path.join(dir, 'missing.yaml')}: no such file\n` });
    expect(await run('lint', redirects, '--profile', 'rails')).toMatchObject({ code: 2, err: 'routecraft: --profile must be one of fastapi, django-modern-rest, express, openapi, not "rails"\n' });
    expect((await run('lint', redirects, '--format', 'xml')).err).toContain('--format must be text or json');
    expect((await run('lint')).code).toBe(2);
    expect((await run('lint', redirects, '--bogus')).code).toBe(2);
  });

  test('help', async () => {
    expect((await run('lint', '--help')).out).toContain('--no-redocly');
    expect((await run('--help')).out).toContain('lint FILE');
  });
});
