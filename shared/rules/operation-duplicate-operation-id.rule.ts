import type { Route } from '../model/api-model';
import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { fieldTarget, listing, routeTarget } from './rule-support';
import type { RouteGrouping } from './route-selection';

const ID = 'operation/duplicate-operation-id';

const BY_OPERATION_ID: RouteGrouping = { key: (r) => r.operationId };

/**
 * OpenAPI: operationIds "MUST be unique among all operations". Generated clients and stubs name
 * functions after them, so a repeat breaks both. The first declared route keeps the id.
 */
export const operationDuplicateOperationIdRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'Several operations share one `operationId`.',
  selects: { groupings: [BY_OPERATION_ID] },
  check(ctx) {
    // Ids given by the fixes of this run, besides those of the document.
    const given = new Set<string>();
    const used = (id: string) => given.has(id) || ctx.group(BY_OPERATION_ID, id).length > 0;
    const out: Diagnostic[] = [];
    for (const group of ctx.groups(BY_OPERATION_ID)) {
      if (group.length < 2) continue;
      const id = (group[0] as Route).operationId as string;
      const names = listing(group.map((r) => ctx.label(r)));
      for (const route of group.slice(1)) {
        const fresh = freshId(id, route, used);
        given.add(fresh);
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
function freshId(id: string, route: Route, used: (id: string) => boolean): string {
  const base = `${id}_${route.method}`;
  if (!used(base)) return base;
  for (let n = 2; ; n++) if (!used(`${base}_${n}`)) return `${base}_${n}`;
}
