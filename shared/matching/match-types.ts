import type { Route } from '../model/api-model';

/** A request as a client sends it: the path may carry a query string and percent-encoding. */
export interface MatchRequest {
  method: string;
  path: string;
}

/** What the framework does with a request (DESIGN §3): the one answer rules, probe and mock share. */
export interface MatchResult {
  /**
   * The status the framework answers with: the route's default status when its handler runs, 404,
   * 405, a trailing-slash redirect (301/307), or 422 when a path parameter fails validation.
   */
  status: number;
  /** The route that answered; for a 405 or 422 the route that produced it; null for 404 and redirects. */
  route: Route | null;
  /** `Location` for redirects: path and query, as the framework builds it (host left out). */
  location: string | null;
  /** The `Allow` header of a 405 (and of Express' automatic OPTIONS answer). */
  allow: string | null;
  /** The routes tried, in order, and why each matched or not. */
  trace: TraceStep[];
}

export type TraceOutcome =
  /** The route takes the request: its handler runs. */
  | 'matched'
  /** Path matches, method does not: remembered for a 405. */
  | 'method-mismatch'
  /** Path and method match, but a parameter fails validation (FastAPI `int` annotation: 422). */
  | 'invalid-param'
  /** A literal segment differs. */
  | 'literal-mismatch'
  /** A parameter's convertor or type rejects the segment (`{id:int}` and "me"). */
  | 'param-mismatch'
  /** Different number of segments (or trailing slash). */
  | 'shape-mismatch'
  /** Not reached: an earlier route already answered. */
  | 'not-reached';

export interface TraceStep {
  routeKey: string;
  /** 1-based declaration index, as shown to users ("#3"). */
  index: number;
  outcome: TraceOutcome;
  /** A sentence for the trace view: "`{user_id:int}` does not accept "me"". */
  detail: string;
}
