/**
 * The `x-routecraft…` vocabulary: the few things OpenAPI cannot say. Everything else Routecraft
 * knows comes from plain OpenAPI. Documented for users in README.md ("The x-routecraft vocabulary").
 */

/** Root object: `{ profile, order, mock }`. */
export const X_ROOT = 'x-routecraft';
/** On a tag object: the controller's router prefix (`APIRouter(prefix=…)`), e.g. `/api`. */
export const X_PREFIX = 'x-routecraft-prefix';
/** On an operation: the status the handler returns by default (FastAPI's `status_code=`). */
export const X_DEFAULT_STATUS = 'x-routecraft-default-status';
/** On a path parameter: declared with a convertor (`{id:int}`), which limits what the route matches. */
export const X_CONVERTOR = 'x-routecraft-convertor';

export const PROFILE_IDS = ['fastapi', 'django-modern-rest', 'express', 'openapi'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
export const DEFAULT_PROFILE: ProfileId = 'fastapi';

export const CONVERTORS = ['int', 'float', 'str', 'uuid', 'path', 'slug'] as const;
export type Convertor = (typeof CONVERTORS)[number];

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isHttpMethod(s: string): s is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(s);
}

/** The stable name of a route, also used in `x-routecraft.order`: `GET /users/{user_id}`. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export function parseRouteKey(key: string): { method: HttpMethod; path: string } | undefined {
  const m = /^([A-Za-z]+)\s+(\S.*)$/.exec(key.trim());
  if (!m) return undefined;
  const method = (m[1] ?? '').toLowerCase();
  return isHttpMethod(method) ? { method, path: m[2] ?? '' } : undefined;
}

/** A key as `routeKey` writes it: most order lists hold only these, and they need no parsing. */
const NORMAL_ROUTE_KEY = new RegExp(`^(?:${HTTP_METHODS.map((m) => m.toUpperCase()).join('|')}) \\S(?:.*\\S)?$`);

/** `key` in the form `routeKey` writes (`get  /a ` → `GET /a`), or undefined when it names no route. */
export function normalRouteKey(key: string): string | undefined {
  if (NORMAL_ROUTE_KEY.test(key)) return key;
  const parsed = parseRouteKey(key);
  return parsed ? routeKey(parsed.method, parsed.path) : undefined;
}
