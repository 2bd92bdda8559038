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

/**
 * After members up to `after` of `container` were replaced by text `delta` characters longer: moves
 * the members behind them, and everything behind the container in each of its `ancestors` (root
 * first, each with the index of the child on the way down), and stretches those collections' ends.
 */
export function shiftBehind(container: SMap | SSeq, after: number, ancestors: readonly { node: SMap | SSeq; index: number }[], delta: number): void {
  shiftFrom(container, after, delta);
  container.end += delta;
  for (let k = ancestors.length - 1; k >= 0; k--) {
    const link = ancestors[k] as { node: SMap | SSeq; index: number };
    shiftFrom(link.node, link.index + 1, delta);
    link.node.end += delta;
  }
}
