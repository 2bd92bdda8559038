import type { MockSettings } from '../model/api-model';

export type CorsSetting = NonNullable<MockSettings['cors']>;

/** Whether the mock answers a browser from `origin` (x-routecraft.mock.cors). */
export function originAllowed(setting: CorsSetting | undefined, origin: string): boolean {
  if (setting === undefined || setting === 'off') return false;
  if (setting === 'permissive') return true;
  return setting.includes('*') || setting.includes(origin);
}

export function corsEnabled(setting: CorsSetting | undefined): boolean {
  return setting !== undefined && setting !== 'off';
}

/**
 * Headers for an actual (non-preflight) request from an allowed origin. The origin is echoed rather
 * than `*` so that requests with credentials work; declared response headers are exposed so a
 * front end can read `Location` and the like.
 */
export function corsResponseHeaders(origin: string, exposed: readonly string[]): [string, string][] {
  const out: [string, string][] = [
    ['Access-Control-Allow-Origin', origin],
    ['Access-Control-Allow-Credentials', 'true'],
    ['Vary', 'Origin'],
  ];
  if (exposed.length > 0) out.push(['Access-Control-Expose-Headers', exposed.join(', ')]);
  return out;
}

/** Headers answering a preflight from an allowed origin: whatever it asks for is allowed. */
export function preflightHeaders(origin: string, requestMethod: string, requestHeaders: string | undefined): [string, string][] {
  const out: [string, string][] = [
    ['Access-Control-Allow-Origin', origin],
    ['Access-Control-Allow-Credentials', 'true'],
    ['Access-Control-Allow-Methods', requestMethod.toUpperCase()],
    ['Access-Control-Max-Age', '600'],
    ['Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'],
  ];
  if (requestHeaders && requestHeaders.trim() !== '') out.push(['Access-Control-Allow-Headers', requestHeaders]);
  return out;
}
