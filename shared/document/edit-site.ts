import type { SMap, SNode, SSeq } from './source-tree';

/** A collection on the way down to an edit, and which of its members the way continues into. */
export interface Link {
  node: SMap | SSeq;
  index: number;
}

/**
 * The smallest part of a JSON tree that can be read again on its own after an edit of
 * [start, end): a string inside its quotes, a key inside its quotes, or a run of members of one
 * collection with the separators around them. Offsets are those of the tree as it is now.
 */
export type EditSite =
  | { kind: 'scalar'; container: SMap | SSeq; ancestors: Link[]; index: number; start: number; end: number }
  | { kind: 'key'; container: SMap; ancestors: Link[]; index: number; start: number; end: number }
  /** Members [from, to) and the text between their neighbours: [start, end) holds no other member. */
  | { kind: 'members'; container: SMap | SSeq; ancestors: Link[]; from: number; to: number; start: number; end: number };

/**
 * Where an edit of [start, end) can be read again. An insertion (start === end) sits between two
 * characters. Undefined when the edit is not strictly inside the root collection: then only a
 * full read will do.
 */
export function locateSite(root: SNode, start: number, end: number): EditSite | undefined {
  if (root.kind !== 'map' && root.kind !== 'seq') return undefined;
  let container: SMap | SSeq = root;
  const ancestors: Link[] = [];
  for (;;) {
    if (!(container.start < start && end < container.end)) return undefined;
    const n = memberCount(container);
    const from = firstEndingAfter(container, start);
    let to = from;
    while (to < n && touched(memberStart(container, to), memberEnd(container, to), start, end)) to++;
    if (to === from + 1) {
      // One member: go inside its key, its string or its collection when the edit is within them.
      if (container.kind === 'map') {
        const pair = container.pairs[from];
        if (pair && pair.keyStart < start && end < pair.keyEnd) return { kind: 'key', container, ancestors, index: from, start: pair.keyStart, end: pair.keyEnd };
      }
      const value = memberValue(container, from);
      if (value.start < start && end < value.end) {
        if (value.kind === 'map' || value.kind === 'seq') {
          ancestors.push({ node: container, index: from });
          container = value;
          continue;
        }
        if (value.kind === 'scalar' && typeof value.value === 'string') return { kind: 'scalar', container, ancestors, index: from, start: value.start, end: value.end };
      }
    }
    const siteStart = from > 0 ? memberEnd(container, from - 1) : container.start + 1;
    const siteEnd = to < n ? memberStart(container, to) : container.end - 1;
    if (siteStart > start || end > siteEnd) return undefined;
    return { kind: 'members', container, ancestors, from, to, start: siteStart, end: siteEnd };
  }
}

/** Does an edit of [start, end) change the member [ms, me)? An insertion only when strictly inside. */
function touched(ms: number, me: number, start: number, end: number): boolean {
  return start < end ? ms < end && start < me : ms < start && start < me;
}

export function memberCount(c: SMap | SSeq): number {
  return c.kind === 'map' ? c.pairs.length : c.items.length;
}

/** A pair starts at its key; an item at its value. */
export function memberStart(c: SMap | SSeq, i: number): number {
  return c.kind === 'map' ? (c.pairs[i]?.keyStart ?? c.end) : (c.items[i]?.start ?? c.end);
}

export function memberEnd(c: SMap | SSeq, i: number): number {
  return memberValue(c, i).end;
}

function memberValue(c: SMap | SSeq, i: number): SNode {
  const node = c.kind === 'map' ? c.pairs[i]?.value : c.items[i];
  if (!node) throw new Error(`No member ${i}`);
  return node;
}

/** The first member that ends after `offset` (binary search: `paths` may hold thousands). */
function firstEndingAfter(c: SMap | SSeq, offset: number): number {
  let lo = 0;
  let hi = memberCount(c);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (memberEnd(c, mid) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
