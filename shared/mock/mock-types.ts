import type { TraceStep } from '../matching/match-types';
import type { Route } from '../model/api-model';
import type { Diagnostic } from '../model/diagnostic';

/** A request as the mock server received it. */
export interface MockRequest {
  method: string;
  /** The request target as sent: raw path and query (`/api/users/1?x=1`). */
  target: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body decoded as UTF-8, or null when the request had none. */
  body: string | null;
  /** `host:port` the server listens on, for absolute redirects when the request has no `Host`. */
  serverAddress?: string;
}

/** The answer, complete: the server only writes it out (after `delayMs`). */
export interface MockResponse {
  status: number;
  /** In the order they are sent; `Content-Type` and `Content-Length` included where there is a body. */
  headers: [string, string][];
  /** The same headers as one flat list (name, value, …), when computed once for every such answer. */
  wireHeaders?: string[];
  /** null: nothing after the headers (HEAD, 1xx, 204, 304). */
  body: string | null;
  /** Latency to simulate before answering (x-routecraft.mock.latencyMs, or the response's own). */
  delayMs: number;
  /** The route that answered, produced the 405/422, or null. */
  route: Route | null;
  /** The matcher's trace: which routes were tried, in order, and why each matched or not. */
  trace: TraceStep[];
  /** Where the answer came from, for the request log: "example `ada` of 200", "404: no route matches". */
  source: string;
  /** Strict mode: a body that does not match its schema, as diagnostics on that response. */
  problems: Diagnostic[];
}
