import { stringify } from 'yaml';
import type { ProfileId } from '../model/x-routecraft';

/**
 * Random route tables for the differential tests (differential/): each case is an OpenAPI 3.1
 * document in Routecraft's x-routecraft vocabulary plus requests that probe it where frameworks
 * tend to differ. Deterministic for a seed and profile, so a failing case can be replayed.
 *
 * The tables are small and dense on purpose: few literals and param names, so routes overlap,
 * shadow each other (in both orders), differ only by a trailing slash, a method or a param type.
 */

export interface GeneratedRequest {
  method: string;
  /** As sent on the wire: raw, possibly with percent-encoding, `//`, `..` and a query string. */
  path: string;
}

export interface GeneratedCase {
  seed: number;
  profile: ProfileId;
  document: string;
  requests: GeneratedRequest[];
}

type ParamType = 'integer' | 'number' | 'string' | 'uuid';

interface ParamSpec {
  name: string;
  type: ParamType;
  convertor: string | null;
}

type Segment = { kind: 'literal'; text: string } | { kind: 'param'; param: ParamSpec };

interface RouteSpec {
  controller: number;
  method: string;
  /** Segments of the path relative to the controller's prefix. */
  segments: Segment[];
  trailingSlash: boolean;
  /** Only with a non-empty prefix and no segments: the route sits on the prefix itself (`""`). */
  empty: boolean;
  defaultStatus: 200 | 201 | 204;
}

interface ControllerSpec {
  name: string;
  prefix: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const LITERALS = ['users', 'users', 'items', 'items', 'me', 'me', 'export', 'new', 'Users', 'search', 'files', 'v1'];
const PARAM_NAMES = ['id', 'user_id', 'item_id', 'slug', 'key'];
const PREFIXES = ['', '', '/api', '/api', '/users', '/v1', '/api/v2', '/Admin', '/items'];
const CONTROLLER_NAMES = ['Users', 'Items', 'Admin', 'Files'];

/** Convertors each profile's framework has; Express has none (types only document it). */
const PROFILE_CONVERTORS: Record<ProfileId, Partial<Record<ParamType, readonly string[]>>> = {
  fastapi: { integer: ['int', 'int', 'str'], number: ['float'], string: ['str'], uuid: ['uuid', 'str'] },
  'django-modern-rest': { integer: ['int', 'int', 'str'], number: ['str'], string: ['str', 'slug'], uuid: ['uuid', 'str'] },
  express: {},
  openapi: {},
};

const UUID_LOWER = '123e4567-e89b-42d3-a456-426614174000';
const UUID_UPPER = '123E4567-E89B-42D3-A456-426614174000';

const GOOD_VALUES: Record<ParamType, readonly string[]> = {
  integer: ['1', '42', '007', '0'],
  number: ['1.5', '2', '0.25'],
  string: ['alice', 'me', 'a-b_c', 'new'],
  uuid: [UUID_LOWER, UUID_LOWER, UUID_UPPER],
};

/** Values that some framework treats differently from another: each one is there for a reason. */
const ODD_VALUES = [
  'abc',
  'me',
  '-1',
  '1.5',
  '1e3',
  '+1',
  '1_000',
  'nan',
  'inf',
  '%6De',
  'a%2Fb',
  '%20',
  'a%20b',
  'caf%C3%A9',
  'caf%E9',
  '1%0A',
  '%201',
  '%D9%A1',
  'a%3Fb',
  'a%23b',
  '',
  '..',
  'Me',
  UUID_UPPER,
  '123e4567e89b42d3a456426614174000',
];
const CATCH_ALL_VALUES = ['', 'a', 'a/b', 'a/b/', 'a%2Fb', 'x.txt', 'me'];
const UNKNOWN_PATHS = ['/', '/nope', '/nope/', '/users/me/extra/deep', '//', '/favicon.ico'];
const QUERIES = ['?q=1', '?next=%2Fa&x=1', '?a=1&a=2', '?'];

export function generateCase(seed: number, profileId: ProfileId): GeneratedCase {
  const rng = new Random(seed, profileId);
  const controllers = makeControllers(rng);
  const routes = makeRoutes(rng, controllers, profileId);
  const document = renderTable({
    title: `Differential case ${seed}`,
    profile: profileId,
    controllers,
    routes: routes.map((r) => ({
      controller: r.controller,
      method: r.method,
      localPath: localPath(r),
      params: r.segments.flatMap((s) => (s.kind === 'param' ? [s.param] : [])),
      defaultStatus: r.defaultStatus,
    })),
  });
  const requests = makeRequests(rng, controllers, routes);
  return { seed, profile: profileId, document, requests };
}

/** A small seeded PRNG (mulberry32): enough for test data, usable anywhere without imports. */
export class Random {
  private state: number;

