import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { INVOKE_CHANNELS } from '../../shared/contract/contract';
import type { ContractHandlers } from '../../shared/contract/dispatch';
import { EventHub } from '../services/event-hub';
import { startWebServer, type WebServer } from './web-server';

let dir: string;
let server: WebServer;
const hub = new EventHub();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'routecraft-web-'));
  await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  const handlers = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, (request: unknown) => ({ channel: c, request })])) as unknown as ContractHandlers;
  server = await startWebServer({ rendererDir: path.join(dir, 'renderer'), handlers, events: hub, token: 'ab'.repeat(32) });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw request (fetch normalises paths and refuses some headers). */
function raw(method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: server.port, method, path: target, headers: { host: `127.0.0.1:${server.port}`, ...headers } });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const auth = () => ({ authorization: `Bearer ${server.token}`, 'content-type': 'application/json' });

describe('browser-mode server', () => {
  it('serves the renderer with a strict policy, and nothing outside it', async () => {
    const index = await raw('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('GET', '/assets/app.js')).headers['content-type']).toContain('text/javascript');
    expect((await raw('GET', '/../secret.txt')).status).toBe(404);
    expect((await raw('GET', '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await raw('GET', '/assets/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
    expect((await raw('GET', '/%E0%A4%A')).status).toBe(400);
  });

  it('answers calls with the token, as envelopes', async () => {
    const answer = await raw('POST', '/api/documents.open', auth(), JSON.stringify({ path: '/a.yaml' }));
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { channel: 'documents.open', request: { path: '/a.yaml' } } });
    expect(JSON.parse((await raw('POST', '/api/nope.nope', auth(), '{}')).body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(JSON.parse((await raw('POST', '/api/documents.open', auth(), '{"path":')).body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await raw('POST', '/api/documents.open', { authorization: `Bearer ${server.token}`, 'content-type': 'text/plain' }, '{}')).status).toBe(415);
    expect((await raw('GET', '/api/documents.current', auth())).status).toBe(405);
  });

  it('refuses calls without the token, from other origins and for other hosts', async () => {
    expect((await raw('POST', '/api/documents.current', { 'content-type': 'application/json' }, '{}')).status).toBe(401);
    expect((await raw('POST', '/api/documents.current', { ...auth(), authorization: `Bearer ${'cd'.repeat(32)}` }, '{}')).status).toBe(401);
    expect((await raw('POST', '/api/documents.current', { ...auth(), origin: 'http://127.0.0.1:1' }, '{}')).status).toBe(403);
    expect((await raw('POST', '/api/documents.current', { ...auth(), host: 'attacker.example' }, '{}')).status).toBe(421);
    expect((await raw('GET', '/', { host: `attacker.example:${server.port}` })).status).toBe(421);
  });

  it('sends events to sockets that brought the token from the right origin', async () => {
    const connect = (protocols: string[], origin: string) =>
      new Promise<WebSocket | string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, protocols, { origin });
        socket.on('open', () => resolve(socket));
        socket.on('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
        socket.on('error', () => resolve('error'));
      });
    expect(await connect(['routecraft.v1'], server.origin)).toBe('401');
    expect(await connect(['routecraft.v1', `token.${server.token}`], 'http://evil.example')).toBe('403');
    const socket = await connect(['routecraft.v1', `token.${server.token}`], server.origin);
    if (typeof socket === 'string') throw new Error(`refused: ${socket}`);
    const message = new Promise<unknown>((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
    hub.emit('app.command', { command: 'undo' });
    expect(await message).toEqual({ event: 'app.command', payload: { command: 'undo' } });
    socket.close();
  });
});
