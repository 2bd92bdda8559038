import type { StubRoute } from './stub-design';

/**
 * The routers a stub mounts, in order. Frameworks try routes in the order routers are included and,
 * within a router, in the order routes are added; so one router per controller reproduces the
 * design's declaration order only while that order keeps each controller's routes together. When
 * it interleaves them, a controller gets one router per run of its routes (`router`, `router_2`),
 * included where the run falls. Routes whose path does not start with their controller's prefix
 * go in a router without prefix.
 */
export interface RouterSegment {
  controller: string | null;
  prefix: string;
  routes: StubRoute[];
  /** 1 for a controller's first router, 2 for its second, … */
  index: number;
}

export function routerSegments(routes: readonly StubRoute[]): RouterSegment[] {
  const out: RouterSegment[] = [];
  const counts = new Map<string | null, number>();
  for (const route of routes) {
    const last = out[out.length - 1];
    if (last && last.controller === route.controller && last.prefix === route.prefix) {
      last.routes.push(route);
      continue;
    }
    const index = (counts.get(route.controller) ?? 0) + 1;
    counts.set(route.controller, index);
    out.push({ controller: route.controller, prefix: route.prefix, routes: [route], index });
  }
  return out;
}

/** Controllers in the order their first router is included. */
export function controllersInOrder(segments: readonly RouterSegment[]): (string | null)[] {
  const seen: (string | null)[] = [];
  for (const s of segments) if (!seen.includes(s.controller)) seen.push(s.controller);
  return seen;
}