  constructor(seed: number, salt = '') {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < salt.length; i += 1) h = Math.imul(h ^ salt.charCodeAt(i), 0x85ebca6b) >>> 0;
    this.state = h;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

function makeControllers(rng: Random): ControllerSpec[] {
  const count = rng.int(2, 4);
  const out: ControllerSpec[] = [];
  for (let i = 0; i < count; i += 1) {
    // Sometimes share the previous prefix, or nest under it: both happen in real projects.
    const previous = out[i - 1];
    let prefix = rng.pick(PREFIXES);
    if (previous && rng.chance(0.15)) prefix = previous.prefix;
    else if (previous && previous.prefix !== '' && rng.chance(0.1)) prefix = `${previous.prefix}/v2`;
    out.push({ name: CONTROLLER_NAMES[i] as string, prefix });
  }
  return out;
}

function makeRoutes(rng: Random, controllers: ControllerSpec[], profileId: ProfileId): RouteSpec[] {
  const routes: RouteSpec[] = [];
  const seen = new Set<string>();
  controllers.forEach((controller, index) => {
    const count = rng.int(3, 15);
    for (let attempt = 0, made = 0; made < count && attempt < count * 4; attempt += 1) {
      const route = makeRoute(rng, index, controller, routes, profileId);
      const key = `${route.method} ${fullPath(controller, route)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      routes.push(route);
      made += 1;
    }
  });
  return routes;
}

function makeRoute(rng: Random, controller: number, spec: ControllerSpec, earlier: RouteSpec[], profileId: ProfileId): RouteSpec {
  const method = rng.chance(0.4) ? 'GET' : rng.pick(METHODS);
  const base = { controller, method, defaultStatus: defaultStatusFor(rng, method), empty: false };
  const other = earlier.length > 0 ? rng.pick(earlier) : undefined;
  const roll = rng.next();
  if (other && roll < 0.2) {
    // The same shape again: another method on the path, or the same one with other param types.
    return { ...base, segments: other.segments.map((s) => (s.kind === 'param' && s.param.convertor !== 'path' && rng.chance(0.3) ? { kind: 'param', param: makeParam(rng, s.param.name, profileId) } : s)), trailingSlash: other.trailingSlash };
  }
  if (other && roll < 0.35 && other.segments.some((s) => s.kind === 'param')) {
    // A literal where a param was (`/users/me` after or before `/users/{id}`).
    const at = other.segments.findIndex((s) => s.kind === 'param');
    const segments = other.segments.map((s, i): Segment => (i === at ? { kind: 'literal', text: rng.pick(['me', 'new', 'export']) } : s));
    return { ...base, segments, trailingSlash: other.trailingSlash };
  }
  if (other && roll < 0.45 && other.segments.some((s) => s.kind === 'literal')) {
    // A param where a literal was: the reverse shadowing order.
    // Mostly below the first segment: a param first swallows nearly everything after it.
    const literals = other.segments.map((s, i) => (s.kind === 'literal' && (i > 0 || rng.chance(0.2)) ? i : -1)).filter((i) => i >= 0);
    if (literals.length === 0) return { ...base, segments: other.segments, trailingSlash: other.trailingSlash };
    const at = rng.pick(literals);
    const used = new Set(other.segments.flatMap((s) => (s.kind === 'param' ? [s.param.name] : [])));
    const name = PARAM_NAMES.find((n) => !used.has(n)) ?? 'other';
    const segments = other.segments.map((s, i): Segment => (i === at ? { kind: 'param', param: makeParam(rng, name, profileId) } : s));
    return { ...base, segments: dropCatchAllBefore(segments), trailingSlash: other.trailingSlash };
  }
  if (other && roll < 0.55 && other.segments.length > 0 && !hasCatchAll(other)) {
    // The trailing-slash twin.
    return { ...base, segments: other.segments, trailingSlash: !other.trailingSlash, empty: false };
  }
  if (other && roll < 0.6 && other.segments.length > 0 && !hasCatchAll(other)) {
    return { ...base, segments: [...other.segments, catchAll(other)], trailingSlash: false };
  }
  // A fresh path; an empty-prefix controller sometimes repeats another controller's prefix in it.
  const segments: Segment[] = [];
  if (spec.prefix === '' && rng.chance(0.3)) {
    for (const part of rng.pick(['/api', '/users', '/v1']).split('/').filter(Boolean)) segments.push({ kind: 'literal', text: part });
  }
  const length = rng.int(spec.prefix === '' && segments.length === 0 ? 1 : 0, 3);
  const used = new Set<string>();
  for (let i = 0; i < length; i += 1) {
    if (i === 0 || rng.chance(0.5)) segments.push({ kind: 'literal', text: rng.pick(LITERALS) });
    else {
      const name = rng.pick(PARAM_NAMES.filter((n) => !used.has(n)));
      used.add(name);
      segments.push({ kind: 'param', param: makeParam(rng, name, profileId) });
    }
  }
  if (segments.length > 0 && rng.chance(0.1)) segments.push(catchAll({ segments }));
  const empty = segments.length === 0 && spec.prefix !== '' && rng.chance(0.6);
  const trailingSlash = !empty && segments.length > 0 && !hasCatchAll({ segments }) && rng.chance(0.15);
  return { ...base, segments, trailingSlash, empty };
}

function defaultStatusFor(rng: Random, method: string): 200 | 201 | 204 {
  if (method === 'POST' && rng.chance(0.7)) return 201;
  if (method === 'DELETE' && rng.chance(0.7)) return 204;
  return rng.pick([200, 200, 201, 204] as const);
}

function makeParam(rng: Random, name: string, profileId: ProfileId): ParamSpec {
  const type = rng.pick(['integer', 'integer', 'string', 'string', 'number', 'uuid'] as const);
  const convertors = PROFILE_CONVERTORS[profileId][type];
  const convertor = convertors && rng.chance(0.45) ? rng.pick(convertors) : null;
  return { name, type, convertor };
}

function catchAll(route: { segments: Segment[] }): Segment {
  const used = new Set(route.segments.flatMap((s) => (s.kind === 'param' ? [s.param.name] : [])));
  return { kind: 'param', param: { name: used.has('rest') ? 'tail' : 'rest', type: 'string', convertor: 'path' } };
}

function hasCatchAll(route: { segments: Segment[] }): boolean {
  return route.segments.some((s) => s.kind === 'param' && s.param.convertor === 'path');
}

/** A catch-all stays the last segment. */
function dropCatchAllBefore(segments: Segment[]): Segment[] {
  return segments.filter((s, i) => i === segments.length - 1 || !(s.kind === 'param' && s.param.convertor === 'path'));
}

function localPath(route: RouteSpec): string {
  if (route.empty) return '';
  if (route.segments.length === 0) return '/';
  const text = route.segments.map((s) => `/${s.kind === 'literal' ? s.text : `{${s.param.name}}`}`).join('');
  return route.trailingSlash ? `${text}/` : text;
}

function fullPath(controller: ControllerSpec, route: RouteSpec): string {
  return controller.prefix + localPath(route);
}

/** A route table in plain terms: what renderTable writes as a document. */
export interface TableSpec {
  title: string;
  profile: ProfileId;
  /** In include order. */
  controllers: { name: string; prefix: string }[];
  /** In declaration order; a controller's routes are contiguous. */
  routes: TableRoute[];
}

export interface TableRoute {
  /** Index into `controllers`. */
  controller: number;
  /** Upper case. */
  method: string;
  /** Below the prefix, `{name}` for params; may be '' below a non-empty prefix. */
  localPath: string;
  /** One per `{name}` of the path, in path order. */
  params: { name: string; type: 'integer' | 'number' | 'string' | 'uuid'; convertor: string | null }[];
  defaultStatus: number;
}

/**
 * The table as an OpenAPI 3.1 document in the x-routecraft vocabulary: controllers are tags with
 * `x-routecraft-prefix`, each operation is tagged with its controller, declares its path params
 * (with `x-routecraft-convertor` where there is one) and `x-routecraft-default-status`; where
 * `paths` cannot say the declaration order, `x-routecraft.order` does.
 */
export function renderTable(table: TableSpec): string {
  const paths = new Map<string, Map<string, unknown>>();
  const declared: string[] = [];
  for (const route of table.routes) {
    const controller = table.controllers[route.controller];
    if (!controller) throw new Error(`renderTable: ${route.method} ${route.localPath} names no controller`);
    const path = controller.prefix + route.localPath;
    declared.push(`${route.method} ${path}`);
    let item = paths.get(path);
    if (!item) {
      item = new Map();
      paths.set(path, item);
    }
    const operation = new Map<string, unknown>([['tags', [controller.name]]]);
    if (route.params.length > 0) {
      operation.set(
        'parameters',
        route.params.map((p) => ({
          name: p.name,
          in: 'path',
          required: true,
          schema: p.type === 'uuid' ? { type: 'string', format: 'uuid' } : { type: p.type },
          ...(p.convertor !== null ? { 'x-routecraft-convertor': p.convertor } : {}),
        })),
      );
    }
    operation.set('x-routecraft-default-status', route.defaultStatus);
    operation.set('responses', { [String(route.defaultStatus)]: { description: DESCRIPTIONS[route.defaultStatus] ?? 'Answer' } });
    item.set(route.method.toLowerCase(), operation);
  }
  // `paths` groups methods by path; where that is not the declaration order, say so.
  const natural = [...paths.entries()].flatMap(([path, item]) => [...item.keys()].map((m) => `${m.toUpperCase()} ${path}`));
  const sameOrder = natural.every((key, i) => key === declared[i]);
  const document = new Map<string, unknown>([
    ['openapi', '3.1.0'],
    ['info', { title: table.title, version: '1' }],
    ['x-routecraft', { profile: table.profile, ...(sameOrder ? {} : { order: declared }) }],
    ['tags', table.controllers.map((c) => ({ name: c.name, 'x-routecraft-prefix': c.prefix }))],
    ['paths', paths],
  ]);
  return stringify(document, { lineWidth: 0 });
}

const DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content' };

interface PathPart {
  text: string;
  literal: boolean;
}

function makeRequests(rng: Random, controllers: ControllerSpec[], routes: RouteSpec[]): GeneratedRequest[] {
  const count = rng.int(10, 30);
  const out: GeneratedRequest[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; out.length < count && attempt < count * 4; attempt += 1) {
    const request = rng.chance(0.1) || routes.length === 0 ? unknownRequest(rng, controllers) : routeRequest(rng, controllers, routes);
    const key = `${request.method} ${request.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(request);
  }
  return out;
}

function unknownRequest(rng: Random, controllers: ControllerSpec[]): GeneratedRequest {
  const prefix = rng.pick(controllers).prefix;
  const path = rng.chance(0.5) && prefix !== '' ? (rng.chance(0.5) ? prefix : `${prefix}/`) : rng.pick(UNKNOWN_PATHS);
  return { method: randomMethod(rng, 'GET'), path };
}

function routeRequest(rng: Random, controllers: ControllerSpec[], routes: RouteSpec[]): GeneratedRequest {
  const route = rng.pick(routes);
  const controller = controllers[route.controller] as ControllerSpec;
  const parts: PathPart[] = controller.prefix
    .split('/')
    .filter(Boolean)
    .map((text) => ({ text, literal: true }));
  for (const segment of route.segments) {
    if (segment.kind === 'literal') parts.push({ text: segment.text, literal: true });
    else parts.push({ text: paramValue(rng, segment.param), literal: false });
  }
  // A route on `/` below a prefix (`/api/`) ends with a slash too.
  let trailing = route.trailingSlash || (route.segments.length === 0 && !route.empty);
  if (rng.chance(0.15)) trailing = !trailing;
  mutateLiteral(rng, parts);
  let path = parts.length === 0 ? '/' : `/${parts.map((p) => p.text).join('/')}${trailing ? '/' : ''}`;
  if (rng.chance(0.06)) path = doubleSlash(rng, path);
  if (rng.chance(0.04)) path = dotSegment(rng, path);
  // Starlette's patterns end in `$`, which also matches before a final newline.
  if (rng.chance(0.02)) path += '%0A';
  if (rng.chance(0.15)) path += rng.pick(QUERIES);
  return { method: randomMethod(rng, route.method), path };
}

function randomMethod(rng: Random, usual: string): string {
  const roll = rng.next();
  if (roll < 0.6) return usual;
  if (roll < 0.85) return rng.pick(METHODS);
  return roll < 0.92 ? 'HEAD' : 'OPTIONS';
}

function paramValue(rng: Random, param: ParamSpec): string {
  if (param.convertor === 'path') return rng.pick(CATCH_ALL_VALUES);
  return rng.chance(0.55) ? rng.pick(GOOD_VALUES[param.type]) : rng.pick(ODD_VALUES);
}

/** Upper-cases a literal, or percent-encodes one of its letters (`me` → `%6De`). */
function mutateLiteral(rng: Random, parts: PathPart[]): void {
  const literals = parts.filter((p) => p.literal && /[a-z]/.test(p.text));
  if (literals.length === 0) return;
  const part = rng.pick(literals);
  const roll = rng.next();
  if (roll < 0.08) part.text = part.text.toUpperCase();
  else if (roll < 0.16) {
    const positions = [...part.text].map((c, i) => (/[a-z]/.test(c) ? i : -1)).filter((i) => i >= 0);
    const at = rng.pick(positions);
    const hex = part.text.charCodeAt(at).toString(16);
    part.text = `${part.text.slice(0, at)}%${rng.chance(0.7) ? hex.toUpperCase() : hex}${part.text.slice(at + 1)}`;
  }
}

function doubleSlash(rng: Random, path: string): string {
  const slashes = [...path].map((c, i) => (c === '/' ? i : -1)).filter((i) => i >= 0);
  const at = rng.pick(slashes);
  return `${path.slice(0, at)}/${path.slice(at)}`;
}

/** `/a/b` → `/a/x/../b` or `/a/./b`: what a server sees when a client does not normalise. */
function dotSegment(rng: Random, path: string): string {
  const slashes = [...path].map((c, i) => (c === '/' ? i : -1)).filter((i) => i >= 0);
  const at = rng.pick(slashes);
  return `${path.slice(0, at)}${rng.chance(0.5) ? '/x/..' : '/.'}${path.slice(at)}`;
}
