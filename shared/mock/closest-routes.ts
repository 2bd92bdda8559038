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
 * among equals. Linear in the number of distinct paths, and cheap per path: at 10,000 routes a 404
 * must not cost more than a hit by much (each costs one request's time, under load too).
 */
export function closestRoutes(entries: readonly RoutePathEntry[], path: string, method: string, limit = 5): string[] {
  // A request path can be long (up to the server's limit): its first segments say enough.
  const segments = path.split('/').slice(1, 33);
  const distance = new SegmentDistance(segments);
  // Only the best `limit` paths can be named; a path that costs more than the worst of the best
  // `limit` so far is dropped as soon as that is certain (strictly more, so ties stay).
  const best: number[] = [];
  const scored: { entry: RoutePathEntry; cost: number }[] = [];
  for (const entry of entries) {
    const bound = best.length < limit ? Infinity : (best[best.length - 1] as number);
    const cost = distance.to(entry.segments, bound);
    if (cost > bound) continue;
    scored.push({ entry, cost });
    insertSorted(best, cost, limit);
  }
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

/** Keeps `list` the `limit` smallest values seen, ascending. */
function insertSorted(list: number[], value: number, limit: number): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as number) > value) i--;
  list.splice(i, 0, value);
  if (list.length > limit) list.pop();
}

/** The segment edit distance from one request path to many route paths. */
class SegmentDistance {
  /** Per request segment: the cost against each route segment met so far (route paths share many). */
  private readonly costs: Map<string, number>[];
  private prev: Float64Array;
  private cur: Float64Array;

  constructor(private readonly request: readonly string[]) {
    this.costs = request.map(() => new Map());
    this.prev = new Float64Array(34);
    this.cur = new Float64Array(34);
  }

  /** The distance, or any value above `bound` once it is certain to exceed it. */
  to(route: readonly string[], bound: number): number {
    const a = this.request;
    // Each segment one path has and the other lacks costs 1.
    if (Math.abs(a.length - route.length) > bound) return Infinity;
    if (this.prev.length <= route.length) {
      this.prev = new Float64Array(route.length + 1);
      this.cur = new Float64Array(route.length + 1);
    }
    let prev = this.prev;
    let cur = this.cur;
    for (let j = 0; j <= route.length; j++) prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
      cur[0] = i;
      let rowMin = i;
      const costs = this.costs[i - 1] as Map<string, number>;
      const segment = a[i - 1] as string;
      for (let j = 1; j <= route.length; j++) {
        const other = route[j - 1] as string;
        let cost = costs.get(other);
        if (cost === undefined) costs.set(other, (cost = segmentCost(segment, other)));
        const value = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
        cur[j] = value;
        if (value < rowMin) rowMin = value;
      }
      // Costs are never negative: a row's smallest value never shrinks further down.
      if (rowMin > bound) return Infinity;
      [prev, cur] = [cur, prev];
    }
    this.prev = prev;
    this.cur = cur;
    return prev[route.length] as number;
  }
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
