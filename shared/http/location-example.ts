/**
 * An example `Location` for a new 201 or redirect response, from what the renderer knows (the
 * route and the other routes' paths): the mock sends it, so it should be a path the API answers.
 * For 201 (and 303 after a non-GET) the new resource's URL; for other redirects the closest other
 * GET route, never the route itself (a client following it would loop).
 */
export interface RouteLike {
  method: string;
  path: string;
}

const SAMPLE = '42';

/** The path with every `{param}` filled in. */
export function fillPath(path: string): string {
  return path.replace(/\{[^{}]+\}/g, SAMPLE);
}

export function suggestLocation(route: RouteLike, routes: readonly RouteLike[], status: string): string {
  const own = fillPath(route.path);
  if (status === '201' || (status === '303' && route.method !== 'get')) {
    const last = route.path.split('/').pop() ?? '';
    if (/^\{[^{}]+\}$/.test(last) && route.method !== 'post') return own;
    return `${own.replace(/\/$/, '')}/${SAMPLE}`;
  }
  const segments = route.path.split('/').filter((s) => s !== '');
  let best: { path: string; shared: number; sameDepth: boolean } | undefined;
  for (const other of routes) {
    if (other.method !== 'get' || other.path === route.path) continue;
    const path = fillPath(other.path);
    if (path === own) continue;
    const theirs = other.path.split('/').filter((s) => s !== '');
    let shared = 0;
    while (shared < segments.length && shared < theirs.length && segments[shared] === theirs[shared]) shared++;
    if (shared === 0) continue;
    const sameDepth = theirs.length === segments.length;
    if (!best || shared > best.shared || (shared === best.shared && sameDepth && !best.sameDepth)) best = { path, shared, sameDepth };
  }
  if (best) return best.path;
  return own === '/' ? '/home' : '/';
}
