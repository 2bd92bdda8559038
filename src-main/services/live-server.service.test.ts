import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { ContractError } from '../../shared/contract/contract-error';
import { parseRequest } from '../../shared/contract/dispatch';
import { TRY_LIMITS } from '../../shared/contract/live-server.schema';
import { applyIntent } from '../../shared/edit/apply-intent';
import type { MockLogEvent } from '../../shared/mock/request-log';
import { openDocument } from '../../shared/model/open-document';
import type { EventSink } from './event-hub';
import { LiveServerService } from './live-server.service';

const USERS = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');
const services: LiveServerService[] = [];
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
  for (const close of closers.splice(0)) await close();
});

/** A live server for `text` on a free port, and the log events it emitted. */
async function live(text = USERS): Promise<{ service: LiveServerService; events: MockLogEvent[] }> {
  const events: MockLogEvent[] = [];
  const emit = ((channel: string, payload: unknown) => {
    if (channel === 'server.log') events.push(payload as MockLogEvent);
  }) as EventSink;
  const service = new LiveServerService(emit, { port: 0 });
  services.push(service);
  service.setDocument(openDocument(text));
  const status = await service.start();
  expect(status.running).toBe(true);
  return { service, events };
}

async function refusal(work: () => Promise<unknown>): Promise<ContractError> {
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractError);
  return error as ContractError;
}

