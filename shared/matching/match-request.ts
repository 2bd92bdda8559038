import type { ApiModel, Route } from '../model/api-model';
import type { Profile } from '../profiles/profile';
import { compiledRoutes } from './compiled-routes';
import type { MatchRequest, MatchResult, TraceStep } from './match-types';
import { parseRequestPath, type RequestPath } from './request-path';
import type { RouteIndex } from './route-index';
import type { RoutePattern } from './route-pattern';

/**
 * The one matcher (DESIGN §3): what `profile`'s framework does with `request` given the model's
 * routes in declaration order. Rules, `routecraft probe` and the mock server all call this.
 */
export function matchRequest(model: ApiModel, profile: Profile, request: MatchRequest): MatchResult {
  const { index } = compiledRoutes(model, profile);
  const method = request.method.toUpperCase();
  const req = parseRequestPath(request.path, profile.matchDecodedPath, profile.brokenEscapes);
  let candidates = index.candidates(req.segments, profile.trailingSlash.kind === 'same-route');
  if (profile.dollarAllowsFinalNewline && req.path.endsWith('\n')) {
    // Starlette's `$` matches before a final line break: `/users/me\n` can still take `/users/me`.
    const without = index.candidates(req.path.slice(0, -1).split('/').slice(1), false);
    candidates = [...new Set([...candidates, ...without])].sort((a, b) => a.order - b.order);
  }
  const trace: TraceStep[] = [];
  let partial: RoutePattern | undefined;
  const pathMatches: RoutePattern[] = [];

  for (const p of candidates) {
    const m = p.regex.exec(req.path);
    if (!m) {
      trace.push(step(p, 'shape-mismatch', `\`${p.route.path}\` does not match \`${req.path}\``));
      continue;
    }
    if (!profile.matchDecodedPath && m.slice(1).some((v) => v !== undefined && !decodable(v))) {
      // Express decodes a matching route's parameters before looking at the method: a broken
      // escape is the client's error, whatever the method.
      trace.push(step(p, 'invalid-param', 'path matches, but a parameter has an invalid percent-escape: 400'));
      return { status: 400, route: null, location: null, allow: null, trace };
    }
    pathMatches.push(p);
    if (profile.methodDispatch === 'per-path') return dispatchToView(p, candidates, method, req.path, profile, trace);
    if (!handles(p, method, profile)) {
      trace.push(step(p, 'method-mismatch', `path matches, but it handles ${p.method}, not ${method}`));
      partial ??= p;
      continue;
    }
    const invalid = invalidParam(p, req.path, profile);
    if (invalid) {
      trace.push(step(p, 'invalid-param', invalid));
      return { status: 422, route: p.route, location: null, allow: null, trace };
    }
    trace.push(step(p, 'matched', `takes ${method} ${req.path}`));
    return { status: defaultStatus(p.route), route: p.route, location: null, allow: null, trace };
  }

  if (method === 'OPTIONS' && profile.wrongMethod === 404 && pathMatches.length > 0) {
    // Express answers OPTIONS itself: the first router (controller) with a matching route lists
    // the methods of its matching routes.
    const router = pathMatches[0]?.route.controller;
    return { status: 200, route: null, location: null, allow: allowOf(pathMatches.filter((p) => p.route.controller === router), profile), trace };
  }
  if (partial && profile.wrongMethod === 405) {
    const from = profile.allowFrom === 'first-partial-route' ? [partial] : pathMatches.filter((p) => p.route.path === partial?.route.path);
    return { status: 405, route: partial.route, location: null, allow: allowOf(from, profile), trace };
  }
  const redirect = slashRedirect(req, index, profile);
  if (redirect) return { status: redirect.status, route: null, location: redirect.location, allow: null, trace };
  return { status: 404, route: null, location: null, allow: null, trace };
}

/** Routes that share a view: one URL pattern (path and convertors) in one controller. */
export function sameView(a: RoutePattern, b: RoutePattern): boolean {
  return a.view === b.view;
}

