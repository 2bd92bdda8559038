import { matchRequest } from '../matching/match-request';
import type { MatchResult, TraceStep } from '../matching/match-types';
import { parseRequestPath } from '../matching/request-path';
import type { HeaderSpec, MediaContent, NamedExample, ResponseSpec, Route } from '../model/api-model';
import type { Diagnostic } from '../model/diagnostic';
import { corsEnabled, corsResponseHeaders, originAllowed, preflightHeaders } from './cors';
import { chooseMediaType, contentTypeFor, headerValue, isHeaderName, isJsonMediaType, serializeBody, utf8Length } from './http-text';
import type { MockRequest, MockResponse } from './mock-types';
import type { AnswerHeaders, MockTable, ResponseHeaders, StaticBody } from './mock-table';
import { appliedPreferences, parsePrefer, type MockPreferences } from './prefer-header';
import { bodyIssue, paramIssue, validationErrorBody, type ValidationIssue } from './validation-issues';

/** An answer before the content headers, CORS and HEAD are applied. */
interface Draft {
  status: number;
  headers: [string, string][];
  /** The body, its `Content-Type` and (when known) its length in bytes; undefined for none at all. */
  body?: { text: string; contentType: string | null; length?: number };
  source: string;
  route: Route | null;
  problems: Diagnostic[];
  delayMs: number;
  /**
   * The whole header list, content headers included, when nothing in it depends on the request
   * (a route's cached body, no Prefer, no derived Location): computed once, sent as is.
   */
  complete?: AnswerHeaders;
}

/** Headers a response spec may declare that the server itself sets (OpenAPI ignores Content-Type). */
const SERVER_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'trailer']);

/**
 * What the designed API answers to `request` (DESIGN §6): routing by the one matcher under the
 * table's profile, then the framework's own answers (404 with the closest routes, 405 + Allow,
 * trailing-slash redirects, 422 for a path parameter or JSON body that fails its schema), else the
 * route's response: its default status or the one `Prefer` asks for, a named or first example or a
 * body generated from the schema, every declared header, `Location` on 201 and 3xx.
 * `random` seeds `Prefer: dynamic=true` bodies; everything else is deterministic.
 */
export function resolveMockRequest(table: MockTable, request: MockRequest, random: () => number = Math.random): MockResponse {
  const method = request.method.toUpperCase();
  const target = requestTarget(request.target);
  if (target === undefined) {
    return finish(table, request, method, [], errorDraft(table, 400, { detail: 'The request target must be a path starting with "/".' }, '400: the request target is not a path'));
  }
  const cors = table.model.mock.cors;
  const origin = request.headers.origin;
  const preflightMethod = request.headers['access-control-request-method'];
  if (method === 'OPTIONS' && origin !== undefined && preflightMethod !== undefined && corsEnabled(cors)) {
    return finish(table, request, method, [], preflight(table, origin, preflightMethod, request.headers['access-control-request-headers']));
  }
  const match = matchRequest(table.model, table.profile, { method, path: target });
  return finish(table, request, method, match.trace, answer(table, request, method, target, match, random));
}

