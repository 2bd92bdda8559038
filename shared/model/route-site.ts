import type { SourceRange } from '../document/line-index';
import type { LiveText } from '../document/source-document';
import { deref, type SPair } from '../document/source-tree';
import type { ApiModel, Route } from './api-model';

/**
 * Where a route is: its operation's pair (the method key and the operation) in the document's tree.
 * Edits move the tree in place (see LiveText), so a route whose path item no edit touched stays the
 * same object, and its `range` is read from here when asked: an edit near the top of a 10,000-route
 * document copies no route.
 */
interface RouteSite {
  readonly op: SPair;
  readonly live: LiveText;
  /**
   * The pairs above `op` whose values may still owe it a move (a move reaches a subtree when its
   * pair's value is next read): `paths` in the root, then the path item's. None for an operation
   * read through a `$ref`: its route is read again after every edit.
   */
  paths: SPair | undefined;
  item: SPair | undefined;
}

/**
 * The site is a hidden property of the route: not enumerable, so copies, JSON, structured clones
 * and deep equality see a plain route (and its range as a value); a property, not a WeakMap entry,
 * because it is read for every route on every keystroke.
 */
const SITE = Symbol('route site');
type Sited = Route & { [SITE]?: RouteSite };

/** `route` (just read from `op`, under the pairs `paths` and `item`) with its site recorded. */
export function placed(route: Route, op: SPair, live: LiveText, paths: SPair | undefined, item: SPair | undefined): Route {
  const site: RouteSite = { op, live, paths, item };
  Object.defineProperty(route, SITE, { value: site, enumerable: false });
  return route;
}

/**
 * Whether `route` was read from `op` (the same pair object, so nothing under it was read again);
 * if so, its site is brought up to date with the pairs above `op` now.
 */
export function keptAt(route: Route, op: SPair, paths: SPair, item: SPair): boolean {
  const site = (route as Sited)[SITE];
  if (site?.op !== op) return false;
  site.paths = paths;
  site.item = item;
  return true;
}

/** The operation's pair, moved to where it is now. */
function current(site: RouteSite): SPair {
  // Reading a value applies the moves its pair owes it; root first, so each passes its share down.
  if (site.paths) void site.paths.value;
  if (site.item) void site.item.value;
  return site.op;
}

/** The route's range now: from its method key to the end of its operation. */
export function rangeOf(route: Route): SourceRange {
  const site = (route as Sited)[SITE] as RouteSite;
  const op = current(site);
  const start = op.keyStart;
  return site.live.current.lines.range(start, Math.max(start, opEnd(op)));
}

/** `route.range`'s start and end offsets for every route, in pairs, without lines and columns (the view lists them all). */
export function routeOffsets(routes: readonly Route[]): Int32Array {
  const out = new Int32Array(routes.length * 2);
  for (let i = 0; i < routes.length; i++) {
    const route = routes[i] as Sited;
    const site = route[SITE];
    if (!site) {
      out[2 * i] = route.range.start.offset;
      out[2 * i + 1] = route.range.end.offset;
      continue;
    }
    const op = current(site);
    out[2 * i] = op.keyStart;
    out[2 * i + 1] = Math.max(op.keyStart, opEnd(op));
  }
  return out;
}

/** Where the operation ends, its subtree left unmoved. An alias (`get: *op`, YAML) ends where the node it names ends, as when the route was read. */
function opEnd(op: SPair): number {
  return op.shape.kind === 'alias' ? (deref(op.value) ?? op.value).end : op.valueEnd;
}

/**
 * A copy of `model` that holds nothing of the document: its routes are plain copies, their ranges
 * taken now. A route read from a tree keeps the tree, and through it the whole text, for its range;
 * `routecraft mock` drops both once it listens.
 */
export function standaloneModel(model: ApiModel): ApiModel {
  // Spreading a route reads its range getter into a plain value and leaves the hidden site behind.
  return { ...model, routes: model.routes.map((r) => ({ ...r })) };
}
