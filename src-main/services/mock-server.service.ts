import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { liveSource, type MockSource } from '../../shared/mock/mock-source';
import { MockTable } from '../../shared/mock/mock-table';
import type { MockRequest, MockResponse } from '../../shared/mock/mock-types';
import { RequestLog, type LogListener, type MockLogEvent } from '../../shared/mock/request-log';
import { resolveMockRequest } from '../../shared/mock/resolve-request';
import type { SchemaEngine } from '../../shared/mock/schema-engine';
import type { ApiModel } from '../../shared/model/api-model';
import type { ApiDocument } from '../../shared/model/open-document';
import type { ProfileId } from '../../shared/model/x-routecraft';
import { MockLogRecord } from './mock-log-record';
import { createSchemaEngine } from './mock-schema-engine';

export interface MockServerOptions {
  /** Default 127.0.0.1: the mock is for this machine unless asked otherwise. */
  host?: string;
  /** Default 4010 (Prism's); 0 picks a free port. */
  port?: number;
  /** Overrides the document's `x-routecraft.profile`. */
  profile?: ProfileId;
  /** Report bodies that do not match their schema in the log. */
  strict?: boolean;
  /** Request bodies above this are refused with 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Request line and headers together; above it the request is refused with 431. Default 16 KiB. */
  maxHeaderBytes?: number;
  /** Longer request targets are refused with 414. Default 8 KiB. */
  maxPathLength?: number;
  /** A client must send its headers within this (408 and closed otherwise). Default 10 s. */
  headersTimeoutMs?: number;
  /** A client must send its whole request within this. Default 30 s. */
  requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this. Default 5 s. */
  keepAliveTimeoutMs?: number;
  /** Events kept in the request log. Default 500: few enough that an event is usually gone before the
   * garbage collector would move it to the old generation, which under load would grow the heap. */
  logCapacity?: number;
  /** Characters of each body kept in a log event. Default 4096. */
  bodyPreviewChars?: number;
  /** A schema engine per document version; default ajv + json-schema-faker. */
  schemaEngine?: () => SchemaEngine;
}

export type MockServerErrorCode = 'port-in-use' | 'permission-denied' | 'address-unavailable' | 'listen-failed';

/** Why the server could not start, in words a user can act on. */
export class MockServerError extends Error {
  constructor(
    message: string,
    readonly code: MockServerErrorCode,
    readonly port: number,
    readonly host: string,
  ) {
    super(message);
  }
}

export interface MockServerAddress {
  host: string;
  port: number;
  /** `http://127.0.0.1:4010` (IPv6 hosts in brackets). */
  url: string;
}

const DEFAULTS = {
  host: '127.0.0.1',
  port: 4010,
  maxBodyBytes: 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxPathLength: 8 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  logCapacity: 500,
  bodyPreviewChars: 4096,
};

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * The live mock server (DESIGN §6): node:http around the shared request → response resolution, so
 * it answers as the designed API would under the project's profile. The Electron app, browser mode
 * and `routecraft mock` all start this one service.
 *
 * The routing table is one reference, swapped whole by setDocument: a request resolves against the
 * table it started with, so an edit never tears an answer and never drops a connection.
 */
export class MockServer {
  readonly log: RequestLog;
  private table: MockTable;
  private server: http.Server | undefined;
  private bound: MockServerAddress | undefined;
  /** `host:port` of `bound`, for redirects when a request has no Host. */
  private serverAddress: string | undefined;
  private readonly sockets = new Set<Socket>();
  /** Answers waiting for their simulated latency. */
  private readonly delayed = new Map<NodeJS.Timeout, Exchange>();
  private readonly options: typeof DEFAULTS & MockServerOptions;
  private nextId = 1;

  constructor(document: ApiDocument, options: MockServerOptions = {}) {
    this.options = { ...DEFAULTS, ...withoutUndefined(options) };
    this.log = new RequestLog(this.options.logCapacity);
    this.table = this.makeTable(liveSource(document), options.profile);
  }

  get address(): MockServerAddress | undefined {
    return this.bound;
  }

  get model(): ApiModel {
    return this.table.model;
  }

  get profile(): ProfileId {
    return this.table.profile.id;
  }

  /** Open connections right now: after stop() it is 0. */
  get connectionCount(): number {
    return this.sockets.size;
  }

  /** Swaps the routing table; requests already being answered finish on the one they started with. */
  setDocument(document: ApiDocument, profile: ProfileId | undefined = this.options.profile): void {
    this.table = this.makeTable(liveSource(document), profile);
  }

  /**
   * Answers from a copy of what the current document's routes need, so the document can be dropped:
   * for `routecraft mock`, where its text and source tree are most of the process's memory. The app
   * keeps its documents anyway and does not call this (it would walk every route on each edit).
   */
  detachDocument(): void {
    this.table.detach();
  }

  setProfile(profile: ProfileId | undefined): void {
    this.options.profile = profile;
    this.table = this.makeTable(this.table.source, profile);
  }