function answer(table: MockTable, request: MockRequest, method: string, target: string, match: MatchResult, random: () => number): Draft {
  const { profile } = table;
  const route = match.route;
  if (route && (match.status === 422 || match.trace.at(-1)?.outcome === 'matched')) {
    const issues = requestIssues(table, request, route, target, match);
    if (issues.length > 0) return { ...errorDraft(table, 422, validationErrorBody(profile, issues), `422: ${issues.map((i) => `${[i.in, ...i.path].join('.')} ${i.message}`).join('; ')}`), route };
    return routeAnswer(table, request, method, target, route, match.status, random);
  }
  switch (match.status) {
    case 404: {
      const path = parseRequestPath(target, profile.matchDecodedPath, profile.brokenEscapes).path;
      const closest = table.closestRoutes(path, method);
      return errorDraft(table, 404, withClosest(profile.errorBody(404), closest), '404: no route matches');
    }
    case 405: {
      const draft = errorDraft(table, 405, profile.errorBody(405), `405: the path matches, the method does not (Allow: ${match.allow ?? ''})`);
      return { ...draft, route, headers: [['Allow', match.allow ?? '']] };
    }
    case 200:
      // The framework answers OPTIONS itself (Express, Django's View): Allow, and maybe a body.
      return {
        status: 200,
        headers: [['Allow', match.allow ?? '']],
        body: table.facts.optionsBody === 'allow' ? { text: match.allow ?? '', contentType: 'text/html; charset=utf-8' } : undefined,
        source: `OPTIONS answered by the framework (Allow: ${match.allow ?? ''})`,
        route: null,
        problems: [],
        delayMs: table.latency(undefined),
      };
    default:
      if (match.location !== null) {
        const host = headerValue(request.headers.host ?? request.serverAddress ?? 'localhost');
        const location = table.facts.redirectLocation === 'absolute' ? `http://${host}${match.location}` : match.location;
        return { status: match.status, headers: [['Location', location]], source: `${match.status}: trailing-slash redirect`, route: null, problems: [], delayMs: table.latency(undefined) };
      }
      return errorDraft(table, match.status, profile.errorBody(match.status), `${match.status}: refused by the framework`);
  }
}

/** Path parameters that fail their type, then the JSON body against its schema: FastAPI reports both at once. */
function requestIssues(table: MockTable, request: MockRequest, route: Route, target: string, match: MatchResult): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const pattern = table.patternOf(route);
  if (pattern && pattern.params.some((p) => p.validates !== null)) {
    const path = parseRequestPath(target, table.profile.matchDecodedPath, table.profile.brokenEscapes).path;
    const m = pattern.regex.exec(path);
    pattern.params.forEach((p, i) => {
      const value = m?.[i + 1] ?? '';
      if (p.validates !== null && !table.profile.accepts(p.validates, value)) issues.push(paramIssue(p.name, p.validates, value));
    });
  }
  if (match.status === 422 && issues.length === 0) {
    issues.push({ in: 'path', path: [], keyword: 'type', message: match.trace.at(-1)?.detail ?? 'a path parameter is not valid', params: {} });
  }
  if (table.facts.validatesBody && route.requestBody) issues.push(...bodyIssues(table, request, route));
  return issues;
}

function bodyIssues(table: MockTable, request: MockRequest, route: Route): ValidationIssue[] {
  const declared = route.requestBody;
  if (!declared) return [];
  const empty = request.body === null || request.body === '';
  if (empty) return declared.required ? [{ in: 'body', path: [], keyword: 'missing', message: 'is required', params: {} }] : [];
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const json = declared.content.find((c) => isJsonMediaType(c.mediaType) && c.schema !== undefined);
  if (!json) return [];
  let value: unknown;
  if (contentType === '' || isJsonMediaType(contentType)) {
    try {
      value = JSON.parse(request.body as string);
    } catch (e) {
      const message = e instanceof Error ? e.message : 'not JSON';
      const at = /position (\d+)/.exec(message);
      return [{ in: 'body', path: at ? [Number(at[1])] : [], keyword: 'jsondecode', message, params: {} }];
    }
  } else if (declared.content.some((c) => (c.mediaType.split(';')[0] ?? '').trim().toLowerCase() === contentType)) {
    // A form or file upload the route also accepts: not ours to check.
    return [];
  } else {
    // FastAPI reads other bodies as text and validates that against the model.
    value = request.body;
  }
  return table.engine.validate(table.schema(json.schema), value).map(bodyIssue);
}

