import type { EditMapping } from '../document/edit-mapping';
import type { SPair } from '../document/source-tree';
import type { Route } from './api-model';
import { keptItem } from './route-site';

/**
 * Given a path item of the new tree (under `pathsPair`), its routes when they can be kept;
 * undefined: read it. The text up to `until` (where the next path item starts) may belong to it: a
 * YAML block ends at its last character, and lines removed or added after that are still its own.
 */
export type RouteReuse = (pathPair: SPair, until: number, pathsPair: SPair) => Route[] | undefined;

/**
 * Keeps the routes of every path item no edit touched, as the same objects: their ranges are read
 * from the tree, which the update moved in place (route-site.ts). Only sound when the edits changed
 * nothing those routes read outside their path item (tags, components): the caller checks that. A
 * path item is kept only as the very map node it was last read from, so one read again (or one
 * whose key text merely moved between path items) is read again.
 */
export function unchangedRoutes(mapping: EditMapping): RouteReuse {
  return (pathPair, until, pathsPair) => {
    // Its node and end only: reading the value would move the whole subtree now.
    const item = pathPair.shape;
    if (item.kind !== 'map' || mapping.touches(pathPair.keyStart, Math.max(pathPair.valueEnd, until))) return undefined;
    return keptItem(item, pathsPair, pathPair);
  };
}
