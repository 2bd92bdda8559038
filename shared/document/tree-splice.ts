import { shiftNode, type SMap, type SNode, type SPair, type SSeq } from './source-tree';

/** Helpers for putting a part read again back into a tree (JSON sites and YAML runs alike). */

/** `list` with [from, to) replaced by `items`; a new array (a spread of 10,000 arguments would overflow). */
export function spliced<T>(list: T[], from: number, to: number, items: T[]): T[] {
  if (items.length < 1000) {
    list.splice(from, to - from, ...items);
    return list;
  }
  return list.slice(0, from).concat(items, list.slice(to));
}

/** Moves members from `first` on by `delta`: keys now, values when next read. */
export function shiftFrom(node: SMap | SSeq, first: number, delta: number): void {
  if (delta === 0) return;
  if (node.kind === 'map') {
    const pairs = node.pairs;
    for (let i = first; i < pairs.length; i++) (pairs[i] as SPair).shift(delta);
  } else {
    const items = node.items;
    for (let i = first; i < items.length; i++) shiftNode(items[i] as SNode, delta);
  }
}
