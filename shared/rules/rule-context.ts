import { decodePointer } from '../document/json-pointer';
import { asMap, getChild, getPair, type SNode } from '../document/source-tree';
import { isSharedPathItem } from '../edit/edit-context';
import { compiledRoutes } from '../matching/compiled-routes';
import type { RoutePattern } from '../matching/route-pattern';
import { analyzeShadowing } from '../matching/route-shadowing';
import type { ApiModel, Route } from '../model/api-model';
import type { ApiDocument } from '../model/open-document';
import type { Profile } from '../profiles/profile';
import { ClosestGetIndex } from './closest-get';
import { elementRange } from './element-range';
import type { RuleContext } from './rule';
import type { RouteGrouping } from './route-selection';

/** The part of a context that does not depend on how routes are selected. */
export type BaseRuleContext = Pick<RuleContext, 'doc' | 'model' | 'profile' | 'index' | 'label' | 'editable' | 'rangeOf'>;

/**
 * A context for one full run: every route is handed to every rule (`routesWhere` and `groups` do
 * not narrow), and each grouping, the compiled patterns and the shadowing analysis are computed once,
 * on first need. This is the reference a Validator's incremental runs are compared with.
 */
export function createRuleContext(doc: ApiDocument, profile: Profile): RuleContext {
  // Built on first need: most runs on most documents find little, and these cost a pass each.
  let indexes: Map<Route, number> | undefined;
  const indexOf = (route: Route) => {
    if (!indexes) {
      const map = new Map<Route, number>();
      doc.model.routes.forEach((r, i) => map.set(r, i + 1));
      indexes = map;
    }
    return indexes.get(route);
  };
  const grouped = new Map<RouteGrouping, Map<string, Route[]>>();
  const groupsOf = (grouping: RouteGrouping) => {
    let groups = grouped.get(grouping);
    if (!groups) {
      groups = new Map();
      for (const r of doc.model.routes) {
        const key = grouping.key(r, profile);
        if (key === undefined) continue;
        const list = groups.get(key);
        if (list) list.push(r);
        else groups.set(key, [r]);
      }
      grouped.set(grouping, groups);
    }
    return groups;
  };
  let patterns: Map<Route, RoutePattern> | undefined;
  return {
    ...baseRuleContext(doc, profile, indexOf),
    routesWhere: () => doc.model.routes,
    groups: (grouping) => groupsOf(grouping).values(),
    group: (grouping, key) => groupsOf(grouping).get(key) ?? [],
    variantCount: (grouping, key) => {
      const list = groupsOf(grouping).get(key) ?? [];
      const variant = grouping.variant;
      return variant ? new Set(list.map((r) => variant(r, profile))).size : list.length;
    },
    shadowing: () => analyzeShadowing(doc.model, profile),
    pattern: (route) => (patterns ??= new Map(compiledRoutes(doc.model, profile).patterns.map((p) => [p.route, p]))).get(route),
    closestGet: (route) => closestGetIndex(doc.model).closest(route),
    memo: (_slot, _input, compute) => compute(),
  };
}

/** `index`, `label`, `editable` and `rangeOf` over `indexOf` (the 1-based declaration index, undefined for a stranger). */
export function baseRuleContext(doc: ApiDocument, profile: Profile, indexOf: (route: Route) => number | undefined): BaseRuleContext {
  let pathItemOf: ((route: Route) => SNode | undefined) | undefined;
  return {
    doc,
    model: doc.model,
    profile,
    index: (route) => indexOf(route) ?? 0,
    label: (route) => `\`${route.key}\` (#${indexOf(route) ?? '?'})`,
    editable: (route, at) => reachable((pathItemOf ??= pathItemLookup(doc))(route), route, at),
    rangeOf: (route, pointer) => elementRange(doc.source, (pathItemOf ??= pathItemLookup(doc))(route), route, pointer),
  };
}

const getIndexes = new WeakMap<ApiModel, ClosestGetIndex<Route>>();

function closestGetIndex(model: ApiModel): ClosestGetIndex<Route> {
  let index = getIndexes.get(model);
  if (!index) getIndexes.set(model, (index = new ClosestGetIndex(model.routes, (r) => r)));
  return index;
}

/**
 * A route's path item node. Pairs of `paths` are in text order and an operation lies inside its
 * path item, so a binary search on the route's offset finds it without a map of every path (a pass
 * over tens of thousands per run); a shared (`$ref`) path item's operations lie elsewhere and are
 * looked up in that map. With duplicate keys (a problem of the text) the map alone decides, as the
 * last pair wins there.
 */
function pathItemLookup(doc: ApiDocument): (route: Route) => SNode | undefined {
  const root = asMap(doc.source.root);
  const pairs = asMap(root && getPair(root, 'paths')?.value)?.pairs ?? [];
  const searchable = doc.source.problems.length === 0;
  let byKey: Map<string, SNode> | undefined;
  return (route) => {
    if (searchable) {
      const at = route.range.start.offset;
      let lo = 0;
      let hi = pairs.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((pairs[mid]?.keyStart ?? 0) <= at) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const pair = pairs[found];
      if (pair && pair.key === route.path) return pair.value;
    }
    return (byKey ??= new Map(pairs.map((p) => [p.key, p.value]))).get(route.path);
  };
}

/** The structural editor refuses to write through a `$ref`d path item or a YAML alias (EditError). */
function reachable(item: SNode | undefined, route: Route, at: string | undefined): boolean {
  if (!item || isSharedPathItem(item)) return false;
  let rest: string[] = [route.method];
  if (at !== undefined) {
    try {
      const full = decodePointer(at);
      if (full[0] === 'paths' && full[1] === route.path) rest = full.slice(2);
    } catch {
      // Not a pointer: the operation alone decides.
    }
  }
  let node: SNode | undefined = item;
  for (const key of rest) {
    node = getChild(node, key);
    if (!node) return true;
    if (node.kind === 'alias') return false;
  }
  return true;
}
