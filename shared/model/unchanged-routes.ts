import type { EditMapping } from '../document/edit-mapping';
import type { SPair } from '../document/source-tree';
import type { SourceRange } from '../document/line-index';
import type { ApiModel, Route } from './api-model';
import { isHttpMethod } from './x-routecraft';

/**
 * Given a path item of the new tree, its routes when they can be kept; undefined: read it. The
 * text up to `until` (where the next path item starts) may belong to it: a YAML block ends at its
 * last character, and lines removed or added after that are still its own.
 */
export type RouteReuse = (pathPair: SPair, until: number) => Route[] | undefined;

/**
 * Keeps the routes of every path item no edit touched, with their ranges moved to the new text.
 * Only sound when the edits changed nothing those routes read outside their path item (tags,
 * components): the caller checks that. Each kept path item is checked against the routes it is
 * given — same methods, each operation exactly where its route's range says — so a path item
 * that merely has the old key (text moved between path items, say) is read again.
 */
export function unchangedRoutes(previous: ApiModel, mapping: EditMapping): RouteReuse {
  const copies = new Map<Route, Route>();
  recentCopies.push(copies);
  if (recentCopies.length > KEPT_UPDATES) recentCopies.shift();
  const byPath = new Map<string, Route[]>();
  for (const r of previous.routes) {
    const list = byPath.get(r.path);
    if (list) list.push(r);
    else byPath.set(r.path, [r]);
  }
  return (pathPair, until) => {
    const routes = byPath.get(pathPair.key);
    if (!routes) return undefined;
    const item = pathPair.value;
    if (item.kind !== 'map' || mapping.touches(pathPair.keyStart, Math.max(item.end, until))) return undefined;
    // The model lists routes in declaration order; a path item reads them in method order.
    const inItem = inTextOrder(routes);
    let k = 0;
    for (const op of item.pairs) {
      if (!isHttpMethod(op.key)) continue;
      const route = inItem[k++];
      if (!route || route.method !== op.key || mapping.offset(route.range.start.offset) !== op.keyStart) return undefined;
    }
    if (k !== inItem.length) return undefined;
    const out: Route[] = [];
    for (const route of inItem) out.push(movedRoute(route, mapping, copies));
    return out;
  };
}

function inTextOrder(routes: Route[]): Route[] {
  for (let i = 1; i < routes.length; i++) {
    if ((routes[i - 1] as Route).range.start.offset > (routes[i] as Route).range.start.offset) return [...routes].sort((a, b) => a.range.start.offset - b.range.start.offset);
  }
  return routes;
}

/**
 * The copies made by the last few updates, each to the route it copies. Few, because each holds a
 * generation of old routes alive; more than one, because two models of one document (a session's
 * and a view's) may be updated in turn. A Map, not a WeakMap: 10,000 weak entries a keystroke cost
 * more than the rest of keeping the routes.
 */
const recentCopies: Map<Route, Route>[] = [];
const KEPT_UPDATES = 2;

/**
 * The route of the previous model that `route` copies with moved ranges and nothing else changed;
 * undefined for a route read from the text (or kept as the same object), and for routes of models
 * older than the last two updates. Lets caches keyed on routes (the validator's) keep what does
 * not depend on positions.
 */
export function movedCopyOf(route: Route): Route | undefined {
  for (let i = recentCopies.length - 1; i >= 0; i--) {
    const original = (recentCopies[i] as Map<Route, Route>).get(route);
    if (original) return original;
  }
  return undefined;
}

/**
 * The route with its range in the new text; the same object when it did not move. Its responses,
 * headers and parameters are shared with the old route: they hold no positions (see `Route.range`).
 */
function movedRoute(route: Route, mapping: EditMapping, copies: Map<Route, Route>): Route {
  const range = mapping.range(route.range);
  if (range === route.range) return route;
  const copy = routeWith(route, range);
  copies.set(copy, route);
  return copy;
}

/** `unknown` when K names every field of T, else `never`: a copy below that misses a new field does not compile. */
type Copies<T, K extends keyof T> = Exclude<keyof T, K> extends never ? unknown : never;

// An explicit copy: every route of a big document comes through here on most keystrokes, and
// object spread is ten times slower on objects of this many shapes.
function routeWith(r: Route, range: SourceRange): Route & Copies<Route, 'key' | 'method' | 'path' | 'localPath' | 'controller' | 'tags' | 'operationId' | 'summary' | 'description' | 'deprecated' | 'params' | 'requestBody' | 'responses' | 'defaultStatus' | 'defaultStatusExplicit' | 'pointer' | 'range'> {
  // Fields in the order readRoute writes them, optional ones absent when absent: a copy is
  // indistinguishable from the route read again, even as JSON.
  const copy = { key: r.key, method: r.method, path: r.path, localPath: r.localPath, controller: r.controller, tags: r.tags } as Route;
  if (r.operationId !== undefined) copy.operationId = r.operationId;
  if (r.summary !== undefined) copy.summary = r.summary;
  if (r.description !== undefined) copy.description = r.description;
  copy.deprecated = r.deprecated;
  copy.params = r.params;
  if (r.requestBody !== undefined) copy.requestBody = r.requestBody;
  copy.responses = r.responses;
  copy.defaultStatus = r.defaultStatus;
  copy.defaultStatusExplicit = r.defaultStatusExplicit;
  copy.pointer = r.pointer;
  copy.range = range;
  return copy;
}
