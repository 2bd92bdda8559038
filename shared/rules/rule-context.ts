import { decodePointer } from '../document/json-pointer';
import { asMap, getChild, getPair, type SNode } from '../document/source-tree';
import { isSharedPathItem } from '../edit/edit-context';
import type { Route } from '../model/api-model';
import type { ApiDocument } from '../model/open-document';
import type { Profile } from '../profiles/profile';
import type { RuleContext } from './rule';

export function createRuleContext(doc: ApiDocument, profile: Profile): RuleContext {
  // Both built on first need: most runs on most documents find little, and these cost a pass each.
  let indexes: Map<Route, number> | undefined;
  let pathItems: Map<string, SNode> | undefined;
  const indexOf = (route: Route) => {
    if (!indexes) {
      const map = new Map<Route, number>();
      doc.model.routes.forEach((r, i) => map.set(r, i + 1));
      indexes = map;
    }
    return indexes.get(route);
  };
  return {
    doc,
    model: doc.model,
    profile,
    index: (route) => indexOf(route) ?? 0,
    label: (route) => `\`${route.key}\` (#${indexOf(route) ?? '?'})`,
    editable: (route, at) => reachable((pathItems ??= pathItemNodes(doc)).get(route.path), route, at),
  };
}

/** `paths` as a map, read once: looking a path up for every finding would be quadratic on big documents. */
function pathItemNodes(doc: ApiDocument): Map<string, SNode> {
  const root = asMap(doc.source.root);
  const paths = asMap(root && getPair(root, 'paths')?.value);
  return new Map((paths?.pairs ?? []).map((p) => [p.key, p.value]));
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
