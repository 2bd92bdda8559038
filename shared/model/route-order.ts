import type { SourceDocument } from '../document/source-document';
import { asMap, asSeq, asString, getPair, type SNode, type SPair, type SSeq } from '../document/source-tree';
import { X_ROOT, isHttpMethod, normalRouteKey } from './x-routecraft';

/**
 * Whether `keys` lists exactly the routes of `paths`, in `paths` order (and methods' order inside
 * each path item). Compared as it walks, without building that list (10,000 key strings on every
 * keystroke), and only keys and kinds are read: `shape` leaves every subtree's offsets as they are.
 */
export function isNaturalOrder(doc: SourceDocument, keys: readonly string[]): boolean {
  let i = 0;
  const paths = asMap(getPair(asMap(doc.root) ?? { kind: 'map', start: 0, end: 0, flow: false, pairs: [] }, 'paths')?.value);
  for (const p of paths?.pairs ?? []) {
    const item = asMap(p.shape);
    for (const m of item?.pairs ?? []) {
      if (!isHttpMethod(m.key) || !asMap(m.shape)) continue;
      const key = keys[i++];
      if (key === undefined || !isRouteKey(key, m.key, p.key)) return false;
    }
  }
  return i === keys.length;
}

/** `key === routeKey(method, path)`, without building the right-hand side. */
function isRouteKey(key: string, method: string, path: string): boolean {
  const m = method.length;
  if (key.length !== m + 1 + path.length || key.charCodeAt(m) !== 32 || !key.endsWith(path)) return false;
  for (let i = 0; i < m; i++) if (key.charCodeAt(i) !== (method.charCodeAt(i) & ~32)) return false;
  return true;
}

/** The `x-routecraft.order` list as written (normalised keys, '' for an entry that is no route key), or undefined when absent. */
export function orderList(doc: SourceDocument): string[] | undefined {
  const seq = orderSeq(doc);
  return seq ? [...readOrder(seq).keys] : undefined;
}

/** An order list as read: each entry's normal key ('' for none), and which entries are none. */
export interface OrderRead {
  readonly keys: readonly string[];
  /** Indexes of entries that are no route key, in order. */
  readonly invalid: readonly number[];
}

interface KeptOrder extends OrderRead {
  /** The item nodes the keys were read from, one per key. */
  readonly items: readonly SNode[];
}

const keptOrders = new WeakMap<SSeq, KeptOrder>();

/**
 * The entries of an order list. Every edit reads the list (10,000 entries in big APIs) twice: the
 * model orders routes by it and the edit writes it. An edit puts a new node where it changed an
 * entry and leaves the others' nodes in the list: the keys are kept with the nodes they came from,
 * and what was read last time is taken again after comparing nodes, not looking each key up.
 */
export function readOrder(seq: SSeq): OrderRead {
  const items = seq.items;
  const kept = keptOrders.get(seq);
  if (kept && kept.items.length === items.length) {
    let changed: number[] | undefined;
    for (let i = 0; i < items.length; i++) if (items[i] !== kept.items[i]) (changed ??= []).push(i);
    if (!changed) return kept;
    const keys = [...kept.keys];
    for (const i of changed) keys[i] = orderKey(items[i] as SNode) ?? '';
    return keep(seq, items, keys);
  }
  return keep(
    seq,
    items,
    items.map((i) => orderKey(i) ?? ''),
  );
}

function keep(seq: SSeq, items: readonly SNode[], keys: string[]): KeptOrder {
  const invalid: number[] = [];
  for (let i = 0; i < keys.length; i++) if (keys[i] === '') invalid.push(i);
  // A copy of the items: the list's own array changes in place with the next edit.
  const read = { items: [...items], keys, invalid };
  keptOrders.set(seq, read);
  return read;
}

/** Whether the document has an `x-routecraft.order` entry at all (a list or not). */
export function hasOrderList(doc: SourceDocument): boolean {
  return orderPair(doc) !== undefined;
}

function orderSeq(doc: SourceDocument): SSeq | undefined {
  return asSeq(orderPair(doc)?.value);
}

function orderPair(doc: SourceDocument): SPair | undefined {
  const root = asMap(doc.root);
  const x = asMap(root && getPair(root, X_ROOT)?.value);
  return x && getPair(x, 'order');
}

/**
 * An order entry's normal route key; undefined when it is none. The list holds every route (10,000
 * in big APIs) and is read on every edit, while an edit reads one entry's node again at most: keys
 * are kept per node, so a kept entry is neither parsed nor given a new string (whose hash the
 * declaration order's lookup would compute again).
 */
export function orderKey(node: SNode): string | undefined {
  const known = orderKeys.get(node);
  if (known !== undefined) return known === NOT_A_KEY ? undefined : known;
  const s = asString(node);
  const key = s === undefined ? undefined : normalRouteKey(s);
  orderKeys.set(node, key ?? NOT_A_KEY);
  return key;
}

const NOT_A_KEY = Symbol('not a route key');
const orderKeys = new WeakMap<SNode, string | typeof NOT_A_KEY>();

/**
 * Declaration order (the model's applyOrder does the same on routes): the listed routes first, in list order; then every unlisted route in `paths`
 * order. Unknown and repeated list entries are ignored.
 */
export function effectiveOrder(natural: readonly string[], list: readonly string[] | undefined): string[] {
  if (!list || list.length === 0) return [...natural];
  const known = new Set(natural);
  const used = new Set<string>();
  const out: string[] = [];
  for (const key of list) {
    if (known.has(key) && !used.has(key)) {
      out.push(key);
      used.add(key);
    }
  }
  for (const key of natural) if (!used.has(key)) out.push(key);
  return out;
}
