import type { Route } from '../model/api-model';
import type { Diagnostic } from '../model/diagnostic';
import { groupBy } from './path-shape';
import type { Rule } from './rule';
import { fieldTarget, listing, routeTarget } from './rule-support';

const ID = 'operation/duplicate-operation-id';

/**
 * OpenAPI: operationIds "MUST be unique among all operations". Generated clients and stubs name
 * functions after them, so a repeat breaks both. The first declared route keeps the id.
 */
export const operationDuplicateOperationIdRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'Several operations share one `operationId`.',
  check(ctx) {
    const withId = ctx.model.routes.filter((r): r is Route & { operationId: string } => r.operationId !== undefined);
    const used = new Set(withId.map((r) => r.operationId));
    const out: Diagnostic[] = [];
    for (const [id, group] of groupBy(withId, (r) => r.operationId)) {
      if (group.length < 2) continue;
      const names = listing(group.map((r) => ctx.label(r)));
      for (const route of group.slice(1)) {
        const fresh = freshId(id, route, used);
        used.add(fresh);
        out.push({
          rule: ID,
          severity: 'error',
          message: `The operationId \`${id}\` is used by ${group.length} routes: ${names}. It must be unique.`,
          target: fieldTarget(ctx.doc.source, route, 'operationId'),
          // The keeper and a few others: a thousand routes sharing an id must not cost a million targets.
          related: group.filter((r) => r !== route).slice(0, 10).map(routeTarget),
          ...(ctx.editable(route) ? { fixes: [{ title: `Rename it to \`${fresh}\``, intent: { op: 'updateRoute' as const, route: route.key, operationId: fresh } }] } : {}),
        });
      }
    }
    return out;
  },
};

/** `get_user` → `get_user_delete`, then `get_user_delete_2`, …: unused by any route. */
function freshId(id: string, route: Route, used: Set<string>): string {
  const base = `${id}_${route.method}`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}