/** Django: the first matching URL pattern's view answers, whatever the method. */
function dispatchToView(first: RoutePattern, candidates: readonly RoutePattern[], method: string, path: string, profile: Profile, trace: TraceStep[]): MatchResult {
  const view = candidates.filter((p) => sameView(p, first));
  const handler = view.find((p) => handles(p, method, profile));
  if (handler) {
    const invalid = invalidParam(handler, path, profile);
    if (invalid) {
      trace.push(step(handler, 'invalid-param', invalid));
      return { status: 422, route: handler.route, location: null, allow: null, trace };
    }
    trace.push(step(handler, 'matched', `its view handles ${method}`));
    return { status: defaultStatus(handler.route), route: handler.route, location: null, allow: null, trace };
  }
  // The view answers these itself, not one of the routes.
  const allow = allowOf(view, profile);
  if (method === 'OPTIONS') {
    trace.push(step(first, 'matched', 'its view answers OPTIONS with the methods it allows'));
    return { status: 200, route: null, location: null, allow, trace };
  }
  trace.push(step(first, 'method-mismatch', `its URL pattern takes the path; the view has no ${method}: 405`));
  return { status: 405, route: null, location: null, allow, trace };
}

/** Why a matched route's parameters fail validation (a 422), or undefined when they pass. */
function invalidParam(p: RoutePattern, path: string, profile: Profile): string | undefined {
  const m = p.regex.exec(path);
  if (!m) return undefined;
  for (let i = 0; i < p.params.length; i++) {
    const param = p.params[i];
    const value = m[i + 1] ?? '';
    if (param && param.validates !== null && !profile.accepts(param.validates, value)) return `matches; then \`${param.name}\` must be ${param.validates} and "${value}" is not: 422`;
  }
  return undefined;
}

function decodable(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

function handles(p: RoutePattern, method: string, profile: Profile): boolean {
  return p.method === method || (method === 'HEAD' && p.method === 'GET' && profile.headRunsGet);
}

/** FastAPI redirects to the other slash form when some route takes it; Django only appends one. */
function slashRedirect(req: RequestPath, index: RouteIndex, profile: Profile): { status: number; location: string } | undefined {
  const policy = profile.trailingSlash;
  if (policy.kind !== 'redirect' || req.path === '/') return undefined;
  const ends = req.path.endsWith('/');
  if (ends && policy.appendOnly) return undefined;
  // Starlette strips every trailing slash (`rstrip("/")`), or adds one.
  const other = ends ? req.path.replace(/\/+$/, '') : `${req.path}/`;
  const hit = index.candidates(other.split('/').slice(1), false).some((p) => p.regex.test(other));
  return hit ? { status: policy.status, location: encodePath(other, profile.locationSafe) + req.query } : undefined;
}

/** A decoded path written back into a URL the way the framework quotes it (Python's `quote`). */
function encodePath(path: string, safe: string): string {
  let out = '';
  for (const c of path) {
    if (/[A-Za-z0-9_.\-~]/.test(c) || safe.includes(c)) out += c;
    else out += encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}

function allowOf(patterns: readonly RoutePattern[], profile: Profile): string {
  const methods = new Set<string>();
  for (const p of patterns) {
    methods.add(p.method);
    if (profile.headRunsGet && p.method === 'GET') methods.add('HEAD');
  }
  for (const m of profile.allowHeader.always) methods.add(m);
  const { order } = profile.allowHeader;
  if (order === 'alphabetical') return [...methods].sort().join(', ');
  if (order === 'declared') return [...methods].join(', ');
  return order.filter((m) => methods.has(m)).join(', ');
}

function defaultStatus(route: Route): number {
  const n = Number(route.defaultStatus);
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : 200;
}

function step(p: RoutePattern, outcome: TraceStep['outcome'], detail: string): TraceStep {
  return { routeKey: p.route.key, index: p.order + 1, outcome, detail };
}
