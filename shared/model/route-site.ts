import type { SourceRange } from '../document/line-index';
import type { LiveText } from '../document/source-document';
import { deref, type SNode, type SPair } from '../document/source-tree';
import type { ApiModel, Route } from './api-model';

/**
 * Where routes are. A route keeps its operation's pair (method key and operation) in the document's
 * tree, and reads its `range` from there when asked. Edits move the tree in place (see LiveText),
 * so a route whose path item no edit touched stays the same object: an edit near the top of a
 * 10,000-route document copies no route.
 */

/** The routes read from one path item, and the pairs above their operations. */
export class ItemRead {
  routes: Route[] = [];

  constructor(
    /**
     * The pairs whose values may still owe the operations a move (a move reaches a subtree when
     * its pair's value is next read): `paths` in the root, then the path item's. None for a path
     * item reached through a `$ref`, whose routes are read again after every edit.
     */
    public paths: SPair | undefined,
    public item: SPair | undefined,
  ) {}
}

/**
 * The last read of each path item (its map node), for keeping its routes after an edit. A node is
 * replaced when an edit inside it is read again; one that survives an edit is read again when the
 * edit touched it (see unchangedRoutes). Either way the entry is the read the last model used.
 */
const itemReads = new WeakMap<SNode, ItemRead>();

export function rememberItem(item: SNode, read: ItemRead): void {
  itemReads.set(item, read);
}

/** The routes last read from path item `item`, now under the pairs `paths` and `pathPair`. */
export function keptItem(item: SNode, paths: SPair, pathPair: SPair): Route[] | undefined {
  const read = itemReads.get(item);
  if (!read) return undefined;
  read.paths = paths;
  read.item = pathPair;
  return read.routes;
}

/**
 * `range` of every route read from a tree: its range now, from its method key to the end of its
 * operation. One getter for all: a getter of its own per route would give each route a hidden
 * class of its own, and V8 turns such objects into slow dictionaries.
 */
export const RANGE_FROM_SITE: PropertyDescriptor = {
  get(this: Route): SourceRange {
    const site = (this as Sited)[SITE] as Site;
    const owed = owedTo(site.read);
    const start = site.op.keyStart + owed;
    return site.live.current.lines.range(start, Math.max(start, opEnd(site.op) + owed));
  },
  enumerable: true,
  configurable: true,
};

/**
 * What the pairs above the operations still owe them, added to their offsets without moving
 * anything: a move at the top of `paths` would otherwise walk every path item now, on every
 * keystroke (the view lists every route's offsets).
 */
function owedTo(read: ItemRead): number {
  return (read.paths?.owed ?? 0) + (read.item?.owed ?? 0);
}

/** Where the operation ends, its subtree left unmoved. An alias (`get: *op`, YAML) ends where the node it names ends, as when the route was read. */
function opEnd(op: SPair): number {
  return op.shape.kind === 'alias' ? (deref(op.value) ?? op.value).end : op.valueEnd;
}

interface Site {
  readonly op: SPair;
  readonly live: LiveText;
  readonly read: ItemRead;
}

/**
 * The site is a hidden property of the route: a symbol, not enumerable, so copies, JSON, structured
 * clones and deep equality see a plain route (its range a value). A property, not a WeakMap entry:
 * the view reads it for every route on every change. The same attributes on every route keep them
 * fast objects (see RANGE_FROM_SITE).
 */
const SITE = Symbol('route site');
type Sited = Route & { [SITE]?: Site };

/** `route`, read from `op`, with its site recorded. */
export function placed(route: Route, op: SPair, live: LiveText, read: ItemRead): Route {
  Object.defineProperty(route, SITE, { value: { op, live, read } });
  return route;
}

/** `route.range`'s start and end offsets for every route, in pairs (the view lists them all on every change: a range has lines and columns too). */
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
    const owed = owedTo(site.read);
    const start = site.op.keyStart + owed;
    out[2 * i] = start;
    out[2 * i + 1] = Math.max(start, opEnd(site.op) + owed);
  }
  return out;
}

/**
 * A copy of `model` that holds nothing of the document: its routes are plain copies, their ranges
 * taken now. A route read from a tree keeps the tree, and through it the whole text, for its range;
 * `routecraft mock` drops both once it listens.
 */
export function standaloneModel(model: ApiModel): ApiModel {
  // Spreading a route reads its range getter into a plain value.
  return { ...model, routes: model.routes.map((r) => ({ ...r })) };
}
