import http from 'node:http';
import { ContractError } from '../../shared/contract/contract-error';
import { isServerPath, TRY_LIMITS, type ServerSettings, type ServerStatus, type TryRequest, type TryResponse } from '../../shared/contract/live-server.schema';
import type { MockLogEvent } from '../../shared/mock/request-log';
import { isUnreadable, type ApiDocument } from '../../shared/model/open-document';
import type { EventSink } from './event-hub';
import { MockServer, MockServerError } from './mock-server.service';

const DEFAULT_SETTINGS: ServerSettings = { port: 4010, host: '127.0.0.1', profile: null, strict: false };
/** Longer than the longest latency a document can ask for (a minute). */
const TRY_TIMEOUT_MS = 75_000;
/** Headers that frame the message: Node sets them from the request, and a wrong one would break it. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect', 'proxy-connection']);

/**
 * The app's live mock server (DESIGN §6): one MockServer for the open document, started and
 * stopped on request, reloaded on every edit (a document that cannot be read leaves the last
 * good version serving), its request log forwarded as events.
 */
export class LiveServerService {
  private server: MockServer | undefined;
  private settings: ServerSettings;
  private lastError: string | null = null;
  private document: ApiDocument | null = null;
  private unsubscribeLog: (() => void) | undefined;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly emit: EventSink,
    settings: Partial<ServerSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
  }

  /** The open document changed: serve the new version if it can be read. */
  setDocument(document: ApiDocument | null): void {
    if (document && isUnreadable(document)) return;
    this.document = document;
    if (document && this.server) {
      this.server.setDocument(document, this.settings.profile ?? undefined);
      this.emitStatus();
    }
  }

  status(): ServerStatus {
    const address = this.server?.address;
    return {
      running: address !== undefined,
      url: address?.url ?? null,
      settings: { ...this.settings },
      profile: this.server?.profile ?? this.settings.profile ?? this.document?.model.profile ?? null,
      routeCount: (this.server?.model ?? this.document?.model)?.routes.length ?? 0,
      error: this.lastError,
    };
  }

  log(): MockLogEvent[] {
    return this.server?.log.entries() ?? [];
  }

  start(): Promise<ServerStatus> {
    return this.serially(async () => {
      if (this.server?.address) return this.status();
      if (!this.document) throw new ContractError('unavailable', 'Open a document first: the live server answers as its routes would.');
      const server = new MockServer(this.document, {
        host: this.settings.host,
        port: this.settings.port,
        strict: this.settings.strict,
        ...(this.settings.profile ? { profile: this.settings.profile } : {}),
      });
      try {
        await server.start();
      } catch (error) {
        this.lastError = error instanceof MockServerError || error instanceof Error ? error.message : String(error);
        this.emitStatus();
        return this.status();
      }
      this.lastError = null;
      this.server = server;
      this.unsubscribeLog = server.subscribe((event) => this.emit('server.log', event));
      this.emitStatus();
      return this.status();
    });
  }

  stop(): Promise<ServerStatus> {
    return this.serially(async () => {
      const server = this.server;
      this.server = undefined;
      this.unsubscribeLog?.();
      this.unsubscribeLog = undefined;
      if (server) await server.stop();
      this.emitStatus();
      return this.status();
    });
  }

  /** New settings; a running server is restarted with them. */
  async configure(changes: Partial<ServerSettings>): Promise<ServerStatus> {
    const wasRunning = this.server?.address !== undefined;
    this.settings = { ...this.settings, ...changes };
    if (wasRunning) {
      await this.stop();
      return this.start();
    }
    this.emitStatus();
    return this.status();
  }

  /**
   * "Try it": one request to the running server, and its answer. The connection always goes to the
   * server's own address; the path is only ever the request target, never parsed as a URL, so no
   * request can reach another host. Its log entry arrives like any other request's.
   */
  async tryRequest(request: TryRequest, timeoutMs = TRY_TIMEOUT_MS): Promise<TryResponse> {
    const address = this.server?.address;
    if (!address) throw new ContractError('unavailable', 'The live server is not running: start it, then send the request.');
    if (!isServerPath(request.path)) {
      throw new ContractError('invalid-request', `"${request.path.slice(0, 100)}" is not a path on the live server: write it starting with one "/", such as /api/users.`);
    }
    const method = request.method.toUpperCase();
    if (method === 'CONNECT') throw new ContractError('invalid-request', 'CONNECT opens a tunnel to another host; the live server does not answer it.');
    // Names as the user wrote them; a repeated header is sent on lines of its own.
    // No prototype: a header named `__proto__` is just a header.
    const headers = Object.create(null) as Record<string, string | string[]>;
    const spelled = new Map<string, string>();
    for (const [name, value] of request.headers) {
      const lower = name.toLowerCase();
      if (FRAMING_HEADERS.has(lower)) throw new ContractError('invalid-request', `Leave out ${name}: it is set from the request itself.`);
      const key = spelled.get(lower) ?? name;
      spelled.set(lower, key);
      const previous = headers[key];
      headers[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
    const body = request.body === undefined || request.body === '' ? undefined : Buffer.from(request.body, 'utf8');
    if (body) headers['Content-Length'] = String(body.length);
    // The address it listens on; a wildcard address is reached through loopback.
    const host = address.host === '0.0.0.0' ? '127.0.0.1' : address.host === '::' ? '::1' : address.host;
    const target = encodeNonAscii(request.path);
    const url = `${address.url}${target}`;

    return new Promise<TryResponse>((resolve, reject) => {
      const started = performance.now();
      const fail = (message: string) => reject(new ContractError('unavailable', message));
      let req: http.ClientRequest;
      try {
        req = http.request({ host, port: address.port, method, path: target, headers, agent: false, setHost: !spelled.has('host') }, (res) => onResponse(res));
      } catch (error) {
        // Node checks what it sends: a header value outside Latin-1, say.
        reject(new ContractError('invalid-request', `The request could not be sent: ${error instanceof Error ? error.message : String(error)}`));
        return;
      }
      const onResponse = (res: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const finish = () => {
          clearTimeout(timer);
          const all = Buffer.concat(chunks, size);
          const answerHeaders: [string, string][] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) answerHeaders.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '']);
          resolve({
            url,
            status: res.statusCode ?? 0,
            headers: answerHeaders,
            body: all.toString('utf8'),
            truncated,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = TRY_LIMITS.maxResponseBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            size += room;
            truncated = true;
            // The rest is not needed: stop reading it.
            res.destroy();
            finish();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          if (!truncated) finish();
        });
        res.on('error', (error) => {
          if (!truncated) {
            clearTimeout(timer);
            fail(`The live server broke off its answer: ${error.message}`);
          }
        });
      };
      const timer = setTimeout(() => {
        req.destroy(new Error('timeout'));
      }, timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (error.message === 'timeout') fail(`The live server did not answer within ${Math.round(timeoutMs / 1000)} s.`);
        else if (error.code === 'ECONNREFUSED') fail('The live server is not listening any more: start it again.');
        else fail(`The request could not be sent: ${error.message}`);
      });
      req.end(body);
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  private emitStatus(): void {
    this.emit('server.statusChanged', this.status());
  }
}

/** Characters outside ASCII percent-encoded (`/users/José` → `/users/Jos%C3%A9`); the rest as typed. */
function encodeNonAscii(path: string): string {
  return path.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));
}
