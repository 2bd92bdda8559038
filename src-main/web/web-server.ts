import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_PREFIX, EVENTS_PATH, EVENTS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../shared/contract/browser-mode';
import type { Envelope } from '../../shared/contract/contract-error';
import { dispatch, type ContractHandlers } from '../../shared/contract/dispatch';
import type { EventHub } from '../services/event-hub';
import { CONTENT_TYPES } from './content-types';

// Browser mode's transport (DESIGN §5): the contract over HTTP (one POST per call) and a
// WebSocket (events), on 127.0.0.1 only. Every call needs the run's random token; requests from
// other origins and for other host names (DNS rebinding) are refused. The built renderer itself is
// served without the token: it holds no secret, and it is what reads the token from the URL.

export interface WebServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  handlers: ContractHandlers;
  events: EventHub;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Generated when not given: 32 random bytes, hex. */
  token?: string;
  /** Largest request body. Default 128 MiB (a whole large document can travel in one call). */
  maxBodyBytes?: number;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/#token=…`: what to open in a browser. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

// style-src 'unsafe-inline' is for the code editor: Monaco writes <style> elements (theme colours,
// decorations) and renders its lines as HTML with style="top:…" attributes, and supports no nonce.
// Inline CSS cannot run script, and img-src/font-src/connect-src keep any url() it holds on this
// origin, so it cannot send anything out. Everything else stays 'self' or 'none'.
/** The page's policy, also as a header (frame-ancestors works only there). Mirrors index.html's meta tag. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  const maxBody = options.maxBodyBytes ?? 128 * 1024 * 1024;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has(EVENTS_PROTOCOL) ? EVENTS_PROTOCOL : false),
  });
  const unsubscribe = options.events.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      // A client that stopped reading is dropped rather than buffered without bound.
      if (client.bufferedAmount > 256 * 1024 * 1024) client.terminate();
      else client.send(message);
    }
  });
  wss.on('connection', (socket: WebSocket) => {
    // Events only go out; anything a client sends is ignored.
    socket.on('message', () => undefined);
    socket.on('error', () => undefined);
  });

  const server = http.createServer((request, response) => {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      refuse(response, 421, 'forbidden', `Unexpected Host header: this server answers only as 127.0.0.1:${port} or localhost:${port}.`);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(API_PREFIX)) {
      void handleCall(request, response, url.pathname.slice(API_PREFIX.length));
      return;
    }
    void serveStatic(request, response, url.pathname);
  });

  const handleCall = async (request: http.IncomingMessage, response: http.ServerResponse, channel: string) => {
    if (request.method !== 'POST') {
      refuse(response, 405, 'forbidden', 'Calls are POST requests.', { allow: 'POST' });
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      refuse(response, 403, 'forbidden', `Requests from ${origin} are not allowed.`);
      return;
    }
    if (!tokenMatches(bearer(request.headers.authorization), token)) {
      refuse(response, 401, 'forbidden', 'Missing or wrong token: open the URL that `npm run web` printed (it ends in #token=…).');
      return;
    }
    if (!/^application\/json(;|$)/i.test(request.headers['content-type'] ?? '')) {
      refuse(response, 415, 'invalid-request', 'Calls send JSON (Content-Type: application/json).');
      return;
    }
    let payload: unknown;
    try {
      const body = await readBody(request, maxBody);
      payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch (error) {
      refuse(response, 400, 'invalid-request', error instanceof BodyTooLarge ? error.message : 'The request body is not valid JSON.');
      return;
    }
    const envelope = await dispatch(options.handlers, decodeURIComponent(channel), payload);
    send(response, 200, envelope);
  };

  const serveStatic = async (request: http.IncomingMessage, response: http.ServerResponse, pathname: string) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      response.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    const file = path.join(rendererDir, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
    const inside = file.startsWith(rendererDir + path.sep) && !path.relative(rendererDir, file).split(path.sep).some((part) => part.startsWith('.'));
    const info = inside ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': info.size, ...SECURITY_HEADERS });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).on('error', () => response.destroy()).pipe(response);
  };

  server.on('upgrade', (request: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const offered = protocols.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
    const reason =
      !allowedHosts().has(request.headers.host ?? '') ? '421 Misdirected Request'
      : url.pathname !== EVENTS_PATH ? '404 Not Found'
      : !allowedOrigins().has(request.headers.origin ?? '') ? '403 Forbidden'
      : !tokenMatches(offered, token) ? '401 Unauthorized'
      : undefined;
    if (reason) {
      socket.end(`HTTP/1.1 ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function tokenMatches(offered: string | undefined, token: string): boolean {
  if (offered === undefined) return false;
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge(`The request body is over ${limit} bytes.`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, body: Envelope<unknown>, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), ...SECURITY_HEADERS, ...headers });
  response.end(json);
}

function refuse(response: http.ServerResponse, status: number, code: 'forbidden' | 'invalid-request', message: string, headers: Record<string, string> = {}): void {
  send(response, status, { ok: false, error: { code, message } }, headers);
}