function routeAnswer(table: MockTable, request: MockRequest, method: string, target: string, route: Route, defaultStatus: number, random: () => number): Draft {
  const prefs = parsePrefer(request.headers.prefer);
  let status = defaultStatus;
  let response = defaultResponse(table, route, status);
  if (prefs.code !== undefined) {
    if (!/^[1-5][0-9][0-9]$/.test(prefs.code)) return preferError(table, route, `Prefer: code=${prefs.code} is not an HTTP status code.`);
    status = Number(prefs.code);
    response = findResponse(route, status);
    if (!response) return preferError(table, route, `Prefer: code=${prefs.code}: ${route.key} declares no ${prefs.code} response.`);
  }
  let example: { media: MediaContent; example: NamedExample } | undefined;
  if (prefs.example !== undefined) {
    const found = findExample(route, prefs.code !== undefined ? response : undefined, response, prefs.example);
    if (!found) {
      const where = prefs.code !== undefined ? `its ${prefs.code} response` : route.key;
      return preferError(table, route, `Prefer: example=${prefs.example}: ${where} has no example named "${prefs.example}".`);
    }
    if (found.response !== response) status = statusOf(found.response, defaultStatus);
    response = found.response;
    example = found;
  }
  const problems: Diagnostic[] = [];
  let chosen: StaticBody | undefined;
  let body: Draft['body'];
  let source: string;
  if (!response) source = `${route.key}: no ${status} response is declared; answered without a body`;
  else if (noBodyStatus(status)) source = `${response.status} response (no body for ${status})`;
  else {
    const media = example?.media ?? chooseMediaType(response.content, request.headers.accept);
    if (!media) source = `${response.status} response, which declares no content`;
    else {
      chosen = chooseBody(table, route, response, media, example?.example, prefs, random, problems);
      source = chosen.source;
      body = chosen.wire ?? wireOf(chosen.value, media.mediaType);
    }
  }
  const declared = response ? responseHeaders(table, response) : undefined;
  // A declared Location without an example still gets a value; an undeclared one is not invented,
  // as the real handler would not send it either.
  const derivesLocation = declared !== undefined && declared.locationWithoutExample && (status === 201 || (status >= 300 && status < 400 && status !== 304));
  const applied = appliedPreferences(prefs);
  const delayMs = table.latency(response);
  if (chosen?.answerHeaders && !derivesLocation && applied === undefined) {
    return { status, headers: chosen.answerHeaders.list, body, source, route, problems, delayMs, complete: chosen.answerHeaders };
  }
  const headers: [string, string][] = declared ? [...declared.list] : [];
  if (derivesLocation) headers.push(['Location', derivedLocation(method, target, status)]);
  if (applied) headers.push(['Preference-Applied', applied]);
  return { status, headers, body, source, route, problems, delayMs };
}

/** findResponse for the status the route answers by default: the same question on every request, so answered once. */
function defaultResponse(table: MockTable, route: Route, status: number): ResponseSpec | undefined {
  const known = table.defaultResponses.get(route);
  if (known && known.status === status) return known.response;
  const response = findResponse(route, status);
  table.defaultResponses.set(route, { status, response });
  return response;
}

/** The response a status selects: exact, then its class (`4XX`), then `default`. */
export function findResponse(route: Route, status: number): ResponseSpec | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return route.responses.find((r) => r.status === exact) ?? route.responses.find((r) => r.status.toUpperCase() === range) ?? route.responses.find((r) => r.status === 'default');
}

function statusOf(response: ResponseSpec, fallback: number): number {
  if (/^[1-5][0-9][0-9]$/.test(response.status)) return Number(response.status);
  const range = /^([1-5])XX$/i.exec(response.status);
  if (range) return String(fallback)[0] === range[1] ? fallback : Number(range[1]) * 100;
  return fallback;
}

function findExample(route: Route, only: ResponseSpec | undefined, preferred: ResponseSpec | undefined, name: string): { response: ResponseSpec; media: MediaContent; example: NamedExample } | undefined {
  const order = only ? [only] : [...(preferred ? [preferred] : []), ...route.responses.filter((r) => r !== preferred)];
  for (const response of order) {
    for (const media of response.content) {
      const example = media.examples.find((e) => e.name === name);
      if (example) return { response, media, example };
    }
  }
  return undefined;
}

/**
 * The body to send: the named example, a dynamic one, else the media type's cached body (its wire
 * form and, with the response's headers, its complete header list computed once). Strict mode adds
 * a diagnostic to `problems` for a body that does not match its schema.
 */
