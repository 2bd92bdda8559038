import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { openDocument, type ApiDocument } from '../model/open-document';
import type { ProfileId } from '../model/x-routecraft';
import { detachedSource, liveSource } from './mock-source';
import { MockTable } from './mock-table';
import type { MockRequest, MockResponse } from './mock-types';
import { resolveMockRequest } from './resolve-request';
import type { JsonSchema, SchemaEngine, SchemaIssue } from './schema-engine';

/**
 * A stand-in for ajv and json-schema-faker (src-main/services/mock-schema-engine.ts, tested there):
 * checks `type` and `required` one level deep, and generates `{ generated: seed }`.
 */
const fakeEngine: SchemaEngine = {
  validate(schema: JsonSchema, value: unknown): SchemaIssue[] {
    if (typeof schema !== 'object') return [];
    const root = schema;
    const issues: SchemaIssue[] = [];
    const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);
    const check = (s: Record<string, unknown>, v: unknown, path: (string | number)[]) => {
      if (typeof s.$ref === 'string') return check((root.$defs as Record<string, Record<string, unknown>>)[s.$ref.replace('#/$defs/', '')] ?? {}, v, path);
      if (typeof s.type === 'string' && !(typeOf(v) === s.type || (s.type === 'number' && typeOf(v) === 'integer'))) {
        issues.push({ path, keyword: 'type', message: `must be ${s.type}`, params: { type: s.type } });
        return;
      }
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        for (const name of (s.required as string[] | undefined) ?? []) if (!(name in v)) issues.push({ path, keyword: 'required', message: `must have required property '${name}'`, params: { missingProperty: name } });
        for (const [name, sub] of Object.entries((s.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
          if (name in v) check(sub, (v as Record<string, unknown>)[name], [...path, name]);
        }
      }
    };
    check(schema, value, []);
    return issues;
  },
  generate: (_schema, seed) => ({ generated: seed }),
};

const USERS = `
openapi: 3.1.0
info: {title: Users, version: '1'}
x-routecraft:
  profile: fastapi
tags:
  - {name: Users, x-routecraft-prefix: /api}
paths:
  /api/users:
    get:
      tags: [Users]
      responses:
        '200':
          description: All users.
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/User'}}
    post:
      tags: [Users]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/NewUser'}
      responses:
        '201':
          description: Created.
          headers:
            X-Request-Id: {schema: {type: string}, example: "req-1"}
            Location: {schema: {type: string, format: uri-reference}}
        '422': {description: Invalid.}
  /api/users/{user_id}:
    parameters:
      - {name: user_id, in: path, required: true, schema: {type: integer}}
    get:
      tags: [Users]
      responses:
        '200':
          description: One user.
          headers:
            X-Note: {schema: {type: string}, example: "café\\nline"}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/User'}
              examples:
                ada: {value: {id: 1, name: Ada}}
                grace: {value: {id: 2, name: Grace}}
            text/plain:
              example: a user
        '404':
          description: Not found.
          content:
            application/json:
              examples:
                gone: {value: {detail: gone}}
        4XX:
          description: Client errors.
          content:
            application/json:
              schema: {type: object, example: {detail: client error}}
    delete:
      tags: [Users]
      responses:
        '204': {description: Deleted.}
  /api/things/{a}/{b}:
    get:
      tags: [Users]
      parameters:
        - {name: a, in: path, required: true, schema: {type: integer}}
        - {name: b, in: path, required: true, schema: {type: string, format: uuid}}
      responses:
        '200': {description: OK, content: {application/json: {schema: {type: object}}}}
  /api/old:
    get:
      tags: [Users]
      responses:
        '301':
          description: Moved.
          headers:
            Location: {schema: {type: string}, example: /api/users}
  /api/cached:
    get:
      tags: [Users]
      responses:
        '304': {description: Not modified.}
components:
  schemas:
    User:
      type: object
      required: [id, name]
      properties:
        id: {type: integer}
        name: {type: string}
    NewUser:
      type: object
      required: [name]
      properties:
        name: {type: string}
`;

function table(text = USERS, options: { profile?: ProfileId; strict?: boolean } = {}): MockTable {
  const doc = openDocument(text);
  expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // The CLI's detached copy; the app's live source is what mock-server.service.test.ts goes through.
  return new MockTable(detachedSource(doc), { engine: fakeEngine, ...options });
}

