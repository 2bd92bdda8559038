import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { openDocument } from '../../shared/model/open-document';
import type { MockLogEvent } from '../../shared/mock/request-log';
import { MockServer, MockServerError, type MockServerOptions } from './mock-server.service';
import { rawExchange, statusOf } from './mock-test-support';

const USERS = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');
const servers: MockServer[] = [];

async function serve(text = USERS, options: MockServerOptions = {}): Promise<{ server: MockServer; url: string; port: number }> {
  const server = new MockServer(openDocument(text), { port: 0, ...options });
  servers.push(server);
  const address = await server.start();
  return { server, url: address.url, port: address.port };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap').length;
}

describe('MockServer', () => {
  test('binds 127.0.0.1 on a free port and answers as the design says', async () => {
    const { server, url } = await serve();
    expect(server.address?.host).toBe('127.0.0.1');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const one = await fetch(`${url}/api/users/1`);
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ id: 1, name: 'Ada Lovelace' });
    // No example: generated from the schema by json-schema-faker, the same every time.
    const list = await (await fetch(`${url}/api/users`)).json();
    expect(await (await fetch(`${url}/api/users`)).json()).toEqual(list);
    expect(Array.isArray(list)).toBe(true);
    const created = await fetch(`${url}/api/users`, { method: 'POST', body: JSON.stringify({ name: 'Ada' }), headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/users/42');
    const invalid = await fetch(`${url}/api/users`, { method: 'POST', body: JSON.stringify({ name: 7 }), headers: { 'content-type': 'application/json' } });
    expect(await invalid.json()).toEqual({ detail: [{ loc: ['body', 'name'], msg: 'str type expected', type: 'type_error.str' }] });
    const redirect = await fetch(`${url}/api/users/`, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe(`${url}/api/users`);
  });

  test('a taken port: a clear error naming it and saying how to choose another', async () => {
    const { port } = await serve();
    const second = new MockServer(openDocument(USERS), { port });
    const error = await second.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockServerError);
    expect(error).toMatchObject({ code: 'port-in-use', port, host: '127.0.0.1' });
    expect((error as Error).message).toBe(`port ${port} on 127.0.0.1 is already in use (another mock server or program is listening there); choose another port, or port 0 to let the system pick a free one`);
    expect(second.address).toBeUndefined();
  });

  test('start, stop and restart leak no socket', async () => {
    const before = tcpHandles();
    const server = new MockServer(openDocument(USERS), { port: 0 });
    for (let i = 0; i < 10; i++) {
      const { url, port } = await server.start();
      // A keep-alive connection left open by the client is closed by stop().
      const agentSocket = net.connect({ port, host: '127.0.0.1' });
      const agentClosed = new Promise((resolve) => agentSocket.once('close', resolve));
      agentSocket.on('error', () => undefined);
      await new Promise((resolve) => agentSocket.once('connect', resolve));
      expect((await fetch(`${url}/health`)).status).toBe(200);
      if (i % 2 === 0) {
        const again = await server.restart();
        expect(again.port).toBe(port);
        expect((await fetch(`${url}/health`)).status).toBe(200);
      }
      await server.stop();
      expect(server.connectionCount).toBe(0);
      // The server closed the idle connection itself.
      await agentClosed;
      const refused = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', 1000);
      expect(refused.error).toBe('ECONNREFUSED');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tcpHandles()).toBeLessThanOrEqual(before);
  });

  test('hot reload swaps the table atomically: the in-flight request finishes on the old one, the connection stays', async () => {
    const slow = USERS.replace('x-routecraft:\n  profile: fastapi\n', 'x-routecraft:\n  profile: fastapi\n  mock: {latencyMs: 300}\n');
    const { server, url } = await serve(slow);
    const inFlight = fetch(`${url}/api/users/1`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.setDocument(openDocument(USERS.replace('value: {id: 1, name: Ada Lovelace}', 'value: {id: 1, name: Ada King}')));
    const after = await fetch(`${url}/api/users/1`);
    expect(await after.json()).toEqual({ id: 1, name: 'Ada King' });
    expect(await inFlight).toEqual({ status: 200, body: { id: 1, name: 'Ada Lovelace' } });
    // A keep-alive connection opened before a reload carries the requests after it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.get(`${url}${path}`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
      });
    expect(await get('/health')).toEqual({ status: 200, reused: false });
    // A document that drops the route: the next request gets the new answer, on the same connection.
    server.setDocument(openDocument(USERS.replace('  /health:\n', '  /healthz:\n')));
    expect(await get('/health')).toEqual({ status: 404, reused: true });
    expect(await get('/healthz')).toEqual({ status: 200, reused: true });
    agent.destroy();
  });

  test('the request log: one event per request with route, trace, headers and capped bodies; subscribers see them live', async () => {
    const { server, url } = await serve(USERS, { bodyPreviewChars: 10, logCapacity: 5 });
    const seen: MockLogEvent[] = [];
    const unsubscribe = server.subscribe((e) => seen.push(e));
    await fetch(`${url}/api/users`, { method: 'POST', body: JSON.stringify({ name: 'A very long name indeed' }), headers: { 'content-type': 'application/json', 'x-client': 'test' } });
    await fetch(`${url}/api/users/me`);
    unsubscribe();
    expect(seen).toHaveLength(2);
    const [created, me] = seen as [MockLogEvent, MockLogEvent];
    expect(created).toMatchObject({ method: 'POST', path: '/api/users', status: 201, route: 'POST /api/users', operationId: 'create_user', source: '201 response, which declares no content' });
    expect(created.requestHeaders['x-client']).toBe('test');
    expect(created.responseHeaders).toContainEqual(['Location', '/api/users/42']);
    expect(created.requestBody).toEqual({ text: '{"name":"A', bytes: 34, truncated: true });
    expect(created.durationMs).toBeGreaterThan(0);
    // `/api/users/me` is shadowed by `/api/users/{user_id}` in FastAPI: the trace says so.
    expect(me).toMatchObject({ status: 422, route: 'GET /api/users/{user_id}' });
    expect(me.trace.map((s) => `${s.index} ${s.outcome}`)).toEqual(['3 invalid-param']);
    for (let i = 0; i < 10; i++) await fetch(`${url}/health`);
    expect(server.log.entries()).toHaveLength(5);
  });

  test('an event read from the log later carries what a listener saw at the time', async () => {
    const { server, url } = await serve(USERS, { bodyPreviewChars: 10 });
    const seen: MockLogEvent[] = [];
    const request = () => fetch(`${url}/api/users`, { method: 'POST', body: JSON.stringify({ name: 'A very long name indeed' }), headers: { 'content-type': 'application/json', 'x-client': 'test' } });
    const unsubscribe = server.subscribe((e) => seen.push(e));
    await request();
    unsubscribe();
    const sent = Date.now();
    await request();
    const answered = Date.now();
    const [live, later] = server.log.entries() as [MockLogEvent, MockLogEvent];
    expect(live).toBe(seen[0]);
    const { id, time, durationMs, requestHeaders, ...rest } = later;
    expect(id).toBe(live.id + 1);
    expect(Date.parse(time)).toBeGreaterThanOrEqual(sent - 1);
    expect(Date.parse(time)).toBeLessThanOrEqual(answered);
    expect(durationMs).toBeGreaterThan(0);
    expect(requestHeaders['x-client']).toBe('test');
    expect(rest).toEqual({ method: 'POST', path: '/api/users', status: 201, route: 'POST /api/users', operationId: 'create_user', source: live.source, trace: live.trace, responseHeaders: live.responseHeaders, requestBody: { text: '{"name":"A', bytes: 34, truncated: true }, responseBody: live.responseBody, problems: [] });
    expect(server.log.total).toBe(2);
  });

  test('strict mode: a body that does not match its schema is reported in the log', async () => {
    const text = USERS.replace('value: {id: 1, name: Ada Lovelace}', 'value: {id: one, name: Ada Lovelace}');
    const { server, url } = await serve(text, { strict: true });
    expect((await fetch(`${url}/api/users/1`)).status).toBe(200);
    expect(server.log.entries().at(-1)?.problems).toEqual(['GET /api/users/{user_id} 200 application/json: the example "ada" of 200 does not match its schema: /id must be integer']);
  });

  test('limits: oversized bodies, long paths, giant headers, malformed requests, slow clients get a clear 4xx or are cut off', async () => {
    const { server, port, url } = await serve(USERS, { maxBodyBytes: 1000, maxPathLength: 200, maxHeaderBytes: 2000, headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const declared = await rawExchange(port, `POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n`);
    expect(statusOf(declared.text)).toBe(413);
    expect(declared.text).toContain('"detail":"The request body is 5000 bytes; the limit is 1000 (maxBodyBytes)."');
    const big = await fetch(`${url}/api/users`, { method: 'POST', body: 'x'.repeat(5000) }).catch((e: unknown) => e);
    expect(String(big instanceof Response ? big.status : 'dropped')).toMatch(/^(413|dropped)$/);
    const chunked = await rawExchange(port, `POST /api/users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n${'x'.repeat(2048)}\r\n`);
    expect(String(statusOf(chunked.text) ?? 'dropped')).toMatch(/^(413|dropped)$/);
    const long = await fetch(`${url}/${'a'.repeat(300)}`);
    expect(long.status).toBe(414);
    const headers = await rawExchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(4000)}\r\n\r\n`);
    expect(statusOf(headers.text)).toBe(431);
    const garbage = await rawExchange(port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(statusOf(garbage.text)).toBe(400);
    expect(garbage.text).toContain('not valid HTTP');
    const slow = await rawExchange(port, 'GET /health HTTP/1.1\r\nHost: x\r\n', 5000);
    expect(slow.timedOut).toBe(false);
    expect(String(statusOf(slow.text) ?? 'closed')).toMatch(/^(408|closed)$/);
    // Odd but valid paths are answered as the framework would.
    expect((await fetch(`${url}/api/users/%zz`)).status).toBe(422);
    expect((await rawExchange(port, 'GET /api/users/.. HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).text).toMatch(/^HTTP\/1\.1 422/);
    expect((await rawExchange(port, 'GET /api/../health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).text).toMatch(/^HTTP\/1\.1 404/);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(server.log.entries().some((e) => e.status === 431 && e.error?.includes('over the limit'))).toBe(true);
  });

  test('binding another host, and an address that is not this machine’s', async () => {
    const { server } = await serve(USERS, { host: '::1' });
    expect(server.address?.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    const error = await new MockServer(openDocument(USERS), { host: '192.0.2.1', port: 0 }).start().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'address-unavailable' });
  });
});