  subscribe(listener: LogListener): () => void {
    return this.log.subscribe(listener);
  }

  async start(): Promise<MockServerAddress> {
    if (this.bound) return this.bound;
    const { host, port } = this.options;
    const server = http.createServer(
      {
        maxHeaderSize: this.options.maxHeaderBytes,
        headersTimeout: Math.min(this.options.headersTimeoutMs, this.options.requestTimeoutMs),
        requestTimeout: this.options.requestTimeoutMs,
        keepAliveTimeout: this.options.keepAliveTimeoutMs,
        // How often Node checks the two timeouts above (its default, 30 s, is longer than they are).
        connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(this.options.headersTimeoutMs / 4))),
      },
      (req, res) => this.handle(req, res),
    );
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => this.refuseMalformed(error, socket));
    server.on('checkContinue', (req, res) => {
      if (this.declaredTooLarge(req)) this.handle(req, res);
      else {
        res.writeContinue();
        this.handle(req, res);
      }
    });
    await new Promise<void>((resolve, reject) => {
      const fail = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        resolve();
      });
    });
    // After listening, a server error (rare: e.g. EMFILE) must not crash the process.
    server.on('error', () => undefined);
    this.server = server;
    const info = server.address() as AddressInfo;
    this.bound = { host, port: info.port, url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}` };
    this.serverAddress = `${host}:${info.port}`;
    return this.bound;
  }

  /**
   * Stops listening and closes every connection: idle ones at once, busy ones after `graceMs`.
   * Answers still waiting for their simulated latency are dropped.
   */
  async stop(graceMs = 1000): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.bound = undefined;
    this.serverAddress = undefined;
    for (const [timer, ctx] of this.delayed) {
      clearTimeout(timer);
      ctx.res.destroy();
    }
    this.delayed.clear();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Connections without a request being answered (keep-alive, or never sent one) go at once;
    // Node sets `_httpMessage` on a server socket while a response is in progress.
    for (const s of this.sockets) if (!(s as Socket & { _httpMessage?: unknown })._httpMessage) s.destroy();
    const force = setTimeout(() => {
      server.closeAllConnections();
      for (const s of this.sockets) s.destroy();
    }, graceMs);
    await closed;
    clearTimeout(force);
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async restart(): Promise<MockServerAddress> {
    const port = this.bound?.port;
    await this.stop();
    // The same port again when it had been picked by the system, so clients keep working.
    if (port !== undefined && this.options.port === 0) {
      this.options.port = port;
      try {
        return await this.start();
      } finally {
        this.options.port = 0;
      }
    }
    return this.start();
  }

  private makeTable(source: MockSource, profile: ProfileId | undefined): MockTable {
    const engine = (this.options.schemaEngine ?? createSchemaEngine)();
    return new MockTable(source, { engine, ...(profile ? { profile } : {}), strict: this.options.strict ?? false });
  }

  private declaredTooLarge(req: http.IncomingMessage): boolean {
    const length = Number(req.headers['content-length'] ?? 0);
    return Number.isFinite(length) && length > this.options.maxBodyBytes;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    // The table this request is answered from, whatever reloads happen meanwhile.
    const ctx: Exchange = { req, res, table: this.table, arrived: performance.now(), started: Date.now(), headers: flatHeaders(req), body: null, bytes: 0 };
    const target = req.url ?? '/';
    if (target.length > this.options.maxPathLength) {
      this.refuse(ctx, 414, `The request target is ${target.length} characters long; the limit is ${this.options.maxPathLength}.`);
      return;
    }
    if (this.declaredTooLarge(req)) {
      this.refuse(ctx, 413, `The request body is ${String(req.headers['content-length'])} bytes; the limit is ${this.options.maxBodyBytes} (maxBodyBytes).`);
      return;
    }
    const length = ctx.headers['content-length'];
    if (ctx.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) {
      // No body: answer now (most requests), and let the stream finish on its own.
      req.resume();
      this.answer(ctx);
      return;
    }
    const chunks: Buffer[] = [];
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      ctx.bytes += chunk.length;
      if (ctx.bytes > this.options.maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        this.refuse(ctx, 413, `The request body is over the limit of ${this.options.maxBodyBytes} bytes (maxBodyBytes).`);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (refused) return;
      ctx.body = ctx.bytes === 0 ? null : Buffer.concat(chunks, ctx.bytes).toString('utf8');
      this.answer(ctx);
    });
  }

  private answer(ctx: Exchange): void {
    const { req } = ctx;
    const request: MockRequest = { method: req.method ?? 'GET', target: req.url ?? '/', headers: ctx.headers, body: ctx.body, serverAddress: this.serverAddress };
    let response: MockResponse;
    try {
      response = resolveMockRequest(ctx.table, request);
    } catch (e) {
      this.refuse(ctx, 500, `routecraft mock: internal error answering ${request.method} ${request.target}: ${e instanceof Error ? e.message : String(e)}`, false);
      return;
    }
    if (response.delayMs > 0) {
      const timer = setTimeout(() => {
        this.delayed.delete(timer);
        this.send(ctx, response);
      }, response.delayMs);
      this.delayed.set(timer, ctx);
    } else this.send(ctx, response);
  }

  private send(ctx: Exchange, response: MockResponse): void {
    const { res } = ctx;
    if (res.destroyed || res.writableEnded) {
      this.record(ctx, 0, response.source, response, 'the client went away before the answer');
      return;
    }
    if (response.status < 200) {
      // Node would send it as an interim answer and leave the client waiting for the real one.
      this.refuse(ctx, 501, `routecraft mock: ${response.route?.key ?? 'the route'} answers ${response.status}, an informational status, which cannot be the final answer of a mock`, false);
      return;
    }
    try {
      res.writeHead(response.status, response.wireHeaders ?? response.headers.flat());
    } catch (e) {
      this.refuse(ctx, 500, `routecraft mock: the answer could not be sent: ${e instanceof Error ? e.message : String(e)}`, false);
      return;
    }
    res.end(response.body ?? undefined);
    this.record(ctx, response.status, response.source, response);
  }

  /** A clear 4xx/5xx in the same JSON shape everywhere, then the connection is closed. */
  private refuse(ctx: Exchange, status: number, detail: string, close = true): void {
    const { req, res } = ctx;
    if (!res.headersSent && !res.destroyed) {
      const body = JSON.stringify({ detail });
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(close ? { Connection: 'close' } : {}) });
      res.end(body);
    }
    if (close) {
      // Stop reading what is left of an oversized body: Node closes the socket once the answer is
      // out (Connection: close); a client that never reads it is cut off shortly after.
      req.pause();
      const socket = req.socket;
      setTimeout(() => socket.destroy(), 2000).unref();
    }
    this.record(ctx, status, `${status}: ${detail}`, undefined, detail);
  }

  /** The parser refused the request (bad syntax, headers too large, too slow): answer and close. */
  private refuseMalformed(error: NodeJS.ErrnoException, socket: Duplex): void {
    const code = error.code ?? '';
    const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT' ? 408 : 400;
    const detail = status === 431 ? `The request line and headers are over the limit of ${this.options.maxHeaderBytes} bytes.` : status === 408 ? 'The request was not received in time.' : `The request is not valid HTTP (${code || error.message}).`;
    if (code !== 'ECONNRESET' && socket.writable) {
      const body = JSON.stringify({ detail });
      socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      setTimeout(() => socket.destroy(), 1000).unref();
    } else socket.destroy();
    this.log.push({
      id: this.nextId++,
      time: new Date().toISOString(),
      method: '',
      path: '',
      status: code === 'ECONNRESET' ? 0 : status,
      durationMs: 0,
      route: null,
      operationId: null,
      source: `${status}: ${detail}`,
      trace: [],
      requestHeaders: {},
      responseHeaders: [],
      requestBody: null,
      responseBody: null,
      problems: [],
      error: detail,
    });
  }

  private record(ctx: Exchange, status: number, source: string, response?: MockResponse, error?: string): void {
    // What was sent, when it was not a MockResponse's own list (a refusal: a few a second at most).
    const sent = response ? undefined : Object.entries(ctx.res.getHeaders()).map(([name, value]): [string, string] => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
    const { req } = ctx;
    const durationMs = Math.round((performance.now() - ctx.arrived) * 1000) / 1000;
    this.log.push(new MockLogRecord(this.nextId++, ctx.started, durationMs, req.method ?? '', req.url ?? '', status, source, response, ctx.headers, ctx.body, ctx.bytes, sent, this.options.bodyPreviewChars, error));
  }
}

/** One request on its way through the server. */
interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  table: MockTable;
  arrived: number;
  /** Epoch milliseconds, for the log's time. */
  started: number;
  headers: Record<string, string | undefined>;
  body: string | null;
  bytes: number;
}

/**
 * The request's headers, one string each. Node already joins repeated request headers with ", "
 * (and drops repeated singletons); only `set-cookie` stays a list, which a request rarely has.
 */
function flatHeaders(req: http.IncomingMessage): Record<string, string | undefined> {
  const headers = req.headers;
  if (headers['set-cookie'] === undefined) return headers as Record<string, string | undefined>;
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): MockServerError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new MockServerError(`port ${port} on ${host} is already in use (another mock server or program is listening there); choose another port, or port 0 to let the system pick a free one`, 'port-in-use', port, host);
    case 'EACCES':
    case 'EPERM':
      return new MockServerError(`port ${port} on ${host} needs privileges this process does not have; choose a port above 1023, or port 0 to let the system pick a free one`, 'permission-denied', port, host);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new MockServerError(`${host} is not an address of this machine; use 127.0.0.1 (the default), ::1 or 0.0.0.0`, 'address-unavailable', port, host);
    default:
      return new MockServerError(`cannot listen on ${host}:${port}: ${error.message}`, 'listen-failed', port, host);
  }
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type { MockLogEvent };
