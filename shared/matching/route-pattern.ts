import type { PathParam, Route } from '../model/api-model';
import type { Profile } from '../profiles/profile';

/**
 * A route's path as the framework compiles it: one regular expression over the whole path, plus the
 * segment shape the index uses to find candidates without trying every route.
 */
export interface RoutePattern {
  route: Route;
  /** 0-based position in the order the framework tries routes. */
  order: number;
  method: string;
  regex: RegExp;
  params: CompiledParam[];
  /** Trie keys: a literal segment (case-folded where the profile ignores case) or null for "any". */
  keys: (string | null)[];
  /** The path ends in a catch-all that may span several segments. */
  rest: boolean;
  /** Per segment (the catch-all excluded): what it accepts, for reasoning about overlaps. */
  segments: SegmentDomain[];
  /** The catch-all's pattern when `rest`. */
  restPattern: string | null;
}

/** What one path segment accepts: a literal, or strings matching a pattern (with examples). */
export type SegmentDomain = { kind: 'literal'; text: string } | { kind: 'pattern'; regex: RegExp; source: string; samples: string[] };

export interface CompiledParam {
  name: string;
  /** The regular expression the segment must match to take the route. */
  pattern: string;
  /** Schema type checked after matching (FastAPI annotations: a failure is a 422, not a miss). */
  validates: string | null;
  param: PathParam | undefined;
}

const TEMPLATE = /\{([^{}]+)\}/g;

export function compileRoute(route: Route, order: number, profile: Profile): RoutePattern {
  const params: CompiledParam[] = [];
  const byName = new Map(route.params.map((p) => [p.name, p]));
  const segments = route.path.split('/').slice(1);
  let rest = false;
  const keys: (string | null)[] = [];
  const parts: string[] = [];
  const domains: SegmentDomain[] = [];
  let restPattern: string | null = null;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    let source = '';
    let pos = 0;
    let templated = false;
    let samples = [''];
    for (const m of segment.matchAll(TEMPLATE)) {
      templated = true;
      const literal = segment.slice(pos, m.index);
      source += escapeRegex(literal);
      pos = (m.index ?? 0) + m[0].length;
      const name = m[1] as string;
      const param = byName.get(name);
      const compiled = compileParam(name, param, profile, last && m[0].length === segment.length);
      if (compiled.rest) {
        rest = true;
        restPattern = compiled.param.pattern;
      }
      params.push(compiled.param);
      source += `(${compiled.param.pattern})`;
      samples = samples.flatMap((s) => samplesFor(compiled.param.pattern).map((x) => s + literal + x));
    }
    const tail = segment.slice(pos);
    source += escapeRegex(tail);
    parts.push(source);
    keys.push(templated ? null : profile.caseSensitive ? segment : segment.toLowerCase());
    if (!(rest && last)) {
      domains.push(
        templated
          ? { kind: 'pattern', regex: new RegExp(`^${source}$`, profile.caseSensitive ? 's' : 'si'), source, samples: samples.map((x) => x + tail) }
          : { kind: 'literal', text: profile.caseSensitive ? segment : segment.toLowerCase() },
      );
    }
  });
  let body = '/' + parts.join('/');
  if (rest) keys.pop();
  // Express (non-strict) also takes the path with one trailing slash more.
  if (profile.trailingSlash.kind === 'same-route' && !route.path.endsWith('/')) body += '/?';
  return { route, order, method: route.method.toUpperCase(), regex: new RegExp(`^${body}$`, profile.caseSensitive ? 's' : 'si'), params, keys, rest, segments: domains, restPattern };
}

function compileParam(name: string, param: PathParam | undefined, profile: Profile, wholeLastSegment: boolean): { param: CompiledParam; rest: boolean } {
  const convertor = param?.convertor;
  if (convertor && profile.convertors[convertor] !== undefined) {
    const pattern = profile.convertors[convertor] as string;
    return { param: { name, pattern, validates: null, param }, rest: convertor === 'path' && wholeLastSegment };
  }
  const type = param?.type ?? 'string';
  if (type === 'path' && wholeLastSegment) return { param: { name, pattern: profile.restPattern, validates: null, param }, rest: true };
  const pattern = profile.defaultPattern(type);
  return { param: { name, pattern, validates: profile.annotatedParams === 'any-segment' ? type : null, param }, rest: false };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Representative strings a parameter pattern accepts: what overlap checks try, and what examples in
 * messages are made of ("e.g. GET /users/1").
 */
export function samplesFor(pattern: string): string[] {
  const known: Record<string, string[]> = {
    '[0-9]+': ['1', '42'],
    '-?[0-9]+': ['1', '-1'],
    '[0-9]+(?:\\.[0-9]+)?': ['1', '1.5'],
    '-?[0-9]+(?:\\.[0-9]+)?': ['1', '1.5'],
    '[-a-zA-Z0-9_]+': ['me', 'a-b', '1'],
  };
  const found = known[pattern];
  if (found) return found;
  if (pattern.startsWith('[0-9a-f]{8}')) return ['123e4567-e89b-12d3-a456-426614174000'];
  if (pattern === '.*') return ['', 'a', 'a/b'];
  if (pattern === '.+') return ['a', 'a/b'];
  return ['me', '1', 'a-b', 'x.y', '123e4567-e89b-12d3-a456-426614174000', '1.5', 'A'];
}
