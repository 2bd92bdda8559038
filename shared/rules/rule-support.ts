import { decodePointer, encodePointer } from '../document/json-pointer';
import { locatePath } from '../document/locate-pointer';
import type { SourceRange } from '../document/line-index';
import type { SourceDocument } from '../document/source-document';
import type { HeaderSpec, PathParam, ResponseSpec, Route } from '../model/api-model';
import type { DiagnosticTarget } from '../model/diagnostic';
import type { HeaderInit, ResponseInit } from '../edit/edit-intent';
import type { RuleContext } from './rule';

/** Targets carry the model element's pointer and range, so a marker shows on both views (DESIGN §1). */
export function routeTarget(route: Route): DiagnosticTarget {
  return { pointer: route.pointer, range: route.range, routeKey: route.key };
}

/** A part of a route: its range is looked up (the model keeps ranges of routes only). */
type Locator = Pick<RuleContext, 'rangeOf'>;

export function responseTarget(ctx: Locator, route: Route, response: ResponseSpec): DiagnosticTarget {
  return { pointer: response.pointer, ...withRange(ctx.rangeOf(route, response.pointer)), routeKey: route.key, status: response.status };
}

export function headerTarget(ctx: Locator, route: Route, response: ResponseSpec, header: HeaderSpec): DiagnosticTarget {
  return { pointer: header.pointer, ...withRange(ctx.rangeOf(route, header.pointer)), routeKey: route.key, status: response.status, header: header.name };
}

export function paramTarget(ctx: Locator, route: Route, param: PathParam): DiagnosticTarget {
  return param.pointer !== undefined ? { pointer: param.pointer, ...withRange(ctx.rangeOf(route, param.pointer)), routeKey: route.key } : routeTarget(route);
}

function withRange(range: SourceRange | undefined): { range?: SourceRange } {
  return range ? { range } : {};
}

/** A field of the route's operation (`operationId`), on its key; the route itself when the field is absent. */
export function fieldTarget(source: SourceDocument, route: Route, field: string): DiagnosticTarget {
  const located = locatePath(source, [...decodePointer(route.pointer), field], { onKey: true });
  return located.exact ? { pointer: `${route.pointer}/${encodePointer([field]).slice(1)}`, range: located.range, routeKey: route.key } : routeTarget(route);
}

/** Where a local `$ref` points (`#/components/responses/NotFound`), for `related`; undefined for external refs. */
export function refTarget(source: SourceDocument, ref: string): DiagnosticTarget | undefined {
  if (!ref.startsWith('#')) return undefined;
  let path: string[];
  try {
    path = decodePointer(ref);
  } catch {
    return undefined;
  }
  const located = locatePath(source, path, { onKey: true });
  return located.exact ? { pointer: encodePointer(path), range: located.range } : undefined;
}

/** Header names are case-insensitive (RFC 9110 §5.1). */
export function findHeader<H extends { readonly name: string }>(response: { readonly headers: readonly H[] }, name: string): H | undefined {
  const lower = name.toLowerCase();
  return response.headers.find((h) => h.name.toLowerCase() === lower);
}

export const STATUS_PATTERN = /^([1-5]\d\d|[1-5]XX|default)$/;

export function isNumericStatus(status: string): boolean {
  return /^[1-5]\d\d$/.test(status);
}

/** The class digit of "302" or "3XX"; undefined for `default` and anything invalid. */
export function statusClass(status: string): string | undefined {
  return /^[1-5](\d\d|XX)$/.test(status) ? status[0] : undefined;
}

const REASONS: Record<string, string> = {
  '100': 'Continue', '101': 'Switching Protocols', '200': 'OK', '201': 'Created', '202': 'Accepted', '203': 'Non-Authoritative Information',
  '204': 'No Content', '205': 'Reset Content', '206': 'Partial Content', '300': 'Multiple Choices', '301': 'Moved Permanently', '302': 'Found',
  '303': 'See Other', '304': 'Not Modified', '307': 'Temporary Redirect', '308': 'Permanent Redirect', '400': 'Bad Request', '401': 'Unauthorized',
  '403': 'Forbidden', '404': 'Not Found', '405': 'Method Not Allowed', '406': 'Not Acceptable', '409': 'Conflict', '410': 'Gone',
  '422': 'Unprocessable Content', '429': 'Too Many Requests', '500': 'Internal Server Error', '503': 'Service Unavailable',
};

