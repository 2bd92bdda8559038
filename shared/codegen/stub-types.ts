import type { StubRoute } from './stub-design';

export const STUB_TARGETS = ['fastapi', 'django-modern-rest', 'express'] as const;
export type StubTarget = (typeof STUB_TARGETS)[number];

/** Generated files (relative path → contents, in a stable order) and what could not be expressed. */
export interface StubResult {
  target: StubTarget;
  files: Map<string, string>;
  warnings: string[];
}

/** HTTP status names as Python's `http.HTTPStatus` has them (3.11; later versions keep them as aliases). */
export const HTTP_STATUS_NAMES: Readonly<Record<number, string>> = {
  100: 'CONTINUE', 101: 'SWITCHING_PROTOCOLS', 102: 'PROCESSING', 103: 'EARLY_HINTS',
  200: 'OK', 201: 'CREATED', 202: 'ACCEPTED', 203: 'NON_AUTHORITATIVE_INFORMATION', 204: 'NO_CONTENT', 205: 'RESET_CONTENT', 206: 'PARTIAL_CONTENT', 207: 'MULTI_STATUS', 208: 'ALREADY_REPORTED', 226: 'IM_USED',
  300: 'MULTIPLE_CHOICES', 301: 'MOVED_PERMANENTLY', 302: 'FOUND', 303: 'SEE_OTHER', 304: 'NOT_MODIFIED', 305: 'USE_PROXY', 307: 'TEMPORARY_REDIRECT', 308: 'PERMANENT_REDIRECT',
  400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 402: 'PAYMENT_REQUIRED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 406: 'NOT_ACCEPTABLE', 407: 'PROXY_AUTHENTICATION_REQUIRED', 408: 'REQUEST_TIMEOUT', 409: 'CONFLICT', 410: 'GONE', 411: 'LENGTH_REQUIRED', 412: 'PRECONDITION_FAILED', 413: 'REQUEST_ENTITY_TOO_LARGE', 414: 'REQUEST_URI_TOO_LONG', 415: 'UNSUPPORTED_MEDIA_TYPE', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE', 417: 'EXPECTATION_FAILED', 418: 'IM_A_TEAPOT', 421: 'MISDIRECTED_REQUEST', 422: 'UNPROCESSABLE_ENTITY', 423: 'LOCKED', 424: 'FAILED_DEPENDENCY', 425: 'TOO_EARLY', 426: 'UPGRADE_REQUIRED', 428: 'PRECONDITION_REQUIRED', 429: 'TOO_MANY_REQUESTS', 431: 'REQUEST_HEADER_FIELDS_TOO_LARGE', 451: 'UNAVAILABLE_FOR_LEGAL_REASONS',
  500: 'INTERNAL_SERVER_ERROR', 501: 'NOT_IMPLEMENTED', 502: 'BAD_GATEWAY', 503: 'SERVICE_UNAVAILABLE', 504: 'GATEWAY_TIMEOUT', 505: 'HTTP_VERSION_NOT_SUPPORTED', 506: 'VARIANT_ALSO_NEGOTIATES', 507: 'INSUFFICIENT_STORAGE', 508: 'LOOP_DETECTED', 510: 'NOT_EXTENDED', 511: 'NETWORK_AUTHENTICATION_REQUIRED',
};

/** A response status that carries no body (RFC 9110): 1xx, 204, 304. */
export function isBodiless(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

/** RFC 9110 `token`: what a header name may be. */
export function isHeaderName(name: string): boolean {
  return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name);
}

/** A header value every server library accepts: visible ASCII, spaces and tabs, not starting or ending with whitespace. */
export function headerValue(value: unknown): string | undefined {
  const s = typeof value === 'string' ? value : value === undefined || value === null ? undefined : JSON.stringify(value);
  if (s === undefined || !/^[\x21-\x7e]([\x20-\x7e\t]*[\x21-\x7e])?$/.test(s)) return undefined;
  return s;
}

/** Files in path order, so output is the same whatever order they were made in. */
export function sortFiles(files: Map<string, string>): Map<string, string> {
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The headers a stub's handler sets on its default response: those with a usable example, and
 * Location or required ones with a placeholder. Unusable names are skipped with a warning; with
 * `warnPlaceholders`, so are examples that are not valid header values.
 */
export function defaultResponseHeaders(route: StubRoute, label: string, warnings: string[], warnPlaceholders = false): [string, string][] {
  const out: [string, string][] = [];
  for (const h of route.defaultResponse?.headers ?? []) {
    if (!isHeaderName(h.name)) {
      warnings.push(`${label}: ${JSON.stringify(h.name)} is not a valid header name; the stub does not set it`);
      continue;
    }
    const isLocation = h.name.toLowerCase() === 'location';
    const value = headerValue(h.example);
    if (value !== undefined) out.push([h.name, value]);
    else if (isLocation || h.required) {
      if (warnPlaceholders && h.example !== undefined) warnings.push(`${label}: the example of header ${h.name} is not a valid header value; the stub sends a placeholder`);
      out.push([h.name, isLocation ? '/' : 'value']);
    }
  }
  return out;
}
