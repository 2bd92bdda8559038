import { ContractError } from '../../shared/contract/contract-error';
import type { ServerSettings, ServerStatus } from '../../shared/contract/live-server.schema';
import type { MockLogEvent } from '../../shared/mock/request-log';
import { isUnreadable, type ApiDocument } from '../../shared/model/open-document';
import type { EventSink } from './event-hub';
import { MockServer, MockServerError } from './mock-server.service';

const DEFAULT_SETTINGS: ServerSettings = { port: 4010, host: '127.0.0.1', profile: null, strict: false };

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
      routeCount: (this.server?.document ?? this.document)?.model.routes.length ?? 0,
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

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => undefined);
    return run;
  }

  private emitStatus(): void {
    this.emit('server.statusChanged', this.status());
  }
}