/** The description a new response gets: the reason phrase, or the class for a range. */
export function responseDescription(status: string): string {
  const reason = REASONS[status];
  if (reason) return reason;
  const cls = statusClass(status);
  const classes: Record<string, string> = { '1': 'Informational', '2': 'Successful Response', '3': 'Redirect', '4': 'Client Error', '5': 'Server Error' };
  return (cls && classes[cls]) ?? 'Response';
}

/** A value for each path parameter: the schema's example, else one that fits its type and convertor. */
export function sampleValue(param: PathParam | undefined): string {
  const schema = param?.schema as Record<string, unknown> | undefined;
  const example = schema && typeof schema === 'object' ? schema['example'] : undefined;
  if (typeof example === 'string' || typeof example === 'number') {
    const s = String(example);
    if (s !== '' && !/[/?#\s]/.test(s)) return s;
  }
  const kind = param?.convertor ?? param?.type ?? 'string';
  if (kind === 'int' || kind === 'integer') return '42';
  if (kind === 'float' || kind === 'number') return '4.2';
  if (kind === 'uuid') return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
  if (kind === 'path') return 'docs/readme.md';
  return 'example';
}

/** The route's path with every `{param}` filled in: a request path the route answers. */
export function samplePath(route: Route): string {
  return route.path.replace(/\{([^{}]+)\}/g, (_, name: string) => sampleValue(route.params.find((p) => p.name === name)));
}

/**
 * An example `Location` for a response of `route`, so the live mock can send one (DESIGN §6):
 * for 201 (and 303 after a non-GET) the URL of the created resource; for other redirects the
 * closest GET route of the API, never the route itself (a client following it would loop).
 */
export function locationExample(ctx: Pick<RuleContext, 'closestGet'>, route: Route, status: string): string {
  const own = samplePath(route);
  if (status === '201' || (status === '303' && route.method !== 'get')) {
    const last = route.path.split('/').pop() ?? '';
    if (/^\{[^{}]+\}$/.test(last) && route.method !== 'post') return own;
    return `${own.replace(/\/$/, '')}/42`;
  }
  const target = ctx.closestGet(route);
  if (target) {
    const path = samplePath(target);
    if (path !== own) return path;
  }
  return own === '/' ? '/home' : '/';
}

/** The Location header a fix adds: required, a string, with an example the mock can send. */
export function locationHeader(ctx: Pick<RuleContext, 'closestGet'>, route: Route, status: string): HeaderInit {
  return { required: true, schema: { type: 'string' }, example: locationExample(ctx, route, status) };
}

/** A new response that our own response rules accept (a Location on 201 and redirects). */
export function newResponse(ctx: Pick<RuleContext, 'closestGet'>, route: Route, status: string): ResponseInit {
  const needsLocation = status === '201' || (statusClass(status) === '3' && isNumericStatus(status) && status !== '304');
  return { description: responseDescription(status), ...(needsLocation ? { headers: { Location: locationHeader(ctx, route, status) } } : {}) };
}

/** "`/users` (#2, #5)": a path and the declaration indexes of its routes. */
export function pathLabel(ctx: { index(route: Route): number }, routes: readonly Route[]): string {
  return `\`${routes[0]?.path ?? ''}\` (${routes.map((r) => `#${ctx.index(r)}`).join(', ')})`;
}

/** "1 route", "3 routes". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "a, b and c"; past `limit` items, "a, b, c, d, e and 7 more". */
export function listing(items: readonly string[], limit = 6): string {
  if (items.length <= 1) return items.join('');
  if (items.length > limit) return `${items.slice(0, limit - 1).join(', ')} and ${items.length - limit + 1} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Where a response is shared from, as a sentence end for messages about responses we cannot fix in place. */
export function sharedNote(response: ResponseSpec): string {
  return response.ref !== undefined ? ` It is the shared response \`${response.ref}\`: fix it there (that changes every route using it).` : '';
}
