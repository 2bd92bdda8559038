import type { ApiModel } from '../model/api-model';
import type { Profile } from '../profiles/profile';
import { compiledRoutes } from './compiled-routes';
import { sameView } from './match-request';
import type { RouteIndex } from './route-index';
import type { RoutePattern, SegmentDomain } from './route-pattern';

/** An earlier route that takes all (`full`) or some (`partial`) of a later route's requests. */
export interface Shadowing {
  route: RoutePattern;
  by: RoutePattern;
  kind: 'full' | 'partial';
  /** A request path the earlier route takes from the later one. */
  example: string;
  /** FastAPI: the earlier route matches by shape and then rejects the value (the client gets 422). */
  rejectsAfterMatching: boolean;
}

/**
 * For every route, the first earlier route that takes all of its requests, else the first that takes
 * some — type-aware, through the same compiled patterns the matcher uses. Not quadratic: each route
 * is compared only with the routes the index says may overlap.
 */
export function analyzeShadowing(model: ApiModel, profile: Profile): Shadowing[] {
  const compiled = compiledRoutes(model, profile);
  const cached = results.get(compiled);
  if (cached) return cached;
  const { patterns, index } = compiled;
  const out: Shadowing[] = [];
  for (const r of patterns) {
    const finding = shadowingOf(r, index, profile);
    if (finding) out.push(finding);
  }
  results.set(compiled, out);
  return out;
}

/**
 * One route's finding: the first earlier route that takes all of its requests, else the first that
 * takes some. It depends on `r` and the earlier routes that overlap it (and their order) alone,
 * which is what lets the Validator re-analyse only the routes near an edit.
 */
export function shadowingOf(r: RoutePattern, index: RouteIndex, profile: Profile): Shadowing | undefined {
  let partial: Shadowing | undefined;
  for (const e of index.overlapping(r, r.order)) {
    if (!competes(e, r, profile)) continue;
    const relation = relate(e, r);
    if (relation.kind === 'disjoint') continue;
    // A narrower route first (`/users/me` before `/users/{id}`) is the intended order, not a problem.
    if (relation.kind === 'partial' && relate(r, e).kind === 'full') continue;
    const rejects = e.params.some((p) => p.validates !== null && !profile.accepts(p.validates, relation.example.split('/').pop() ?? ''));
    const finding: Shadowing = { route: r, by: e, kind: relation.kind, example: relation.example, rejectsAfterMatching: rejects };
    if (relation.kind === 'full') return finding;
    partial ??= finding;
  }
  return partial;
}

/** Both shadowing rules read one analysis per compiled model. */
const results = new WeakMap<object, Shadowing[]>();

/** Whether `e` can take requests meant for `r` at all. */
function competes(e: RoutePattern, r: RoutePattern, profile: Profile): boolean {
  if (profile.methodDispatch === 'per-path') return !sameView(e, r);
  return e.method === r.method || (r.method === 'HEAD' && e.method === 'GET' && profile.headRunsGet);
}

type Relation = { kind: 'full' | 'partial'; example: string } | { kind: 'disjoint' };

/** How `e`'s paths relate to `r`'s: all of r's, some of them (with an example), or none. */
export function relate(e: RoutePattern, r: RoutePattern): Relation {
  const k = e.segments.length;
  const n = r.segments.length;
  // A catch-all needs at least one more segment after its fixed ones (`/files/{p:path}` wants `/files/…`).
  if (e.rest && !r.rest && n <= k) return { kind: 'disjoint' };
  if (!e.rest && r.rest && k <= n) return { kind: 'disjoint' };
  if (!e.rest && !r.rest && k !== n) return { kind: 'disjoint' };
  let full = true;
  const example: string[] = [];
  for (let i = 0; i < Math.min(k, n); i++) {
    const seg = relateSegment(e.segments[i] as SegmentDomain, r.segments[i] as SegmentDomain);
    if (seg.kind === 'disjoint') return seg;
    if (seg.kind === 'partial') full = false;
    example.push(seg.example);
  }
  const sample = (s: SegmentDomain) => (s.kind === 'literal' ? s.text : (s.samples[0] ?? 'x'));
  if (e.rest) {
    // e's catch-all takes what r has after e's fixed segments.
    const rest = new RegExp(`^(?:${e.restPattern ?? '.*'})$`);
    const tail = r.segments.slice(k).map(sample);
    if (r.rest) tail.push('x');
    const text = tail.join('/');
    if (!rest.test(text)) return { kind: 'disjoint' };
    // r's own catch-all may also be empty, which e's `.+` would not take.
    if (r.rest && n === k && !rest.test('')) full = full && new RegExp(`^(?:${r.restPattern ?? '.*'})$`).test('') === false;
    example.push(...tail);
  } else if (r.rest) {
    // r's catch-all reaches e's longer fixed paths: some of r's requests, never all.
    const extra = e.segments.slice(n).map(sample);
    if (!new RegExp(`^(?:${r.restPattern ?? '.*'})$`).test(extra.join('/'))) return { kind: 'disjoint' };
    full = false;
    example.push(...extra);
  }
  return { kind: full ? 'full' : 'partial', example: '/' + example.join('/') };
}

function relateSegment(e: SegmentDomain, r: SegmentDomain): Relation {
  if (e.kind === 'literal' && r.kind === 'literal') return e.text === r.text ? { kind: 'full', example: r.text } : { kind: 'disjoint' };
  if (e.kind === 'literal' && r.kind === 'pattern') return r.regex.test(e.text) ? { kind: 'partial', example: e.text } : { kind: 'disjoint' };
  if (e.kind === 'pattern' && r.kind === 'literal') return e.regex.test(r.text) ? { kind: 'full', example: r.text } : { kind: 'disjoint' };
  if (e.kind !== 'pattern' || r.kind !== 'pattern') return { kind: 'disjoint' };
  if (e.source === r.source || isAnySegment(e.source)) return { kind: 'full', example: r.samples[0] ?? 'x' };
  const taken = r.samples.filter((s) => e.regex.test(s));
  if (taken.length === 0) {
    const back = e.samples.find((s) => r.regex.test(s));
    return back === undefined ? { kind: 'disjoint' } : { kind: 'partial', example: back };
  }
  if (taken.length === r.samples.length && narrower(r.source, e.source)) return { kind: 'full', example: taken[0] as string };
  return { kind: 'partial', example: taken[0] as string };
}

/** `[^/]+` (and Express' lazy form) take any one segment. */
function isAnySegment(source: string): boolean {
  return source === '([^/]+)' || source === '([^/]+?)';
}

/** Known inclusions between convertor patterns (int ⊂ float, int ⊂ slug, uuid ⊂ slug). */
function narrower(inner: string, outer: string): boolean {
  const rank: Record<string, string[]> = {
    '([0-9]+)': ['([0-9]+(?:\\.[0-9]+)?)', '([-a-zA-Z0-9_]+)', '(-?[0-9]+)', '(-?[0-9]+(?:\\.[0-9]+)?)'],
    '(-?[0-9]+)': ['(-?[0-9]+(?:\\.[0-9]+)?)'],
  };
  if (inner.startsWith('([0-9a-f]{8}') && outer === '([-a-zA-Z0-9_]+)') return true;
  return rank[inner]?.includes(outer) ?? false;
}
