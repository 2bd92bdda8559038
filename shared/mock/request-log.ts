import type { TraceStep } from '../matching/match-types';

/** One request the mock server answered (or refused), as the request log and the CLI show it. */
export interface MockLogEvent {
  /** Increasing from 1 for each server run. */
  id: number;
  /** ISO 8601, when the request arrived. */
  time: string;
  method: string;
  /** The request target as sent (path and query). */
  path: string;
  /** 0 when the client went away before an answer. */
  status: number;
  /** From arrival to the last byte written, latency included. */
  durationMs: number;
  /** The route that answered (`GET /users/{user_id}`), produced the 405/422, or null. */
  route: string | null;
  operationId: string | null;
  /** Where the answer came from: "example "ada" of 200", "404: no route matches", … */
  source: string;
  /** The matcher's trace: the routes tried, in order, and why each matched or not. */
  trace: TraceStep[];
  /** Names in lower case, as received. */
  requestHeaders: Readonly<Record<string, string | undefined>>;
  /** As sent, in order (the server adds Date, Connection and Keep-Alive). */
  responseHeaders: readonly (readonly [string, string])[];
  requestBody: BodyPreview | null;
  responseBody: BodyPreview | null;
  /** Strict mode: the answer's body does not match its schema. */
  problems: string[];
  /** Refused before routing: malformed request, too large, too slow; or the client went away. */
  error?: string;
}

/** The start of a body, capped in size. */
export interface BodyPreview {
  text: string;
  /** The whole body's size. */
  bytes: number;
  truncated: boolean;
}

export type LogListener = (event: MockLogEvent) => void;

/**
 * A request as the server recorded it: the raw facts, kept cheaply (a server under load records
 * thousands a second and usually nobody reads them). The event is built from them when someone
 * does (a listener, or entries()), once, and is the same object from then on.
 */
export interface LogRecord {
  event(): MockLogEvent;
}

/**
 * The last `capacity` events, oldest first, and live listeners. Bounded: a flood of requests costs a
 * fixed amount of memory. A listener that throws is dropped rather than breaking the server.
 */
export class RequestLog {
  private readonly events: (MockLogEvent | LogRecord | undefined)[];
  private next = 0;
  private count = 0;
  private pushed = 0;
  private readonly listeners = new Set<LogListener>();

  constructor(readonly capacity = 500) {
    this.events = Array.from<MockLogEvent | LogRecord | undefined>({ length: Math.max(1, capacity) });
  }

  /** An event, or a record its event is built from only when a listener or entries() needs it. */
  push(entry: MockLogEvent | LogRecord): void {
    this.events[this.next] = entry;
    this.next = (this.next + 1) % this.events.length;
    if (this.count < this.events.length) this.count++;
    this.pushed++;
    if (this.listeners.size === 0) return;
    const event = eventOf(entry);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  /** Oldest first. */
  entries(): MockLogEvent[] {
    const out: MockLogEvent[] = [];
    const start = (this.next - this.count + this.events.length) % this.events.length;
    for (let i = 0; i < this.count; i++) {
      const e = this.events[(start + i) % this.events.length];
      if (e) out.push(eventOf(e));
    }
    return out;
  }

  get size(): number {
    return this.count;
  }

  /** Events pushed since the log was made, including those no longer kept: a cheap activity count. */
  get total(): number {
    return this.pushed;
  }

  clear(): void {
    this.events.fill(undefined);
    this.next = 0;
    this.count = 0;
  }

  /** Calls `listener` for every new event until the returned function is called. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function eventOf(entry: MockLogEvent | LogRecord): MockLogEvent {
  return typeof (entry as Partial<LogRecord>).event === 'function' ? (entry as LogRecord).event() : (entry as MockLogEvent);
}

/**
 * Cuts a body to `limit` characters for the log. The cut is a copy: a slice of a long string is a
 * view that keeps the whole string alive in V8, and the log keeps hundreds of previews of bodies
 * of up to the body cap (1 MiB by default).
 */
export function previewOf(text: string | null, bytes: number, limit: number): BodyPreview | null {
  if (text === null) return null;
  return text.length > limit ? { text: copyOf(text.slice(0, limit)), bytes, truncated: true } : { text, bytes, truncated: false };
}

function copyOf(slice: string): string {
  // Parsing makes a new string; nothing else in the language is sure to.
  return JSON.parse(JSON.stringify(slice)) as string;
}
