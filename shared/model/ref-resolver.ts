import { decodePointer } from '../document/json-pointer';
import { asMap, asString, getAt, type SNode } from '../document/source-tree';

export interface Resolved {
  node: SNode | undefined;
  /** The `$ref` that was followed first, when there was one. */
  ref?: string;
}

/**
 * Follows local `$ref`s (`#/components/…`). External references are never fetched here (DESIGN §7):
 * they stay unresolved and the element shows its `ref`.
 */
export function resolveRef(root: SNode | undefined, node: SNode | undefined): Resolved {
  let current = node;
  let first: string | undefined;
  for (let hops = 0; hops < 32; hops++) {
    const ref = asString(asMap(current) && getRefNode(current));
    if (ref === undefined) return { node: current, ...(first !== undefined ? { ref: first } : {}) };
    first ??= ref;
    if (!ref.startsWith('#')) return { node: undefined, ref: first };
    try {
      current = getAt(root, decodePointer(ref));
    } catch {
      return { node: undefined, ref: first };
    }
  }
  return { node: undefined, ...(first !== undefined ? { ref: first } : {}) };
}

function getRefNode(node: SNode | undefined): SNode | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  for (const p of map.pairs) if (p.key === '$ref') return p.value;
  return undefined;
}
