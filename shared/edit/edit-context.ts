import type { SourceDocument } from '../document/source-document';
import { asMap, asSeq, asString, getAt, getPair, type SNode } from '../document/source-tree';
import type { Route } from '../model/api-model';
import type { ApiDocument } from '../model/open-document';
import { isNaturalOrder, orderList } from '../model/route-order';
import { X_ROOT, parseRouteKey, routeKey } from '../model/x-routecraft';
import { EditError } from './edit-error';
import type { Path } from './structural-edits';
import type { Transaction } from './transaction';

/** What every intent handler works with: the document before the edit and the running transaction. */
export interface EditContext {
  doc: ApiDocument;
  tx: Transaction;
}

export function requireRoute(doc: ApiDocument, key: string): Route {
  const parsed = parseRouteKey(key);
  const normal = parsed ? routeKey(parsed.method, parsed.path) : key;
  const route = doc.model.routes.find((r) => r.key === normal);
  if (!route) throw new EditError(`There is no route ${key}.`);
  return route;
}

export function operationPath(route: { path: string; method: string }): Path {
  return ['paths', route.path, route.method];
}

/** The operation must be written inline under `paths` for Routecraft to edit it. */
export function requireInlineOperation(ctx: EditContext, route: Route): void {
  if (!isInlineOperation(ctx.tx.current, route)) {
    throw new EditError(`${route.key} comes from a shared path item ($ref); edit it where it is defined.`);
  }
}

/** False when the route's path item is a `$ref` or a YAML alias: edits there would change every user of it. */
export function isInlineOperation(source: SourceDocument, route: Pick<Route, 'path'>): boolean {
  return !isSharedPathItem(getAt(source.root, ['paths', route.path]));
}

export function isSharedPathItem(item: SNode | undefined): boolean {
  return item?.kind === 'alias' || asMap(item)?.pairs.some((p) => p.key === '$ref') === true;
}

/** Where new root keys go, so a created `tags` or `x-routecraft` lands where readers expect it. */
const ROOT_ORDER = ['openapi', 'info', X_ROOT, 'jsonSchemaDialect', 'servers', 'tags', 'paths', 'webhooks', 'components', 'security', 'externalDocs'];

export function insertRootKey(tx: Transaction, key: string, value: unknown): void {
  tx.step((editor, doc) => {
    const root = asMap(doc.root);
    if (!root) throw new EditError('The document has no root mapping.');
    const rank = ROOT_ORDER.indexOf(key);
    let index = root.pairs.length;
    if (rank !== -1) {
      const after = root.pairs.findIndex((p) => {
        const r = ROOT_ORDER.indexOf(p.key);
        return r > rank;
      });
      if (after !== -1) index = after;
    }
    return editor.insertPair([], key, value, index);
  });
}

/** Sets a value, creating a missing root key in its conventional place. */
export function setValue(tx: Transaction, path: Path, value: unknown): void {
  const [first, ...rest] = path;
  if (first !== undefined && !getPair(asMap(tx.current.root) ?? emptyMap, first)) {
    let v: unknown = value;
    for (let i = rest.length - 1; i >= 0; i--) v = { [rest[i] as string]: v };
    insertRootKey(tx, first, v);
    return;
  }
  tx.step((editor) => editor.set(path, value));
}

export function removeIfPresent(tx: Transaction, path: Path): void {
  tx.step((editor) => (editor.has(path) ? editor.remove(path) : []));
}

const emptyMap = { kind: 'map' as const, start: 0, end: 0, flow: false, pairs: [] };

/** Declares a tag in the root `tags` list when no tag object names it yet. */
export function ensureTag(tx: Transaction, name: string, extra: Record<string, unknown> = {}): void {
  const tags = asSeq(getPair(asMap(tx.current.root) ?? emptyMap, 'tags')?.value);
  if (tags?.items.some((t) => asString(getPair(asMap(t) ?? emptyMap, 'name')?.value) === name)) return;
  const tag = { name, ...extra };
  if (!tags) insertRootKey(tx, 'tags', [tag]);
  else tx.step((editor) => editor.insertItem(['tags'], tag));
}

