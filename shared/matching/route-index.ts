import type { RoutePattern } from './route-pattern';

/** A trie node. Most nodes are leaves holding one route: the map and lists exist once needed. */
interface TrieNode {
  literal: Map<string, TrieNode> | undefined;
  any: TrieNode | undefined;
  /** Routes whose path ends here. */
  ends: RoutePattern[] | undefined;
  /** Routes with a catch-all from here on. */
  rests: RoutePattern[] | undefined;
}

function node(): TrieNode {
  return { literal: undefined, any: undefined, ends: undefined, rests: undefined };
}

const NONE: readonly RoutePattern[] = [];

const byOrder = (a: RoutePattern, b: RoutePattern) => a.order - b.order;

/**
 * Finds the routes whose path could match a request without trying them all: a trie over path
 * segments (literal keys, one "any" branch for templated segments). The candidates are then checked
 * in declaration order against each route's exact regular expression, so first-match semantics hold
 * and matching cost does not grow with the number of routes.
 *
 * Results are sorted by each pattern's `order` when asked, so an owner that keeps the index across
 * edits (the Validator) may renumber its patterns, and add or remove some, without rebuilding it.
 */
export class RouteIndex {
  private readonly root = node();

  constructor(
    patterns: readonly RoutePattern[],
    private readonly caseSensitive: boolean,
  ) {
    for (const p of patterns) this.add(p);
  }

  add(p: RoutePattern): void {
    let n = this.root;
    for (const key of p.keys) {
      if (key === null) n = n.any ??= node();
      else {
        const literal = (n.literal ??= new Map());
        let next = literal.get(key);
        if (!next) literal.set(key, (next = node()));
        n = next;
      }
    }
    if (p.rest) (n.rests ??= []).push(p);
    else (n.ends ??= []).push(p);
  }

  /** Takes `p` out again (empty trie nodes stay: they cost a lookup, never a wrong answer). */
  remove(p: RoutePattern): void {
    let n: TrieNode | undefined = this.root;
    for (const key of p.keys) {
      n = key === null ? n.any : n.literal?.get(key);
      if (!n) return;
    }
    const list = p.rest ? n.rests : n.ends;
    const at = list ? list.indexOf(p) : -1;
    if (list && at !== -1) list.splice(at, 1);
  }

  /** Routes that may match `segments` (or the same with one trailing empty segment less), ordered. */
  candidates(segments: readonly string[], trailingVariants: boolean): RoutePattern[] {
    const found = new Set<RoutePattern>();
    const walk = (n: TrieNode, i: number, segs: readonly string[]) => {
      for (const r of n.rests ?? NONE) found.add(r);
      if (i === segs.length) {
        for (const r of n.ends ?? NONE) found.add(r);
        return;
      }
      const seg = segs[i] as string;
      const lit = n.literal?.get(this.caseSensitive ? seg : seg.toLowerCase());
      if (lit) walk(lit, i + 1, segs);
      if (n.any) walk(n.any, i + 1, segs);
    };
    walk(this.root, 0, segments);
    if (trailingVariants) {
      if (segments.length > 0 && segments[segments.length - 1] === '') walk(this.root, 0, segments.slice(0, -1));
      else walk(this.root, 0, [...segments, '']);
    }
    return [...found].sort(byOrder);
  }

  /**
   * Routes whose paths may share a request with `p`'s: the trie walked with p's segments, following
   * literal branches p's parameters accept and every "any" branch. Used by the shadowing analysis,
   * so that it looks at a handful of routes per route instead of all earlier ones. With `before`,
   * only routes with a smaller `order` (the only ones that can shadow p).
   */
  overlapping(p: RoutePattern, before = Infinity): RoutePattern[] {
    const found: RoutePattern[] = [];
    walkOverlapping(this.root, 0, p, before, found);
    // Each trie node is visited once, so a route is found once; except that a catch-all pattern
    // collects the rests of its last node both on the way and in the subtree below it.
    return (p.rest ? [...new Set(found)] : found).sort(byOrder);
  }

  /**
   * Every route `r` whose `overlapping(r)` may contain `p` (a superset): the trie walked backwards
   * from p's segments. When p is added, removed or reordered, these are the routes whose shadowing
   * can change. `p` itself need not be in the index.
   */
  overlappedBy(p: RoutePattern, into: Set<RoutePattern>): void {
    walkOverlappedBy(this.root, 0, p, into);
  }
}

function collect(list: readonly RoutePattern[] | undefined, before: number, found: RoutePattern[]): void {
  if (list) for (const r of list) if (r.order < before) found.push(r);
}

function collectAll(n: TrieNode, before: number, found: RoutePattern[]): void {
  collect(n.ends, before, found);
  collect(n.rests, before, found);
  if (n.literal) for (const child of n.literal.values()) collectAll(child, before, found);
  if (n.any) collectAll(n.any, before, found);
}

function walkOverlapping(n: TrieNode, i: number, p: RoutePattern, before: number, found: RoutePattern[]): void {
  collect(n.rests, before, found);
  if (i === p.keys.length) {
    if (p.rest) collectAll(n, before, found);
    else collect(n.ends, before, found);
    return;
  }
  const key = p.keys[i];
  if (key !== null && key !== undefined) {
    const lit = n.literal?.get(key);
    if (lit) walkOverlapping(lit, i + 1, p, before, found);
  } else if (n.literal) {
    const domain = p.segments[i];
    for (const [text, child] of n.literal) if (!domain || domain.kind !== 'pattern' || domain.regex.test(text)) walkOverlapping(child, i + 1, p, before, found);
  }
  if (n.any) walkOverlapping(n.any, i + 1, p, before, found);
}

function addAll(n: TrieNode, into: Set<RoutePattern>): void {
  for (const r of n.ends ?? NONE) into.add(r);
  for (const r of n.rests ?? NONE) into.add(r);
  if (n.literal) for (const child of n.literal.values()) addAll(child, into);
  if (n.any) addAll(n.any, into);
}

/**
 * The converse of walkOverlapping. A route r finds p when, segment by segment, r's literal meets
 * p's equal literal or p's "any", or r's parameter meets p's literal (if it accepts it) or p's "any";
 * r's catch-all takes everything below its node, and p's catch-all is found by every r that walks
 * as deep as p's node. Walking p's literal keys to the same literal and to "any", and p's "any" to
 * every branch, visits all such r (and a few more: parameter domains are not checked).
 */
function walkOverlappedBy(n: TrieNode, i: number, p: RoutePattern, into: Set<RoutePattern>): void {
  for (const r of n.rests ?? NONE) into.add(r);
  if (i === p.keys.length) {
    if (p.rest) addAll(n, into);
    else for (const r of n.ends ?? NONE) into.add(r);
    return;
  }
  const key = p.keys[i];
  if (key !== null && key !== undefined) {
    const lit = n.literal?.get(key);
    if (lit) walkOverlappedBy(lit, i + 1, p, into);
  } else if (n.literal) {
    for (const child of n.literal.values()) walkOverlappedBy(child, i + 1, p, into);
  }
  if (n.any) walkOverlappedBy(n.any, i + 1, p, into);
}