function send(t: MockTable, method: string, target: string, headers: Record<string, string> = {}, body: string | null = null): MockResponse {
  const request: MockRequest = { method, target, headers: { host: 'mock.test:4010', ...headers }, body };
  return resolveMockRequest(t, request, () => 0.5);
}

function header(r: MockResponse, name: string): string | undefined {
  return r.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

function json(r: MockResponse): unknown {
  return JSON.parse(r.body ?? 'null');
}

describe('the framework answers (fastapi profile)', () => {
  const t = table();

  test('404: FastAPI’s body, extended with the closest routes', () => {
    const r = send(t, 'GET', '/api/user/1');
    expect(r.status).toBe(404);
    expect(json(r)).toEqual({ detail: 'Not Found', closestRoutes: expect.arrayContaining(['GET /api/users/{user_id}']) });
    expect((json(r) as { closestRoutes: string[] }).closestRoutes[0]).toBe('GET /api/users/{user_id}');
    expect(header(r, 'content-type')).toBe('application/json');
    expect(r.route).toBeNull();
  });

  test('405 with Allow, from the matcher', () => {
    const r = send(t, 'PATCH', '/api/users/1');
    expect(r.status).toBe(405);
    // Starlette's Allow names the first route whose path matched.
    expect(header(r, 'allow')).toBe('GET');
    expect(json(r)).toEqual({ detail: 'Method Not Allowed' });
    expect(r.trace.map((s) => s.outcome)).toEqual(['method-mismatch', 'method-mismatch']);
  });

  test('307 trailing-slash redirect: an absolute Location built from Host, as Starlette does', () => {
    const r = send(t, 'GET', '/api/users/?q=1');
    expect(r.status).toBe(307);
    expect(header(r, 'location')).toBe('http://mock.test:4010/api/users?q=1');
    expect(r.body).toBeNull();
    expect(header(r, 'content-length')).toBe('0');
  });

  test('422 for path params: every failing param, in pydantic 1’s words', () => {
    const r = send(t, 'GET', '/api/things/x/not-a-uuid');
    expect(r.status).toBe(422);
    expect(json(r)).toEqual({
      detail: [
        { loc: ['path', 'a'], msg: 'value is not a valid integer', type: 'type_error.integer' },
        { loc: ['path', 'b'], msg: 'value is not a valid uuid', type: 'type_error.uuid' },
      ],
    });
    expect(r.route?.key).toBe('GET /api/things/{a}/{b}');
  });

  test('422 for a JSON body: missing, not JSON, against its schema ($ref followed)', () => {
    expect(json(send(t, 'POST', '/api/users'))).toEqual({ detail: [{ loc: ['body'], msg: 'field required', type: 'value_error.missing' }] });
    const broken = send(t, 'POST', '/api/users', { 'content-type': 'application/json' }, '{bad');
    expect(broken.status).toBe(422);
    expect(json(broken)).toMatchObject({ detail: [{ loc: ['body', 1], type: 'value_error.jsondecode' }] });
    const wrong = send(t, 'POST', '/api/users', { 'content-type': 'application/json' }, '{"name": 3}');
    expect(json(wrong)).toEqual({ detail: [{ loc: ['body', 'name'], msg: 'str type expected', type: 'type_error.str' }] });
    const missing = send(t, 'POST', '/api/users', { 'content-type': 'application/json' }, '{}');
    expect(json(missing)).toEqual({ detail: [{ loc: ['body', 'name'], msg: 'field required', type: 'value_error.missing' }] });
    // FastAPI reads a body of another type as text, which is not an object.
    expect(json(send(t, 'POST', '/api/users', { 'content-type': 'text/plain' }, 'hello'))).toEqual({ detail: [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }] });
    expect(send(t, 'POST', '/api/users', { 'content-type': 'application/json' }, '{"name": "Ada"}').status).toBe(201);
  });
});

