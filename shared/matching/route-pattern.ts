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
  /** The framework's regular expression for the whole path (built on first use). */
  readonly regex: RegExp;
  params: CompiledParam[];
  /** Trie keys: a literal segment (case-folded where the profile ignores case) or null for "any". */
  keys: (string | null)[];
  /** The path ends in a catch-all that may span several segments. */
  rest: boolean;
  /** Per segment (the catch-all excluded): what it accepts, for reasoning about overlaps. */
  segments: SegmentDomain[];
  /** The catch-all's pattern when `rest`. */
  restPattern: string | null;
  /** Routes with the same view key are one URL pattern's view (Django: controller + pattern); '' unless the profile dispatches per path. */
  view: string;
}

/** What one path segment accepts: a literal, or strings matching a pattern (with examples). */
export type SegmentDomain = { kind: 'literal'; text: string } | { kind: 'pattern'; regex: RegExp; source: string; samples: readonly string[] };

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
  const path = route.path;
  const keys: (string | null)[] = [];
  const domains: SegmentDomain[] = [];
  // No `s` flag: in Python and in path-to-regexp `.` does not match a line break.
  const flags = profile.caseSensitive ? '' : 'i';
  let body = '/';
  let rest = false;
  let restPattern: string | null = null;
  // The segments `path.split('/').slice(1)` gives (what precedes the first slash is dropped), read
  // in place: compiling is most of a cold validation, so no intermediate arrays.
  let from = path.indexOf('/');
  let first = true;
  while (from !== -1) {
    const start = from + 1;
    const next = path.indexOf('/', start);
    const end = next === -1 ? path.length : next;
    const segment = path.slice(start, end);
    const last = next === -1;
    from = next;
    if (!first) body += '/';
    first = false;
    if (segment.indexOf('{') === -1) {
      const text = profile.caseSensitive ? segment : segment.toLowerCase();
      body += escapeRegex(segment);
      keys.push(text);
      domains.push({ kind: 'literal', text });
      continue;
    }
    const compiled = compileSegment(route, segment, last, profile, params);
    if (compiled.restPattern !== null) {
      rest = true;
      restPattern = compiled.restPattern;
    }
    body += compiled.source;
    keys.push(null);
    if (!(rest && last)) domains.push(compiled.domain ?? patternDomain(compiled.source, flags, compiled.samples));
  }
  if (rest) keys.pop();
  if (profile.trailingSlash.kind === 'same-route') body = expressBody(route, body);
  const view = profile.methodDispatch === 'per-path' ? `${route.controller ?? ''}\u0000${route.path}\u0000${params.map((p) => p.pattern).join('\u0000')}` : '';
  return new CompiledPattern(route, order, route.method.toUpperCase(), `^${body}${profile.dollarAllowsFinalNewline ? '\\n?' : ''}$`, flags, params, keys, rest, domains, restPattern, view);
}

/** A RoutePattern whose regular expression is compiled on first use: most routes are never a candidate for a given request. */
class CompiledPattern implements RoutePattern {
  private compiled: RegExp | undefined = undefined;

  constructor(
    public route: Route,
    public order: number,
    public method: string,
    private readonly source: string,
    private readonly flags: string,
    public params: CompiledParam[],
    public keys: (string | null)[],
    public rest: boolean,
    public segments: SegmentDomain[],
    public restPattern: string | null,
    public view: string,
  ) {}

  get regex(): RegExp {
    return (this.compiled ??= new RegExp(this.source, this.flags));
  }
}

interface CompiledSegment {
  source: string;
  /** Set when the segment holds the catch-all. */
  restPattern: string | null;
  samples: readonly string[];
  /** The shared domain of a segment that is one whole parameter (most are): no key to build. */
  domain?: SegmentDomain;
}

/** A segment with `{…}` in it: its regular expression source, and sample values it accepts. */
function compileSegment(route: Route, segment: string, last: boolean, profile: Profile, params: CompiledParam[]): CompiledSegment {
  let source = '';
  let pos = 0;
  let samples: readonly string[] = [''];
  let pieces = 0;
  let restPattern: string | null = null;
  let whole = false;
  TEMPLATE.lastIndex = 0;
  for (let m = TEMPLATE.exec(segment); m !== null; m = TEMPLATE.exec(segment)) {
    pieces++;
    const literal = segment.slice(pos, m.index);
    source += escapeRegex(literal);
    pos = m.index + m[0].length;
    const name = m[1] as string;
    whole = m[0].length === segment.length;
    const compiled = compileParam(name, paramNamed(route, name), profile, last && whole);
    if (compiled.rest) restPattern = compiled.param.pattern;
    params.push(compiled.param);
    source += `(${compiled.param.pattern})`;
    const own = samplesFor(compiled.param.pattern);
    samples = pieces === 1 && literal === '' ? own : samples.flatMap((s) => own.map((x) => s + literal + x));
  }
  TEMPLATE.lastIndex = 0;
  const tail = segment.slice(pos);
  source += escapeRegex(tail);
  if (whole) {
    const pattern = (params[params.length - 1] as CompiledParam).pattern;
    return { source, restPattern, samples, domain: wholeDomain(pattern, profile.caseSensitive ? '' : 'i', source, samples) };
  }
  return { source, restPattern, samples: tail === '' ? samples : samples.map((x) => x + tail) };
}

