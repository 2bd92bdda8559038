import type { EditMapping } from '../document/edit-mapping';
import type { SPair } from '../document/source-tree';
import type { ApiModel, Route } from './api-model';
import { keptAt } from './route-site';
import { isHttpMethod } from './x-routecraft';

/**
 * Given a path item of the new tree, its routes when they can be kept; undefined: read it. The
 * text up to `until` (where the next path item starts) may belong to it: a YAML block ends at its
 * last character, and lines removed or added after that are still its own.
 */
export type RouteReuse = (pathPair: SPair, until: number, pathsPair: SPair) => Route[] | undefined;

/**
 * Keeps the routes of every path item no edit touched, as the same objects: their ranges are read
 * from the tree, which the update moved in place (route-site.ts). Only sound when the edits changed
 * nothing those routes read outside their path item (tags, components): the caller checks that.
 * Each kept path item is checked against the routes it is given — same methods, each read from the
 * very operation pair now in the tree — so a path item that was read again, or merely has the old
 * key (text moved between path items, say), is read again.
 */
export function unchangedRoutes(previous: ApiModel, mapping: EditMapping): RouteReuse {
  const byPath = new Map<string, Route[]>();
  for (const r of previous.routes) {
    const list = byPath.get(r.path);
    if (list) list.push(r);
    else byPath.set(r.path, [r]);
  }
  return (pathPair, until, pathsPair) => {
    const routes = byPath.get(pathPair.key);
    if (!routes) return undefined;
    // Keys and identities only: the item's subtree is not moved by reading it this way.
    const item = pathPair.shape;
    if (item.kind !== 'map' || mapping.touches(pathPair.keyStart, Math.max(pathPair.valueEnd, until))) return undefined;
    // The model lists routes in declaration order; a path item holds them in method order.
    const out: Route[] = [];
    for (const op of item.pairs) {
      if (!isHttpMethod(op.key)) continue;
      const route = routes.find((r) => keptAt(r, op, pathsPair, pathPair));
      if (!route) return undefined;
      out.push(route);
    }
    return out.length === routes.length ? out : undefined;
  };
}
