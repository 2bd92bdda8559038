import { IncrementalShadowing } from '../matching/incremental-shadowing';
import type { Route } from '../model/api-model';
import type { ApiDocument } from '../model/open-document';
import type { Profile } from '../profiles/profile';
import { ClosestGetIndex } from './closest-get';
import { movedRoutes } from './moved-routes';
import type { Rule, RuleContext } from './rule';
import { baseRuleContext } from './rule-context';
import { sameDigest } from './route-digest';
import { RouteFacts } from './route-facts';
import type { RouteFilter, RouteGrouping } from './route-selection';
import { FilterIndex, GroupingIndex } from './route-selection-index';

/**
 * A Validator's memory of the last document it checked, under one profile: the facts of each route
 * (compiled pattern, filter and group memberships), the shadowing analysis, and rules' memos. Each
 * run (`refresh`) matches the new routes with the old ones — the same object, or a re-read route with
 * the same key and an equal digest — and updates what it keeps for the routes that came, went or
 * moved only. Nothing kept holds a position in the text: rules read ranges from the current routes.
 */
export class ValidatorState {
  private run = 0;
  /** The last run's routes, and their facts at the same places. */
  private routes: readonly Route[] = [];
  private current: RouteFacts[] = [];
  /** The facts of each route key of the last run (of its last place, should a key be listed twice). */
  private readonly byKey = new Map<string, RouteFacts>();
  /** Whether the last run's keys were unique, so `byKey` finds every route's own facts. */
  private uniqueKeys = true;
  private readonly shadowing: IncrementalShadowing;
  private readonly filters = new Map<RouteFilter, FilterIndex>();
  private readonly groupings = new Map<RouteGrouping, GroupingIndex>();
  /** Numbers the groupings: each files its routes' keys in its own slot of their facts. */
  private groupingsMade = 0;
  private readonly memos = new Map<object, { input: readonly unknown[]; value: unknown }>();
  private gets: ClosestGetIndex<RouteFacts> | undefined;

  constructor(readonly profile: Profile) {
    this.shadowing = new IncrementalShadowing(profile);
  }

  /**
   * Brings everything kept up to date with `doc` (a readable document) and returns the context for
   * `rules`, whose declared selections are ready.
   */
  refresh(doc: ApiDocument, rules: readonly Rule[]): RuleContext {
    const before = this.run;
    const now = ++this.run;
    const routes = doc.model.routes;
    const current: RouteFacts[] = [];
    const added: RouteFacts[] = [];
    const previousRoutes = this.routes;
    const previous = this.current;
    // Whether the routes kept from the last run are still in their old order (the usual case).
    let inOrder = true;
    let last = -1;
    for (let i = 0; i < routes.length; i++) {
      const route = routes[i] as Route;
      // Most routes are the same object at the same place as last time: no lookup at all.
      let f = previousRoutes[i] === route ? previous[i] : undefined;
      if (f === undefined || f.seen === now) f = this.reusable(route, previous[i], before) ?? new RouteFacts(route, this.profile);
      if (f.seen === before) {
        f.previousIndex = f.index;
        f.previousOrder = f.pattern.order;
        if (f.index < last) inOrder = false;
        last = f.index;
      } else {
        f.previousIndex = -1;
        added.push(f);
      }
      f.seen = now;
      f.route = route;
      f.index = i;
      current.push(f);
    }
    const removed = previous.filter((f) => f.seen === before);
    this.routes = routes;
    this.current = current;
    for (const f of removed) if (this.byKey.get(f.route.key) === f) this.byKey.delete(f.route.key);
    for (const f of added) this.byKey.set(f.route.key, f);
    if (this.byKey.size !== current.length) {
      // Some key is listed twice (or was, and its entry went with a removed twin): map them afresh.
      this.byKey.clear();
      for (const f of current) this.byKey.set(f.route.key, f);
    }
    this.uniqueKeys = this.byKey.size === current.length;
    const kept = (list: readonly RouteFacts[]) => list.filter((f) => f.previousIndex !== -1);
    const movedInDocument = inOrder ? [] : movedRoutes(kept(current), (f) => f.previousIndex);
    // Shadowing depends on the order routes are matched in. Under first-match that is the
    // declaration order; under `openapi` it is sorted, and an edit anywhere can reorder routes the
    // sort finds equal (its order is not a total one), so moves are found in that order.
    const matchingOrder = this.renumberPatterns();
    const movedInMatching = matchingOrder === this.current ? movedInDocument : movedRoutes(kept(matchingOrder), (f) => f.previousOrder);
    this.shadowing.update(
      removed.map((f) => f.pattern),
      added.map((f) => f.pattern),
      movedInMatching.map((f) => f.pattern),
    );
    for (const index of [...this.filters.values(), ...this.groupings.values()]) {
      for (const f of removed) index.remove(f);
      for (const f of added) index.add(f);
    }
    const touchesGets = (list: RouteFacts[]) => list.some((f) => f.route.method === 'get');
    if (touchesGets(removed) || touchesGets(added) || touchesGets(movedInDocument)) this.gets = undefined;
    this.prepare(rules);
    return this.context(doc, now);
  }