describe('LiveServerService.tryRequest', () => {
  test('before the server runs: a clear message, nothing sent', async () => {
    const service = new LiveServerService(() => undefined, { port: 0 });
    service.setDocument(openDocument(USERS));
    const error = await refusal(() => service.tryRequest({ method: 'GET', path: '/health', headers: [] }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('The live server is not running: start it, then send the request.');
  });

  test('answers as the design says, with headers, body and time; the request shows up in the log', async () => {
    const { service, events } = await live();
    const answer = await service.tryRequest({ method: 'get', path: '/api/users/me', headers: [['X-Client', 'try-it']] });
    // FastAPI: `/api/users/{user_id}` (an int) is declared first and answers 422 for "me".
    expect(answer.status).toBe(422);
    expect(answer.url).toBe(`${service.status().url}/api/users/me`);
    expect(answer.headers).toContainEqual(['Content-Type', 'application/json']);
    expect(JSON.parse(answer.body)).toMatchObject({ detail: [{ loc: ['path', 'user_id'] }] });
    expect(answer.truncated).toBe(false);
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ method: 'GET', path: '/api/users/me', status: 422, route: 'GET /api/users/{user_id}' });
    expect(events[0]?.requestHeaders['x-client']).toBe('try-it');

    const created = await service.tryRequest({ method: 'POST', path: '/api/users', headers: [['Content-Type', 'application/json']], body: '{"name":"Ada"}' });
    expect(created.status).toBe(201);
    expect(created.headers).toContainEqual(['Location', '/api/users/42']);
    await expect.poll(() => events.length).toBe(2);
    expect(events[1]?.requestBody).toEqual({ text: '{"name":"Ada"}', bytes: 14, truncated: false });
  });

  test('only ever the live server: other hosts, protocol-relative and backslash paths are refused', async () => {
    const { service, events } = await live();
    // A server that must never hear from tryRequest.
    let decoyHits = 0;
    const decoy = http.createServer((_req, res) => {
      decoyHits++;
      res.end('owned');
    });
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => decoy.close(() => resolve())));
    const decoyPort = (decoy.address() as AddressInfo).port;

    for (const path of ['http://evil.example/', `http://127.0.0.1:${decoyPort}/`, '//evil', `//127.0.0.1:${decoyPort}/x`, '/\\evil.example', 'evil.example', '/a b', '/x#frag', '']) {
      // Main's schema stops it before the handler…
      expect(() => parseRequest('server.tryRequest', { method: 'GET', path, headers: [] }), path).toThrow(/server\.tryRequest: invalid request: path/);
      // …and the service refuses it on its own too.
      const error = await refusal(() => service.tryRequest({ method: 'GET', path, headers: [] }));
      expect(error.code).toBe('invalid-request');
    }
    expect(decoyHits).toBe(0);
    expect(events).toEqual([]);
    // A Host header does not move the connection either: the live server answers it.
    const hosted = await service.tryRequest({ method: 'GET', path: '/health', headers: [['Host', `127.0.0.1:${decoyPort}`]] });
    expect(hosted).toMatchObject({ status: 200, body: 'ok' });
    expect(decoyHits).toBe(0);
  });

  test('framing headers and CONNECT are refused; non-ASCII paths are percent-encoded', async () => {
    const { service, events } = await live();
    expect((await refusal(() => service.tryRequest({ method: 'POST', path: '/api/users', headers: [['Content-Length', '5']], body: '{}' }))).message).toBe(
      'Leave out Content-Length: it is set from the request itself.',
    );
    expect((await refusal(() => service.tryRequest({ method: 'CONNECT', path: '/x', headers: [] }))).code).toBe('invalid-request');
    expect((await refusal(() => service.tryRequest({ method: 'GET', path: '/health', headers: [['X-Name', '日本']] }))).message).toMatch(/^The request could not be sent: Invalid character in header content/);
    const odd = await service.tryRequest({ method: 'GET', path: '/health', headers: [['__proto__', 'x'], ['X-Twice', 'a'], ['x-twice', 'b']] });
    expect(odd.status).toBe(200);
    await expect.poll(() => events.at(-1)?.requestHeaders['x-twice']).toBe('a, b');
    const answer = await service.tryRequest({ method: 'GET', path: '/api/users/José', headers: [] });
    expect(answer.status).toBe(422);
    await expect.poll(() => events.at(-1)?.path).toBe('/api/users/Jos%C3%A9');
  });

  test('a big answer comes back cut at the limit, flagged as truncated', async () => {
    const big = `openapi: 3.1.0\ninfo: {title: Big, version: '1'}\npaths:\n  /big:\n    get:\n      responses:\n        '200':\n          description: Big.\n          content:\n            text/plain:\n              example: ${'x'.repeat(300_000)}\n`;
    const { service } = await live(big);
    const answer = await service.tryRequest({ method: 'GET', path: '/big', headers: [] });
    expect(answer.status).toBe(200);
    expect(answer.truncated).toBe(true);
    expect(answer.body.length).toBe(TRY_LIMITS.maxResponseBytes);
  });

  test('the document’s latency and CORS settings (setMockSettings) are what the server applies', async () => {
    const { service } = await live();
    const doc = openDocument(USERS);
    const edited = applyIntent(doc, { op: 'setMockSettings', latencyMs: 80, cors: ['http://localhost:3000'] }).document;
    // An edit reloads the running server.
    service.setDocument(edited);
    const allowed = await service.tryRequest({ method: 'GET', path: '/health', headers: [['Origin', 'http://localhost:3000']] });
    expect(allowed.headers).toContainEqual(['Access-Control-Allow-Origin', 'http://localhost:3000']);
    expect(allowed.durationMs).toBeGreaterThanOrEqual(75);
    const other = await service.tryRequest({ method: 'GET', path: '/health', headers: [['Origin', 'http://evil.example']] });
    expect(other.headers.some(([name]) => name.toLowerCase() === 'access-control-allow-origin')).toBe(false);
    const preflight = await service.tryRequest({ method: 'OPTIONS', path: '/api/users', headers: [['Origin', 'http://localhost:3000'], ['Access-Control-Request-Method', 'POST']] });
    expect(preflight.status).toBe(204);
    // Removing them again: no latency, no CORS headers.
    service.setDocument(applyIntent(edited, { op: 'setMockSettings', latencyMs: null, cors: null }).document);
    const plain = await service.tryRequest({ method: 'GET', path: '/health', headers: [['Origin', 'http://localhost:3000']] });
    expect(plain.headers.some(([name]) => name.toLowerCase() === 'access-control-allow-origin')).toBe(false);
  });

  test('a server stopped meanwhile: a clear message', async () => {
    const { service } = await live();
    await service.stop();
    expect((await refusal(() => service.tryRequest({ method: 'GET', path: '/health', headers: [] }))).code).toBe('unavailable');
  });
});