describe('the route’s response', () => {
  const t = table();

  test('default status with its first example; Content-Length in UTF-8 bytes', () => {
    const r = send(t, 'GET', '/api/users/7');
    expect(r.status).toBe(200);
    expect(json(r)).toEqual({ id: 1, name: 'Ada' });
    expect(r.source).toBe('example "ada" of 200');
    expect(header(r, 'content-length')).toBe(String(r.body?.length));
  });

  test('every declared header with its example, made sendable', () => {
    expect(header(send(t, 'GET', '/api/users/7'), 'X-Note')).toBe('caf%C3%A9 line');
    expect(header(send(t, 'POST', '/api/users', {}, '{"name":"Ada"}'), 'X-Request-Id')).toBe('req-1');
  });

  test('Location on 201 derived from the route when declared without example, on 3xx from the header’s example', () => {
    expect(header(send(t, 'POST', '/api/users', {}, '{"name":"Ada"}'), 'location')).toBe('/api/users/1');
    // Not declared: not invented (the real handler would not send one either).
    expect(header(send(t, 'GET', '/api/users/1', { prefer: 'code=404' }), 'location')).toBeUndefined();
    const moved = send(t, 'GET', '/api/old');
    expect(moved.status).toBe(301);
    expect(header(moved, 'location')).toBe('/api/users');
  });

  test('no body on 204 and 304, nor on HEAD', () => {
    const deleted = send(t, 'DELETE', '/api/users/1');
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect(header(deleted, 'content-length')).toBeUndefined();
    expect(send(t, 'GET', '/api/cached')).toMatchObject({ status: 304, body: null });
    // Express runs the GET handler for HEAD: same headers, no body.
    const express = table(USERS, { profile: 'express' });
    const head = send(express, 'HEAD', '/api/users/7');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(header(head, 'content-length')).toBe(String(send(express, 'GET', '/api/users/7').body?.length));
  });

  test('the body generated from the schema when there is no example, deterministic by default', () => {
    const r = send(t, 'GET', '/api/users');
    expect(json(r)).toEqual({ generated: 1 });
    expect(r.source).toBe('200 body generated from the schema');
  });

  test('Accept picks among the declared media types', () => {
    const r = send(t, 'GET', '/api/users/7', { accept: 'text/plain' });
    expect(r.body).toBe('a user');
    expect(header(r, 'content-type')).toBe('text/plain; charset=utf-8');
  });
});

describe('Prefer (Prism’s convention)', () => {
  const t = table();

  test('code= picks a declared response: exact, by class, and says it was applied', () => {
    const r = send(t, 'GET', '/api/users/7', { prefer: 'code=404' });
    expect(r.status).toBe(404);
    expect(json(r)).toEqual({ detail: 'gone' });
    expect(header(r, 'preference-applied')).toBe('code=404');
    const teapot = send(t, 'GET', '/api/users/7', { prefer: 'code=418' });
    expect(teapot.status).toBe(418);
    expect(json(teapot)).toEqual({ detail: 'client error' });
  });

  test('an undeclared code or example: a clear 400 listing what is declared', () => {
    const r = send(t, 'GET', '/api/users/7', { prefer: 'code=500' });
    expect(r.status).toBe(400);
    expect(json(r)).toMatchObject({ detail: 'Prefer: code=500: GET /api/users/{user_id} declares no 500 response. Declared: 200 (examples: ada, grace, example), 404 (examples: gone), 4XX.' });
    expect(json(send(t, 'GET', '/api/users/7', { prefer: 'example=nobody' }))).toMatchObject({ detail: expect.stringContaining('has no example named "nobody"') });
    expect(send(t, 'GET', '/api/users/7', { prefer: 'code=abc' }).status).toBe(400);
  });

  test('example= picks a named example, in another response too', () => {
    expect(json(send(t, 'GET', '/api/users/7', { prefer: 'example=grace' }))).toEqual({ id: 2, name: 'Grace' });
    const gone = send(t, 'GET', '/api/users/7', { prefer: 'example="gone"' });
    expect(gone.status).toBe(404);
    expect(json(gone)).toEqual({ detail: 'gone' });
    expect(json(send(t, 'GET', '/api/users/7', { prefer: 'code=200; example=grace' }))).toEqual({ id: 2, name: 'Grace' });
  });

  test('dynamic=true generates from the schema with a random seed', () => {
    expect(json(send(t, 'GET', '/api/users/7', { prefer: 'dynamic=true' }))).toEqual({ generated: 2 ** 30 });
  });
});

