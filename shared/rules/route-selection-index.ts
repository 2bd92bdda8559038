import type { Route } from '../model/api-model';
import type { Profile } from '../profiles/profile';
import type { RouteFacts } from './route-facts';
import type { RouteFilter, RouteGrouping } from './route-selection';

const byIndex = (a: RouteFacts, b: RouteFacts) => a.index - b.index;

function routesOf(members: Iterable<RouteFacts>): Route[] {
  return [...members].sort(byIndex).map((f) => f.route);
}

/** The routes one filter selects, kept across runs: only routes that came or went are tested. */
export class FilterIndex {
  private readonly members = new Set<RouteFacts>();

  constructor(
    private readonly filter: RouteFilter,
    private readonly profile: Profile,
  ) {}

  add(f: RouteFacts): void {
    if (this.filter.test(f.route, this.profile)) this.members.add(f);
  }

  remove(f: RouteFacts): void {
    this.members.delete(f);
  }

  /** In declaration order. */
  routes(): Route[] {
    return routesOf(this.members);
  }
}

/**
 * One group: its routes, and how many of each variant. Most groups have one route, or one variant
 * (they do not matter), so the first variant is counted inline and others only in a map.
 */
class Group {
  /** A set: a group can hold most routes (those without a trailing slash), and routes leave it one by one. */
  readonly members = new Set<RouteFacts>();
  private firstVariant: string | undefined = undefined;
  private firstCount = 0;
  private others: Map<string, number> | undefined = undefined;

  addVariant(variant: string): void {
    if (this.firstCount === 0 || this.firstVariant === variant) {
      this.firstVariant = variant;
      this.firstCount++;
    } else {
      this.others ??= new Map();
      this.others.set(variant, (this.others.get(variant) ?? 0) + 1);
    }
  }

  removeVariant(variant: string): void {
    if (this.firstCount > 0 && this.firstVariant === variant) {
      this.firstCount--;
      if (this.firstCount === 0 && this.others && this.others.size > 0) {
        // Another variant takes the inline place.
        const [next, count] = this.others.entries().next().value as [string, number];
        this.others.delete(next);
        this.firstVariant = next;
        this.firstCount = count;
      }
      return;
    }
    const n = (this.others?.get(variant) ?? 0) - 1;
    if (n > 0) this.others?.set(variant, n);
    else this.others?.delete(variant);
  }

  get variantCount(): number {
    return (this.firstCount > 0 ? 1 : 0) + (this.others?.size ?? 0);
  }
}

/**
 * One grouping's groups, kept across runs, and which of them matter (two routes, or two variants).
 * Most groups hold one route (a key per route, a path per path item) and never matter: such a group
 * is the route's facts itself, and becomes a Group when a second route joins. The key and variant a
 * route was filed under are kept on its facts (slot `id`), so it can be taken out again without
 * computing them.
 */
export class GroupingIndex {
  private readonly groups = new Map<string, RouteFacts | Group>();
  private readonly mattering = new Set<Group>();

  constructor(
    private readonly grouping: RouteGrouping,
    private readonly id: number,
    private readonly profile: Profile,
  ) {}

  add(f: RouteFacts): void {
    const key = this.grouping.key(f.route, this.profile);
    const variant = key !== undefined && this.grouping.variant ? this.grouping.variant(f.route, this.profile) : undefined;
    f.file(this.id, key, variant);
    if (key === undefined) return;
    const found = this.groups.get(key);
    if (found === undefined) {
      this.groups.set(key, f);
      return;
    }
    let group: Group;
    if (found instanceof Group) group = found;
    else {
      group = new Group();
      this.join(group, found);
      this.groups.set(key, group);
    }
    this.join(group, f);
    this.classify(group);
  }

  remove(f: RouteFacts): void {
    const key = f.keyIn(this.id);
    if (key === undefined) return;
    const found = this.groups.get(key);
    if (found === f) {
      this.groups.delete(key);
      return;
    }
    if (!(found instanceof Group) || !found.members.delete(f)) return;
    const variant = f.variantIn(this.id);
    if (variant !== undefined) found.removeVariant(variant);
    if (found.members.size === 1) {
      // Back to one route: the group is that route again.
      this.groups.set(key, found.members.values().next().value as RouteFacts);
      this.mattering.delete(found);
    } else this.classify(found);
  }

  private join(group: Group, f: RouteFacts): void {
    group.members.add(f);
    const variant = f.variantIn(this.id);
    if (variant !== undefined) group.addVariant(variant);
  }

  private count(group: Group): number {
    return this.grouping.variant ? group.variantCount : group.members.size;
  }

  private classify(group: Group): void {
    if (this.count(group) >= 2) this.mattering.add(group);
    else this.mattering.delete(group);
  }

  /** The groups that matter, in the order of their first route, each in declaration order. */
  matteringGroups(): Route[][] {
    const sorted = [...this.mattering].map((g) => [...g.members].sort(byIndex));
    sorted.sort((a, b) => (a[0] as RouteFacts).index - (b[0] as RouteFacts).index);
    return sorted.map((list) => list.map((f) => f.route));
  }

  group(key: string): Route[] {
    const found = this.groups.get(key);
    if (found === undefined) return [];
    return found instanceof Group ? routesOf(found.members) : [found.route];
  }

  variantCount(key: string): number {
    const found = this.groups.get(key);
    if (found === undefined) return 0;
    return found instanceof Group ? this.count(found) : 1;
  }
}