  /** Builds the selections the rules declare and this state does not keep yet, in one pass over the routes. */
  private prepare(rules: readonly Rule[]): void {
    const fresh: (FilterIndex | GroupingIndex)[] = [];
    for (const rule of rules) {
      for (const filter of rule.selects?.filters ?? []) if (!this.filters.has(filter)) fresh.push(this.filterIndex(filter, false));
      for (const grouping of rule.selects?.groupings ?? []) if (!this.groupings.has(grouping)) fresh.push(this.groupingIndex(grouping, false));
    }
    if (fresh.length === 0) return;
    try {
      for (const f of this.current) for (const index of fresh) index.add(f);
    } catch {
      // A filter or grouping that throws is a bug of its rule: drop what was half built, so that the
      // rule builds it when it asks and the error costs that rule's findings only (DESIGN §7).
      for (const [filter, index] of this.filters) if (fresh.includes(index)) this.filters.delete(filter);
      for (const [grouping, index] of this.groupings) if (fresh.includes(index)) this.groupings.delete(grouping);
    }
  }

  /** The kept index of `filter`, made on first need (`fill`: with every current route). */
  private filterIndex(filter: RouteFilter, fill = true): FilterIndex {
    let index = this.filters.get(filter);
    if (!index) {
      index = new FilterIndex(filter, this.profile);
      if (fill) for (const f of this.current) index.add(f);
      this.filters.set(filter, index);
    }
    return index;
  }

  private groupingIndex(grouping: RouteGrouping, fill = true): GroupingIndex {
    let index = this.groupings.get(grouping);
    if (!index) {
      index = new GroupingIndex(grouping, this.groupingsMade++, this.profile);
      if (fill) for (const f of this.current) index.add(f);
      this.groupings.set(grouping, index);
    }
    return index;
  }

  /**
   * The last run's facts of a route that was not the same object at the same place then: moved up
   * or down by an added or removed route, or re-read (every route after an edit that rebuilt the
   * model). Undefined
   * when the route is new or changed, or already has facts in this run (a route listed twice).
   */
  private reusable(route: Route, atSamePlace: RouteFacts | undefined, before: number): RouteFacts | undefined {
    // A re-read model keeps most routes at their places: that place first, then a lookup by key.
    const samePlace = atSamePlace !== undefined && atSamePlace.route.path === route.path && atSamePlace.route.method === route.method;
    const old = samePlace ? atSamePlace : this.byKey.get(route.key);
    if (old === undefined || old.seen !== before) return undefined;
    return old.route === route || sameDigest(old.route, route) ? old : undefined;
  }

  /**
   * Patterns carry the current route and their place in the order the framework tries routes.
   * Returns the routes in that order.
   */
  private renumberPatterns(): readonly RouteFacts[] {
    const current = this.current;
    if (this.profile.order === 'first-match') {
      for (let i = 0; i < current.length; i++) {
        const p = (current[i] as RouteFacts).pattern;
        p.route = (current[i] as RouteFacts).route;
        p.order = i;
      }
      return current;
    }
    // OpenAPI's rule (as compiledRoutes orders them): segment by segment a literal before a
    // template, otherwise declaration order.
    const sorted = [...current].sort((a, b) => {
      const ka = a.rank;
      const kb = b.rank;
      const n = Math.min(ka.length, kb.length);
      for (let j = 0; j < n; j++) if (ka[j] !== kb[j]) return (ka[j] as number) - (kb[j] as number);
      return a.index - b.index;
    });
    sorted.forEach((f, i) => {
      f.pattern.route = f.route;
      f.pattern.order = i;
    });
    return sorted;
  }

  private context(doc: ApiDocument, now: number): RuleContext {
    const profile = this.profile;
    // With unique keys a route's key finds its facts; otherwise (a text with problems) a map of the
    // route objects does, the last place of an object listed twice counting, as in runRules.
    let byRoute: Map<Route, RouteFacts> | undefined;
    const factsOf = (route: Route) => {
      if (this.uniqueKeys) {
        const f = this.byKey.get(route.key);
        return f !== undefined && f.route === route && f.seen === now ? f : undefined;
      }
      byRoute ??= new Map(this.current.map((f) => [f.route, f]));
      return byRoute.get(route);
    };
    return {
      ...baseRuleContext(doc, profile, (route) => {
        const f = factsOf(route);
        return f === undefined ? undefined : f.index + 1;
      }),
      routesWhere: (filter) => this.filterIndex(filter).routes(),
      groups: (grouping) => this.groupingIndex(grouping).matteringGroups(),
      group: (grouping, key) => this.groupingIndex(grouping).group(key),
      variantCount: (grouping, key) => this.groupingIndex(grouping).variantCount(key),
      shadowing: () => this.shadowing.findings(),
      pattern: (route) => factsOf(route)?.pattern,
      closestGet: (route) => (this.gets ??= new ClosestGetIndex(this.current, (f) => f.route)).closest(route),
      memo: <T>(slot: object, input: readonly unknown[], compute: (previous?: T) => T): T => {
        const memo = this.memos.get(slot);
        if (memo && memo.input.length === input.length && memo.input.every((x, i) => x === input[i])) return memo.value as T;
        // Handed over to compute, which may change it: should compute throw, nothing stale stays.
        this.memos.delete(slot);
        const value = compute(memo?.value as T | undefined);
        this.memos.set(slot, { input, value });
        return value;
      },
    };
  }
}