describe('settings: latency, CORS, strict mode', () => {
  const withSettings = (mock: string) => USERS.replace('  profile: fastapi\n', `  profile: fastapi\n  mock: ${mock}\n`);

  test('latency: the document’s, and a response’s own x-routecraft-mock.latencyMs', () => {
    const text = withSettings('{latencyMs: 40}').replace("'204': {description: Deleted.}", "'204': {description: Deleted., x-routecraft-mock: {latencyMs: 250}}");
    const t = table(text);
    expect(send(t, 'GET', '/api/users/1').delayMs).toBe(40);
    expect(send(t, 'GET', '/nothing').delayMs).toBe(40);
    expect(send(t, 'DELETE', '/api/users/1').delayMs).toBe(250);
    expect(send(table(), 'GET', '/api/users/1').delayMs).toBe(0);
  });

  test('CORS off: a preflight is an ordinary OPTIONS request (405 in FastAPI)', () => {
    const r = send(table(), 'OPTIONS', '/api/users', { origin: 'http://app.test', 'access-control-request-method': 'POST' });
    expect(r.status).toBe(405);
    expect(header(r, 'access-control-allow-origin')).toBeUndefined();
  });

  test('CORS permissive: preflights allowed, responses carry the origin and expose declared headers', () => {
    const t = table(withSettings('{cors: permissive}'));
    const pre = send(t, 'OPTIONS', '/api/users', { origin: 'http://app.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-token' });
    expect(pre.status).toBe(204);
    expect(header(pre, 'access-control-allow-origin')).toBe('http://app.test');
    expect(header(pre, 'access-control-allow-methods')).toBe('POST');
    expect(header(pre, 'access-control-allow-headers')).toBe('content-type, x-token');
    const created = send(t, 'POST', '/api/users', { origin: 'http://app.test' }, '{"name":"Ada"}');
    expect(header(created, 'access-control-allow-origin')).toBe('http://app.test');
    expect(header(created, 'access-control-expose-headers')).toBe('X-Request-Id, Location');
  });

  test('CORS allow-list: listed origins only', () => {
    const t = table(withSettings('{cors: [http://app.test]}'));
    expect(send(t, 'OPTIONS', '/api/users', { origin: 'http://app.test', 'access-control-request-method': 'GET' }).status).toBe(204);
    const refused = send(t, 'OPTIONS', '/api/users', { origin: 'http://evil.test', 'access-control-request-method': 'GET' });
    expect(refused.status).toBe(403);
    expect(header(refused, 'access-control-allow-origin')).toBeUndefined();
    expect(header(send(t, 'GET', '/api/users', { origin: 'http://evil.test' }), 'access-control-allow-origin')).toBeUndefined();
    expect(header(send(t, 'GET', '/api/users', { origin: 'http://app.test' }), 'access-control-allow-origin')).toBe('http://app.test');
  });

  test('strict mode reports an example that does not match its schema, as a diagnostic on it', () => {
    const text = USERS.replace('grace: {value: {id: 2, name: Grace}}', 'grace: {value: {id: two, name: Grace}}');
    const lenient = send(table(text), 'GET', '/api/users/7', { prefer: 'example=grace' });
    expect(lenient.problems).toEqual([]);
    const strict = send(table(text, { strict: true }), 'GET', '/api/users/7', { prefer: 'example=grace' });
    expect(strict.status).toBe(200);
    expect(strict.problems).toEqual([
      {
        rule: 'mock/response-body-mismatch',
        severity: 'warning',
        message: 'GET /api/users/{user_id} 200 application/json: the example "grace" of 200 does not match its schema: /id must be integer',
        target: { pointer: '/paths/~1api~1users~1{user_id}/get/responses/200/content/application~1json/examples/grace', routeKey: 'GET /api/users/{user_id}', status: '200' },
      },
    ]);
    expect(send(table(text, { strict: true }), 'GET', '/api/users/7').problems).toEqual([]);
  });
});

describe('other profiles and odd targets', () => {
  test('django-modern-rest: 301 to the slashed path, Location as a path', () => {
    const text = USERS.replace('profile: fastapi', 'profile: django-modern-rest').replace('/api/users:\n', '/api/users/:\n').replace(/\/api\/users\/\{user_id\}/g, '/api/users/{user_id}/');
    const t = table(text);
    const r = send(t, 'GET', '/api/users');
    expect(r.status).toBe(301);
    expect(header(r, 'location')).toBe('/api/users/');
    const bad = send(t, 'GET', '/api/users/abc/');
    expect(bad.status).toBe(422);
    expect(json(bad)).toEqual({ detail: [{ msg: 'path.user_id: must be integer, not "abc"', type: 'value_error' }] });
  });

  test('express: no 405 (404), OPTIONS answered with the Allow list, no body validation', () => {
    const t = table(USERS, { profile: 'express' });
    expect(send(t, 'PATCH', '/api/users/1').status).toBe(404);
    const options = send(t, 'OPTIONS', '/api/users/1');
    expect(options.status).toBe(200);
    expect(header(options, 'allow')).toBe(options.body ?? '');
    expect(send(t, 'POST', '/api/users', { 'content-type': 'application/json' }, '{bad').status).toBe(201);
  });

  test('absolute-form targets are routed by their path; other targets are a 400', () => {
    const t = table();
    expect(send(t, 'GET', 'http://mock.test/api/users/1').status).toBe(200);
    const star = send(t, 'OPTIONS', '*');
    expect(star.status).toBe(400);
    expect(json(star)).toEqual({ detail: 'The request target must be a path starting with "/".' });
  });

  test('a route without declared responses answers its status with an empty body', () => {
    const t = table('openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get: {}\n');
    const r = send(t, 'GET', '/a');
    expect(r).toMatchObject({ status: 200, body: null });
    expect(header(r, 'content-length')).toBe('0');
  });
});

