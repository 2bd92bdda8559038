import type { Profile } from '../profiles/profile';
import { RouteIndex } from './route-index';
import type { RoutePattern } from './route-pattern';
import { shadowingOf, type Shadowing } from './route-shadowing';

/**
 * The shadowing analysis kept up to date across edits. A route's finding depends on its pattern and
 * on the earlier patterns that overlap it (`shadowingOf`), so after an edit only the routes that
 * overlap a pattern that came, went or changed places are analysed again; the segment trie names
 * them (`RouteIndex.overlappedBy`). The owner numbers the patterns (`order`) before each update.
 */
export class IncrementalShadowing {
  private readonly index: RouteIndex;
  private size = 0;
  /** Only the patterns that have a finding. */
  private readonly results = new Map<RoutePattern, Shadowing>();
  private sorted: Shadowing[] | undefined = [];

  constructor(private readonly profile: Profile) {
    this.index = new RouteIndex([], profile.caseSensitive);
  }

  /**
   * `removed` patterns left, `added` ones joined, and `moved` ones stayed but changed places relative
   * to the others; every present pattern's `order` is already its new one.
   */
  update(removed: readonly RoutePattern[], added: readonly RoutePattern[], moved: readonly RoutePattern[]): void {
    for (const p of removed) {
      this.index.remove(p);
      this.results.delete(p);
    }
    for (const p of added) this.index.add(p);
    this.size += added.length - removed.length;
    // Every route analysed again is in the index: found there, or just added.
    let affected: Iterable<RoutePattern>;
    if (added.length === this.size) {
      // Everything is new (the first run): every route is analysed anyway.
      affected = added;
    } else {
      const set = new Set<RoutePattern>();
      for (const p of removed) this.index.overlappedBy(p, set);
      for (const list of [added, moved]) {
        for (const p of list) {
          set.add(p);
          this.index.overlappedBy(p, set);
        }
      }
      affected = set;
    }
    for (const r of affected) {
      const finding = shadowingOf(r, this.index, this.profile);
      if (finding) this.results.set(r, finding);
      else this.results.delete(r);
    }
    if (removed.length > 0 || added.length > 0 || moved.length > 0) this.sorted = undefined;
  }

  /** Every finding, in the order the framework tries routes (as `analyzeShadowing` lists them). */
  findings(): readonly Shadowing[] {
    return (this.sorted ??= [...this.results.values()].sort((a, b) => a.route.order - b.route.order));
  }
}
