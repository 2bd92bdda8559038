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
 * The last `capacity` events, oldest first, and live listeners. Bounded: a flood of requests costs a
 * fixed amount of memory. A listener that throws is dropped rather than breaking the server.
 */
export class RequestLog {
  private readonly events: (MockLogEvent | undefined)[];
  private next = 0;
  private count = 0;
  private readonly listeners = new Set<LogListener>();

  constructor(readonly capacity = 500) {
    this.events = Array.from<MockLogEvent | undefined>({ length: Math.max(1, capacity) });
  }

  push(event: MockLogEvent): void {
    this.events[this.next] = event;
    this.next = (this.next + 1) % this.events.length;
    this.count = Math.min(this.count + 1, this.events.length);
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
      if (e) out.push(e);
    }
    return out;
  }

  get size(): number {
    return this.count;
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

/** Cuts a body to `limit` characters for the log. */
export function previewOf(text: string | null, bytes: number, limit: number): BodyPreview | null {
  if (text === null) return null;
  return text.length > limit ? { text: text.slice(0, limit), bytes, truncated: true } : { text, bytes, truncated: false };
}