function paramNamed(route: Route, name: string): PathParam | undefined {
  for (const p of route.params) if (p.name === name) return p;
  return undefined;
}

function compileParam(name: string, param: PathParam | undefined, profile: Profile, wholeLastSegment: boolean): { param: CompiledParam; rest: boolean } {
  const convertor = param?.convertor;
  const type = param?.type ?? 'string';
  if (convertor && profile.convertors[convertor] !== undefined) {
    const pattern = profile.convertors[convertor] as string;
    // The declared type is still validated after the convertor: `{id:str}` with `id: int` matches
    // "me" and then answers 422. An int/float/uuid convertor's value already fits most types.
    const validates = profile.annotatedParams === 'any-segment' && !convertorFits(convertor, type) ? type : null;
    return { param: { name, pattern, validates, param }, rest: convertor === 'path' && wholeLastSegment };
  }
  if (type === 'path' && wholeLastSegment) return { param: { name, pattern: profile.restPattern, validates: null, param }, rest: true };
  const pattern = profile.defaultPattern(type);
  return { param: { name, pattern, validates: profile.annotatedParams === 'any-segment' ? type : null, param }, rest: false };
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/;

function escapeRegex(s: string): string {
  if (!REGEX_SPECIAL.test(s)) return s;
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Express mounts a router at its controller's prefix (`app.use('/api', router)`): a request equal to
 * the prefix reaches the router as `/`. Routes are non-strict: one more trailing slash is taken.
 */
function expressBody(route: Route, body: string): string {
  if ((route.localPath === '/' || route.localPath === '') && route.path !== '/') return `${escapeRegex(route.path.replace(/\/$/, ''))}(?:/(?:/)?)?`;
  const stripped = body.replace(/\/$/, '');
  return stripped === '' ? '/(?:/)?' : `${stripped}(?:/)?`;
}

/** Whether a convertor's value always passes validation as `type` (pydantic coerces int → float, str). */
function convertorFits(convertor: string, type: string): boolean {
  if (type === 'string' || type === 'path') return true;
  if (convertor === 'int' || convertor === 'float') return type === 'integer' || type === 'number';
  if (convertor === 'uuid') return type === 'uuid';
  return false;
}

/**
 * Representative strings a parameter pattern accepts: what overlap checks try, and what examples in
 * messages are made of ("e.g. GET /users/1").
 */
export function samplesFor(pattern: string): readonly string[] {
  let found = SAMPLES.get(pattern);
  if (!found) {
    found = pattern.startsWith('[0-9a-f]{8}') ? ['123e4567-e89b-12d3-a456-426614174000'] : ['me', '1', 'a-b', 'x.y', '123e4567-e89b-12d3-a456-426614174000', '1.5', 'A'];
    SAMPLES.set(pattern, found);
  }
  return found;
}

const SAMPLES = new Map<string, readonly string[]>([
  ['[0-9]+', ['1', '42']],
  ['-?[0-9]+', ['1', '-1']],
  ['[0-9]+(?:\\.[0-9]+)?', ['1', '1.5']],
  ['-?[0-9]+(?:\\.[0-9]+)?', ['1', '1.5']],
  ['[-a-zA-Z0-9_]+', ['me', 'a-b', '1']],
  ['.*', ['', 'a', 'a/b']],
  ['.+', ['a', 'a/b']],
]);

/** Pattern segments repeat (`([^/]+)` in most routes): one shared domain object each. */
const DOMAINS = new Map<string, SegmentDomain>();

function patternDomain(source: string, flags: string, samples: readonly string[]): SegmentDomain {
  const key = `${flags} ${source}`;
  let d = DOMAINS.get(key);
  if (!d) {
    if (DOMAINS.size > 10_000) DOMAINS.clear();
    DOMAINS.set(key, (d = { kind: 'pattern', regex: new RegExp(`^${source}$`, flags), source, samples }));
  }
  return d;
}

/** Domains of whole-parameter segments by flags and pattern: a lookup without building a key. */
const WHOLE: Record<string, Map<string, SegmentDomain>> = { '': new Map(), i: new Map() };

function wholeDomain(pattern: string, flags: string, source: string, samples: readonly string[]): SegmentDomain {
  const byPattern = WHOLE[flags] ?? (WHOLE[flags] = new Map());
  let d = byPattern.get(pattern);
  if (!d) byPattern.set(pattern, (d = patternDomain(source, flags, samples)));
  return d;
}