function chooseBody(table: MockTable, route: Route, response: ResponseSpec, media: MediaContent, example: NamedExample | undefined, prefs: MockPreferences, random: () => number, problems: Diagnostic[]): StaticBody {
  let body: StaticBody;
  let cached = false;
  if (example) body = { value: example.value, source: `example "${example.name}" of ${response.status}` };
  else if (prefs.dynamic && media.schema !== undefined) body = generated(table, media.schema, Math.floor(random() * 2 ** 31), `${response.status} body generated from the schema (dynamic)`);
  else {
    cached = true;
    body = staticBody(table, response, media);
    if (!body.wire) {
      const wire = wireOf(body.value, media.mediaType);
      body.wire = wire;
      body.answerHeaders = answerHeaders([...responseHeaders(table, response).list, ['Content-Type', wire.contentType], ['Content-Length', String(wire.length)]]);
    }
  }
  if (!table.strict || media.schema === undefined || body.value === undefined) return body;
  if (!cached || body.mismatch === undefined) {
    const mismatch = table.engine.validate(table.schema(media.schema), body.value).map((i) => `${i.path.length > 0 ? `/${i.path.join('/')}` : '(root)'} ${i.message}`);
    if (cached) body.mismatch = mismatch;
    else body = { ...body, mismatch };
  }
  const mismatch = body.mismatch ?? [];
  if (mismatch.length > 0) {
    problems.push({
      rule: 'mock/response-body-mismatch',
      severity: 'warning',
      message: `${route.key} ${response.status} ${media.mediaType}: the ${body.source} does not match its schema: ${mismatch.slice(0, 5).join('; ')}`,
      target: { pointer: example?.pointer ?? media.pointer, routeKey: route.key, status: response.status },
    });
  }
  return body;
}

function answerHeaders(list: [string, string][]): AnswerHeaders {
  return { list, flat: list.flat() };
}

/** A value as sent for a media type: its text, Content-Type and length in bytes. */
function wireOf(value: unknown, mediaType: string): { text: string; contentType: string; length: number } {
  const text = value === undefined ? '' : serializeBody(value, mediaType);
  return { text, contentType: contentTypeFor(mediaType), length: utf8Length(text) };
}

/** The deterministic body of a media type: its first example, the schema's example, else generated with seed 1. */
function staticBody(table: MockTable, response: ResponseSpec, media: MediaContent): StaticBody {
  let body = table.staticBodies.get(media);
  if (body) return body;
  const first = media.examples.find((e) => e.value !== undefined);
  const schema = media.schema;
  const schemaExample = isObject(schema) ? (schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined)) : undefined;
  if (first) body = { value: first.value, source: `example "${first.name}" of ${response.status}` };
  else if (schemaExample !== undefined) body = { value: schemaExample, source: `schema example of ${response.status}` };
  else if (schema !== undefined) body = generated(table, schema, 1, `${response.status} body generated from the schema`);
  else body = { value: undefined, source: `${response.status} response without example or schema` };
  table.staticBodies.set(media, body);
  return body;
}

