import type { SourceRange } from './line-index';
import type { SourceDocument } from './source-document';
import { deref, getPair, type SMap, type SNode, type SPair } from './source-tree';

export interface Located {
  /** The keys of `path` that exist, from the start: all of them when `exact`. */
  found: string[];
  exact: boolean;
  range: SourceRange;
}

/**
 * Where `path` is in the text, for a marker. A path that leads to a missing key lands on the key of
 * its deepest existing parent (where the missing field would go); `onKey` puts it on the key of the
 * element itself instead of its whole value. Never throws: a bad path lands on the document start.
 * `pairOf` looks a key up in a map (`getPair` unless given, see PairIndex).
 */
export function locatePath(source: SourceDocument, path: readonly string[], options: { onKey?: boolean; pairOf?: (map: SMap, key: string) => SPair | undefined } = {}): Located {
  const pairOf = options.pairOf ?? getPair;
  let node: SNode | undefined = source.root;
  let key: { start: number; end: number } | undefined;
  const found: string[] = [];
  for (const segment of path) {
    const n = deref(node);
    let next: SNode | undefined;
    if (n?.kind === 'map') {
      const pair = pairOf(n, segment);
      if (pair) {
        next = pair.value;
        key = { start: pair.keyStart, end: pair.keyEnd };
      }
    } else if (n?.kind === 'seq' && /^(0|[1-9]\d*)$/.test(segment) && Number(segment) < n.items.length) {
      next = n.items[Number(segment)];
      key = undefined;
    }
    if (!next) break;
    node = next;
    found.push(segment);
  }
  const exact = found.length === path.length;
  if (key && (options.onKey || !exact)) return { found, exact, range: source.lines.range(key.start, key.end) };
  const n = deref(node) ?? node;
  const start = n?.start ?? 0;
  return { found, exact, range: source.lines.range(start, Math.max(start, n?.end ?? start)) };
}
