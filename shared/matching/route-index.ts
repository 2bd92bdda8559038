import type { RoutePattern } from './route-pattern';

interface TrieNode {
  literal: Map<string, TrieNode>;
  any: TrieNode | undefined;
  /** Routes whose path ends here. */
  ends: RoutePattern[];
  /** Routes with a catch-all from here on. */
  rests: RoutePattern[];
}

function node(): TrieNode {
  return { literal: new Map(), any: undefined, ends: [], rests: [] };
}

/**
 * Finds the routes whose path could match a request without trying them all: a trie over path
 * segments (literal keys, one "any" branch for templated segments). The candidates are then checked
 * in declaration order against each route's exact regular expression, so first-match semantics hold
 * and matching cost does not grow with the number of routes.
 */
export class RouteIndex {
  private readonly root = node();

  constructor(
    readonly patterns: readonly RoutePattern[],
    private readonly caseSensitive: boolean,
  ) {
    for (const p of patterns) {
      let n = this.root;
      for (const key of p.keys) {
        if (key === null) n = n.any ??= node();
        else {
          let next = n.literal.get(key);
          if (!next) n.literal.set(key, (next = node()));
          n = next;
        }
      }
      (p.rest ? n.rests : n.ends).push(p);
    }
  }

  /** Routes that may match `segments` (or the same with one trailing empty segment less), ordered. */
  candidates(segments: readonly string[], trailingVariants: boolean): RoutePattern[] {
    const found = new Set<RoutePattern>();
    const walk = (n: TrieNode, i: number, segs: readonly string[]) => {
      for (const r of n.rests) found.add(r);
      if (i === segs.length) {
        for (const r of n.ends) found.add(r);
        return;
      }
      const seg = segs[i] as string;
      const lit = n.literal.get(this.caseSensitive ? seg : seg.toLowerCase());
      if (lit) walk(lit, i + 1, segs);
      if (n.any) walk(n.any, i + 1, segs);
    };
    walk(this.root, 0, segments);
    if (trailingVariants) {
      if (segments.length > 0 && segments[segments.length - 1] === '') walk(this.root, 0, segments.slice(0, -1));
      else walk(this.root, 0, [...segments, '']);
    }
    return [...found].sort((a, b) => a.order - b.order);
  }

  /**
   * Routes whose paths may share a request with `p`'s: the trie walked with p's segments, following
   * literal branches p's parameters accept and every "any" branch. Used by the shadowing analysis,
   * so that it looks at a handful of routes per route instead of all earlier ones.
   */
  overlapping(p: RoutePattern): RoutePattern[] {
    const found = new Set<RoutePattern>();
    const all = (n: TrieNode) => {
      for (const r of n.ends) found.add(r);
      for (const r of n.rests) found.add(r);
      for (const child of n.literal.values()) all(child);
      if (n.any) all(n.any);
    };
    const walk = (n: TrieNode, i: number) => {
      for (const r of n.rests) found.add(r);
      if (i === p.keys.length) {
        if (p.rest) all(n);
        else for (const r of n.ends) found.add(r);
        return;
      }
      const key = p.keys[i];
      if (key !== null && key !== undefined) {
        const lit = n.literal.get(key);
        if (lit) walk(lit, i + 1);
      } else {
        const domain = p.segments[i];
        for (const [text, child] of n.literal) if (!domain || domain.kind !== 'pattern' || domain.regex.test(text)) walk(child, i + 1);
      }
      if (n.any) walk(n.any, i + 1);
    };
    walk(this.root, 0);
    return [...found].sort((a, b) => a.order - b.order);
  }
}
