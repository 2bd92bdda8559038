import type { RouteFacts } from './route-facts';

/**
 * Of the routes kept from the previous run (in their new order), those that changed places: the
 * fewest whose removal leaves the others in their old relative order (`before`: the old position),
 * the complement of a longest increasing subsequence. Moving one route across a thousand others
 * names that one route, not the thousand. O(n log n), and O(n) when nothing moved (the usual case).
 */
export function movedRoutes(kept: readonly RouteFacts[], before: (f: RouteFacts) => number): RouteFacts[] {
  let last = -1;
  let inOrder = true;
  for (const f of kept) {
    const b = before(f);
    if (b < last) {
      inOrder = false;
      break;
    }
    last = b;
  }
  if (inOrder) return [];
  // Patience sorting: tails[k] is the position in `kept` ending the best increasing run of length k+1.
  const tails: number[] = [];
  const parent = new Int32Array(kept.length).fill(-1);
  for (let i = 0; i < kept.length; i++) {
    const v = before(kept[i] as RouteFacts);
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(kept[tails[mid] as number] as RouteFacts) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const staying = new Uint8Array(kept.length);
  for (let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; i !== -1; i = parent[i] as number) staying[i] = 1;
  return kept.filter((_, i) => staying[i] === 0);
}
