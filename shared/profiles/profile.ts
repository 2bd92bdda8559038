import type { OpenApiVersion } from '../model/api-model';
import type { ProfileId } from '../model/x-routecraft';

/**
 * How a target framework behaves (DESIGN §2). Every part of Routecraft that predicts behaviour —
 * rules, the matcher, the mock server, the probe, the stub generators — reads this one description.
 * The truth is the framework itself: the differential tests check these facts against it.
 */
export interface Profile {
  id: ProfileId;
  label: string;
  /** `first-match`: routes are tried in declaration order; `openapi`: concrete paths before templated. */
  order: 'first-match' | 'openapi';
  /**
   * How a path parameter without a convertor matches: `any-segment` (FastAPI: an `int` annotation
   * still matches any segment, then validation answers 422) or `typed` (its type limits matching).
   */
  annotatedParams: 'any-segment' | 'typed';
  /** The convertors that exist (`{id:int}` in Starlette, `<int:id>` in Django) and the regular
   * expression each matches, as the framework compiles it. */
  convertors: Readonly<Record<string, string>>;
  /** The pattern a parameter without a convertor matches, by its schema type (`typed` profiles) or
   * always `str` (`any-segment` profiles). */
  defaultPattern(type: string): string;
  /** A parameter written as a catch-all at the end of a path (Express `*rest`): its pattern. */
  restPattern: string;
  /** Validation of an annotated parameter after matching (FastAPI: pydantic parses "12" as int). */
  accepts(type: string, value: string): boolean;
  /**
   * What happens to `/users/` when only `/users` exists (and the reverse):
   * `redirect` to the other form (status below), `same-route` (Express non-strict), `strict` (404).
   */
  trailingSlash: { kind: 'redirect'; status: 301 | 307; appendOnly: boolean } | { kind: 'same-route' } | { kind: 'strict' };
  /**
   * `per-route`: a route takes a request only for its own method (Starlette, Express).
   * `per-path`: the first URL pattern matching the path takes the request, whatever the method, and
   * its view answers 405 for methods it lacks (Django: one view per controller and path).
   */
  methodDispatch: 'per-route' | 'per-path';
  /**
   * How `Allow` lists methods: in declaration order, alphabetically (Express), or in a fixed order
   * (Django's `http_method_names`); `always` are added (Django views always allow OPTIONS).
   */
  allowHeader: { order: 'declared' | 'alphabetical' | readonly string[]; always: readonly string[] };
  /** A known path with an unknown method: 405 with `Allow`, or 404 (Express falls through). */
  wrongMethod: 405 | 404;
  /** Which routes' methods the `Allow` header of a 405 lists. */
  allowFrom: 'first-partial-route' | 'all-routes-of-path';
  caseSensitive: boolean;
  /** HEAD on a GET-only route: answered by the GET handler (Express), or 405 (Starlette's APIRoute). */
  headRunsGet: boolean;
  /** Python's `$` (Starlette compiles `^…$`) also matches before one final line break. */
  dollarAllowsFinalNewline: boolean;
  /** Whether the path is matched after percent-decoding (Starlette, Django) or raw (Express). */
  matchDecodedPath: boolean;
  /** Characters a redirect's `Location` keeps unescaped besides letters, digits and `_.-~`
   * (Starlette quotes the decoded path with Python's `quote`; Django uses `escape_uri_path`). */
  locationSafe: string;
  /** An escape that is not valid UTF-8 (`%E9`): replaced by U+FFFD (uvicorn) or kept as written (Django). */
  brokenEscapes: 'replace' | 'keep';
  errorBody(status: number, detail?: unknown): unknown;
  /** The responses the framework documents by itself on a route. */
  implicitResponses: readonly ImplicitResponse[];
  openapiVersion: `${OpenApiVersion}.0`;
}

export interface ImplicitResponse {
  status: string;
  description: string;
  /** `params-or-body`: only on routes with parameters or a request body (FastAPI's 422). */
  when: 'always' | 'params-or-body';
  schemaName: string;
}
