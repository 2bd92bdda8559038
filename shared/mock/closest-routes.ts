import type { Route } from '../model/api-model';

/** A route path split once, for scoring against many requests. */
export interface RoutePathEntry {
  path: string;
  segments: string[];
  routes: Route[];
}

export function indexRoutePaths(routes: readonly Route[]): RoutePathEntry[] {
  const byPath = new Map<string, RoutePathEntry>();
  for (const r of routes) {
    let entry = byPath.get(r.path);
    if (!entry) byPath.set(r.path, (entry = { path: r.path, segments: r.path.split('/').slice(1), routes: [] }));
    entry.routes.push(r);
  }
  return [...byPath.values()];
}

/**
 * The routes nearest to a path nothing matched, best first, for a helpful 404: an edit distance over
 * segments, where a `{param}` takes any segment, a literal differing only in case is nearly equal,
 * and other literals cost their character edit distance. Routes of the request's method come first
 * among equals. Linear in the number of distinct paths.
 */
export function closestRoutes(entries: readonly RoutePathEntry[], path: string, method: string, limit = 5): string[] {
  // A request path can be long (up to the server's limit): its first segments say enough.
  const segments = path.split('/').slice(1, 33);
  const scored: { entry: RoutePathEntry; cost: number }[] = [];
  for (const entry of entries) scored.push({ entry, cost: segmentDistance(segments, entry.segments) });
  scored.sort((a, b) => a.cost - b.cost || a.entry.path.length - b.entry.path.length);
  const upper = method.toUpperCase();
  const out: string[] = [];
  for (const { entry } of scored) {
    const routes = [...entry.routes].sort((a, b) => Number(b.method.toUpperCase() === upper) - Number(a.method.toUpperCase() === upper));
    for (const r of routes) {
      if (out.length >= limit) return out;
      out.push(r.key);
    }
  }
  return out;
}

function segmentDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + segmentCost(a[i - 1] as string, b[j - 1] as string);
      cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, sub));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

function segmentCost(request: string, route: string): number {
  if (request === route) return 0;
  if (route.startsWith('{') && route.endsWith('}')) return 0.1;
  if (request.toLowerCase() === route.toLowerCase()) return 0.2;
  const longest = Math.max(request.length, route.length);
  return longest === 0 ? 0 : 0.3 + (0.7 * charDistance(request, route)) / longest;
}

function charDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