describe('answers computed once', () => {
  test('a route’s answer without Prefer, CORS or a derived Location: one header list, flat for node:http too', () => {
    const t = table();
    const one = send(t, 'GET', '/api/users/1');
    const two = send(t, 'GET', '/api/users/2');
    expect(two.headers).toBe(one.headers);
    expect(one.headers).toEqual([
      ['X-Note', 'caf%C3%A9 line'],
      ['Content-Type', 'application/json'],
      ['Content-Length', '21'],
    ]);
    expect(one.wireHeaders).toEqual(one.headers.flat());
    // HEAD where the framework runs GET for it: the same headers, no body.
    const express = table(USERS, { profile: 'express' });
    const get = send(express, 'GET', '/api/users/1');
    const head = send(express, 'HEAD', '/api/users/1');
    expect(head.status).toBe(200);
    expect(head.headers).toBe(get.headers);
    expect(head.body).toBeNull();
  });

  test('what depends on the request goes on a list of its own, never on the shared one', () => {
    const t = table(USERS.replace('  profile: fastapi\n', '  profile: fastapi\n  mock: {cors: permissive}\n'));
    const plain = send(t, 'GET', '/api/users/1');
    const before = plain.headers.map(([n, v]) => `${n}: ${v}`);
    const cors = send(t, 'GET', '/api/users/1', { origin: 'http://app.test' });
    expect(header(cors, 'access-control-allow-origin')).toBe('http://app.test');
    expect(cors.wireHeaders).toBeUndefined();
    const preferred = send(t, 'GET', '/api/users/1', { prefer: 'example=grace' });
    expect(header(preferred, 'preference-applied')).toBe('example=grace');
    const created = send(t, 'POST', '/api/users/', {}, '{"name":"Ada"}');
    expect(created.status).toBe(307);
    const again = send(t, 'GET', '/api/users/1');
    expect(again.headers).toBe(plain.headers);
    expect(again.headers.map(([n, v]) => `${n}: ${v}`)).toEqual(before);
    expect(header(again, 'access-control-allow-origin')).toBeUndefined();
  });
});

describe('a table that lets go of its document (routecraft mock)', () => {
  function liveTable(doc: ApiDocument): MockTable {
    return new MockTable(liveSource(doc), { engine: fakeEngine });
  }

  test('answers after detach() as before, 422s per parameter included', () => {
    const doc = openDocument(USERS);
    const t = liveTable(doc);
    const requests: [string, string][] = [
      ['GET', '/api/things/x/not-a-uuid'],
      ['GET', '/api/users/1'],
      ['POST', '/api/users'],
      ['GET', '/api/user/1'],
      ['PATCH', '/api/users/1'],
    ];
    const before = requests.map(([method, target]) => send(t, method, target));
    t.detach();
    const after = requests.map(([method, target]) => send(t, method, target));
    const shape = (r: MockResponse) => ({ status: r.status, headers: r.headers, body: r.body, route: r.route?.key, trace: r.trace, source: r.source });
    expect(after.map(shape)).toEqual(before.map(shape));
    expect(json(after[0] as MockResponse)).toMatchObject({ detail: [{ loc: ['path', 'a'] }, { loc: ['path', 'b'] }] });
    expect(t.model.routes.every((r) => t.patternOf(r)?.route === r)).toBe(true);
  });

  test('holds nothing of the document once detached, even after answering from it', async () => {
    let doc: ApiDocument | undefined = openDocument(USERS);
    const source = new WeakRef(doc.source);
    const t = liveTable(doc);
    for (const target of ['/api/users/1', '/api/things/1/x', '/api/user/1']) send(t, 'GET', target);
    t.detach();
    doc = undefined;
    // A WeakRef holds its target until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    expect(source.deref()).toBeUndefined();
    expect(send(t, 'GET', '/api/things/x/not-a-uuid').status).toBe(422);
  });
});
