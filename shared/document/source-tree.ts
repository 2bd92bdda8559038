/**
 * A format-neutral view of a parsed YAML or JSON document: every node knows the exact text range it
 * came from. Edits are computed against these ranges, so the text outside them is never touched.
 *
 * Offsets are UTF-16 code unit offsets into the document text. `end` is exclusive and stops at the
 * last character of the node's own content: never a trailing newline or comment.
 */
export type SNode = SMap | SSeq | SScalar | SAlias;

export type Scalar = string | number | boolean | null;

export interface SMap {
  kind: 'map';
  start: number;
  end: number;
  /** `{ … }` in YAML, always in JSON. */
  flow: boolean;
  pairs: SPair[];
}

/**
 * A key and its value. After an edit earlier in the text, a pair's key moves at once but its value
 * subtree moves only when next read (`pending`): an edit near the top of a 13 MB document then costs
 * the number of pairs after it at each level, not the number of nodes after it.
 */
export class SPair {
  private node: SNode;
  private pending = 0;

  constructor(
    readonly key: string,
    public keyStart: number,
    public keyEnd: number,
    value: SNode,
  ) {
    this.node = value;
  }

  get value(): SNode {
    if (this.pending !== 0) {
      shiftNode(this.node, this.pending);
      this.pending = 0;
    }
    return this.node;
  }

  set value(node: SNode) {
    this.node = node;
    this.pending = 0;
  }

  /**
   * The value with its offsets possibly not yet moved: for reading keys, kinds and scalar values
   * only. Walking all 10,000 path items for their keys must not move every subtree on the way.
   */
  get shape(): SNode {
    return this.node;
  }

  /** Where the value ends now, without moving its subtree. */
  get valueEnd(): number {
    return this.node.end + this.pending;
  }

  /** How far the value's subtree is still to move (its keys included): see `value`. */
  get owed(): number {
    return this.pending;
  }

  /** Moves the pair by `delta` characters. */
  shift(delta: number): void {
    this.keyStart += delta;
    this.keyEnd += delta;
    this.pending += delta;
  }
}

/** Moves a node by `delta`: its own range and its children's keys now, their values when read. */
export function shiftNode(node: SNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  if (node.kind === 'map') {
    const pairs = node.pairs;
    for (let i = 0; i < pairs.length; i++) (pairs[i] as SPair).shift(delta);
  } else if (node.kind === 'seq') {
    const items = node.items;
    for (let i = 0; i < items.length; i++) shiftNode(items[i] as SNode, delta);
  }
}

export interface SSeq {
  kind: 'seq';
  start: number;
  end: number;
  flow: boolean;
  items: SNode[];
}

export interface SScalar {
  kind: 'scalar';
  start: number;
  end: number;
  value: Scalar;
  /** A YAML block scalar (`|`, `>`): its value spans the following, more indented lines. */
  block?: boolean;
}

/** A YAML alias (`*name`). Read through it; never edit through it. */
export interface SAlias {
  kind: 'alias';
  start: number;
  end: number;
  target: SNode | undefined;
}

export function getPair(map: SMap, key: string): SPair | undefined {
  // Maps in OpenAPI documents are small except `paths` and `components/*`; a linear scan stays
  // cheaper than building an index for every map of a 13 MB document.
  for (const pair of map.pairs) if (pair.key === key) return pair;
  return undefined;
}

export function getChild(node: SNode | undefined, key: string): SNode | undefined {
  const n = deref(node);
  if (!n) return undefined;
  if (n.kind === 'map') return getPair(n, key)?.value;
  if (n.kind === 'seq') {
    if (!/^(0|[1-9][0-9]*)$/.test(key)) return undefined;
    return n.items[Number(key)];
  }
  return undefined;
}

export function getAt(root: SNode | undefined, path: readonly string[]): SNode | undefined {
  let node = root;
  for (const key of path) {
    node = getChild(node, key);
    if (!node) return undefined;
  }
  return node;
}

/** Follows YAML aliases (bounded, so an alias cycle cannot hang us). */
export function deref(node: SNode | undefined): SMap | SSeq | SScalar | undefined {
  let n = node;
  for (let hops = 0; n && n.kind === 'alias' && hops < 64; hops++) n = n.target;
  return n && n.kind !== 'alias' ? n : undefined;
}

export function asMap(node: SNode | undefined): SMap | undefined {
  const n = deref(node);
  return n?.kind === 'map' ? n : undefined;
}

export function asSeq(node: SNode | undefined): SSeq | undefined {
  const n = deref(node);
  return n?.kind === 'seq' ? n : undefined;
}

export function asString(node: SNode | undefined): string | undefined {
  const n = deref(node);
  return n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}

export function asScalar(node: SNode | undefined): Scalar | undefined {
  const n = deref(node);
  return n?.kind === 'scalar' ? n.value : undefined;
}

/** The plain JavaScript value of a node (what JSON.parse / YAML.parse would give). */
export function toValue(node: SNode | undefined, depth = 0): unknown {
  const n = deref(node);
  if (!n || depth > 2000) return undefined;
  switch (n.kind) {
    case 'scalar':
      return n.value;
    case 'seq':
      return n.items.map((item) => toValue(item, depth + 1));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of n.pairs) {
        // defineProperty keeps a hostile "__proto__" key an ordinary own property.
        Object.defineProperty(out, pair.key, {
          value: toValue(pair.value, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

/**
 * Like toValue, but mappings become Maps, which keep the written key order. Plain objects would put
 * integer-like keys such as status codes first, in numeric order.
 */
export function toOrderedValue(node: SNode | undefined, depth = 0): unknown {
  const n = deref(node);
  if (!n || depth > 2000) return undefined;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map((item) => toOrderedValue(item, depth + 1));
  return new Map(n.pairs.map((p) => [p.key, toOrderedValue(p.value, depth + 1)]));
}