function generated(table: MockTable, schema: unknown, seed: number, source: string): StaticBody {
  try {
    return { value: table.engine.generate(table.schema(schema), seed), source };
  } catch (e) {
    return { value: undefined, source: `${source}: failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** The response's declared headers with their example values, and whether it needs a derived Location (once per response). */
function responseHeaders(table: MockTable, response: ResponseSpec): ResponseHeaders {
  let out = table.responseHeaders.get(response);
  if (out) return out;
  const list: [string, string][] = [];
  for (const h of response.headers) {
    if (!isHeaderName(h.name) || SERVER_HEADERS.has(h.name.toLowerCase())) continue;
    const value = headerExample(table, h);
    if (value !== undefined) list.push([h.name, value]);
  }
  const location = response.headers.find((h) => h.name.toLowerCase() === 'location');
  table.responseHeaders.set(response, (out = { list, locationWithoutExample: location !== undefined && location.example === undefined }));
  return out;
}

const headerValues = new WeakMap<HeaderSpec, string | undefined>();

/** The header's example, else one generated from its schema (once); a Location is never invented here. */
function headerExample(table: MockTable, header: HeaderSpec): string | undefined {
  if (header.example !== undefined) return headerValue(header.example);
  if (header.schema === undefined || header.name.toLowerCase() === 'location') return undefined;
  if (!headerValues.has(header)) {
    const value = generated(table, header.schema, 1, '').value;
    headerValues.set(header, value === undefined || value === null ? undefined : headerValue(value));
  }
  return headerValues.get(header);
}

/**
 * A `Location` for a 201 or a redirect whose design gives no example: the new item below the
 * collection a POST created it in (`/users` → `/users/1`), else the request's own path.
 */
function derivedLocation(method: string, target: string, status: number): string {
  const path = target.split('?')[0] ?? '/';
  if (status === 201 && method === 'POST') return `${path.replace(/\/+$/, '')}/1`;
  return path;
}

function preferError(table: MockTable, route: Route, message: string): Draft {
  const declared = route.responses.map((r) => ({ status: r.status, examples: [...new Set(r.content.flatMap((c) => c.examples.map((e) => e.name)))] }));
  const listing = declared.map((d) => `${d.status}${d.examples.length > 0 ? ` (examples: ${d.examples.join(', ')})` : ''}`).join(', ');
  const detail = `${message} Declared: ${listing || 'no responses'}.`;
  return { ...errorDraft(table, 400, { detail, route: route.key, declared }, `400: ${detail}`), route, headers: [['X-Routecraft-Mock', 'prefer-not-declared']] };
}

function preflight(table: MockTable, origin: string, method: string, headers: string | undefined): Draft {
  if (originAllowed(table.model.mock.cors, origin)) {
    return { status: 204, headers: preflightHeaders(origin, method, headers), source: `CORS preflight from ${origin}: allowed`, route: null, problems: [], delayMs: table.latency(undefined) };
  }
  const detail = `CORS: the origin ${origin} is not in x-routecraft.mock.cors.`;
  return errorDraft(table, 403, { detail }, `403: ${detail}`);
}

function errorDraft(table: MockTable, status: number, body: unknown, source: string): Draft {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
  return { status, headers: [], body: { text, contentType }, source, route: null, problems: [], delayMs: table.latency(undefined) };
}

/** The framework's 404 body, extended with the routes nearest to the path (a helpful 404 handler). */
function withClosest(body: unknown, closest: string[]): unknown {
  if (isObject(body)) return { ...body, closestRoutes: closest };
  if (typeof body === 'string' && closest.length > 0) return `${body}\n\nClosest routes:\n${closest.map((k) => `  ${k}`).join('\n')}\n`;
  return body;
}

function finish(table: MockTable, request: MockRequest, method: string, trace: TraceStep[], draft: Draft): MockResponse {
  const bodyless = noBodyStatus(draft.status);
  const origin = request.headers.origin;
  const cors = origin !== undefined && originAllowed(table.model.mock.cors, origin);
  const body = bodyless || method === 'HEAD' || !draft.body ? null : draft.body.text;
  if (draft.complete && !cors) {
    return { status: draft.status, headers: draft.complete.list, wireHeaders: draft.complete.flat, body, delayMs: draft.delayMs, route: draft.route, trace, source: draft.source, problems: draft.problems };
  }
  // The complete list is shared by every answer of its body: CORS headers go on a copy.
  const headers = draft.complete ? [...draft.complete.list] : draft.headers;
  if (!bodyless && !draft.complete) {
    if (draft.body) {
      if (draft.body.contentType !== null) headers.push(['Content-Type', draft.body.contentType]);
      headers.push(['Content-Length', String(draft.body.length ?? utf8Length(draft.body.text))]);
    } else headers.push(['Content-Length', '0']);
  }
  if (cors && !headers.some(([n]) => n === 'Access-Control-Allow-Origin')) {
    const exposed = headers.map(([n]) => n).filter((n) => !/^(content-type|content-length|access-control-.*)$/i.test(n));
    headers.push(...corsResponseHeaders(headerValue(origin), exposed));
  }
  return { status: draft.status, headers, body, delayMs: draft.delayMs, route: draft.route, trace, source: draft.source, problems: draft.problems };
}

function noBodyStatus(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/** The path and query of a request target: origin-form as is, absolute-form reduced to it. */
function requestTarget(target: string): string | undefined {
  if (target.startsWith('/')) return target;
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(target);
  if (!absolute) return undefined;
  const rest = target.slice(absolute[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