export function tagIndex(tx: Transaction, name: string): number {
  const tags = asSeq(getPair(asMap(tx.current.root) ?? emptyMap, 'tags')?.value);
  return tags?.items.findIndex((t) => asString(getPair(asMap(t) ?? emptyMap, 'name')?.value) === name) ?? -1;
}

/**
 * Makes the declaration order `desired`. When `paths` order already gives it, no list is kept;
 * otherwise `x-routecraft.order` is written, changed item by item so that its diff stays small.
 */
export function reconcileOrder(tx: Transaction, desired: readonly string[]): void {
  const list = orderList(tx.current);
  if (isNaturalOrder(tx.current, desired)) {
    if (list) removeOrderList(tx);
    return;
  }
  if (!list) {
    setValue(tx, [X_ROOT, 'order'], [...desired]);
    return;
  }
  const path = [X_ROOT, 'order'];
  // Few changes are the common case (one move, insert, rename or removal); more get a rewrite.
  // Lists hold every route (10,000 in big APIs): each pass is linear, and only changes splice.
  // One entry renamed (the designer's path field renames a route on every keystroke): the passes
  // below would remove it and insert the new key in its place; one replacement writes the same
  // text where the list's layout allows. The lists then agree whatever else they hold, so this is
  // decided before the set of 10,000 keys the passes need.
  const renamed = onlyDifference(list, desired);
  if (renamed !== -1) {
    let replaced = false;
    tx.step((editor) => {
      const edits = editor.reinsertItem(path, renamed, desired[renamed] as string);
      replaced = edits !== undefined;
      return edits ?? [];
    });
    if (replaced) return;
  }
  let steps = 0;
  const wanted = new Set(desired);
  const uniqueDesired = wanted.size === desired.length;
  const firstAt = new Map<string, number>();
  list.forEach((key, i) => {
    if (!firstAt.has(key)) firstAt.set(key, i);
  });
  // Back to front, so removals leave the indexes still to visit (and the first places) as they were.
  for (let i = list.length - 1; i >= 0; i--) {
    const key = list[i] as string;
    if (!wanted.has(key) || firstAt.get(key) !== i) {
      tx.step((editor) => editor.remove([...path, String(i)]));
      list.splice(i, 1);
      steps++;
    }
  }
  // The list now holds each key once and, at step i, starts with desired's first i keys: a key
  // desired once is at i or further on, so only a move or an insertion searches.
  for (let i = 0; i < desired.length && steps < 20; i++) {
    const key = desired[i] as string;
    const at = !uniqueDesired ? list.indexOf(key) : list[i] === key ? i : list.indexOf(key, i);
    if (at === i) continue;
    if (at === -1) tx.step((editor) => editor.insertItem(path, key, i));
    else tx.step((editor) => editor.moveItem(path, at, i));
    if (at !== -1) list.splice(at, 1);
    list.splice(i, 0, key);
    steps++;
  }
  if (list.length > desired.length) {
    for (let i = list.length - 1; i >= desired.length; i--) tx.step((editor) => editor.remove([...path, String(i)]));
  }
  if (steps >= 20) tx.step((editor) => editor.set(path, [...desired]));
}

/** The one index where two lists of the same length (two or more) differ, else -1. */
function onlyDifference(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length || a.length < 2) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at !== -1) return -1;
    at = i;
  }
  return at;
}

function removeOrderList(tx: Transaction): void {
  const x = asMap(getPair(asMap(tx.current.root) ?? emptyMap, X_ROOT)?.value);
  if (x && x.pairs.length === 1) tx.step((editor) => editor.remove([X_ROOT]));
  else tx.step((editor) => editor.remove([X_ROOT, 'order']));
}

export function currentOrder(doc: ApiDocument): string[] {
  return doc.model.routes.map((r) => r.key);
}
