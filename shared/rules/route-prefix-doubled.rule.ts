import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { routeTarget } from './rule-support';

const ID = 'route/prefix-doubled';

/**
 * `APIRouter(prefix="/api")` with `@router.get("/api/users")`: the prefix is written twice and the
 * route is served at `/api/api/users`. The usual cause is a route path copied with its prefix.
 */
export const routePrefixDoubledRule: Rule = {
  id: ID,
  severity: 'warning',
  description: "A route's path repeats its controller's prefix (`/api/api/users`).",
  check(ctx) {
    const prefixes = new Map(ctx.model.controllers.map((c) => [c.name, c.prefix.replace(/\/+$/, '')]));
    const taken = new Set(ctx.model.routes.map((r) => r.key));
    const out: Diagnostic[] = [];
    for (const route of ctx.model.routes) {
      const prefix = route.controller === null ? '' : (prefixes.get(route.controller) ?? '');
      if (!prefix || !route.path.startsWith(prefix)) continue;
      const local = route.path.slice(prefix.length);
      if (local !== prefix && !local.startsWith(`${prefix}/`)) continue;
      const fixed = local;
      const free = !taken.has(`${route.method.toUpperCase()} ${fixed}`);
      out.push({
        rule: ID,
        severity: 'warning',
        message: `${ctx.label(route)} repeats the prefix \`${prefix}\` of its controller \`${route.controller ?? ''}\`: it is served at \`${route.path}\`, not \`${fixed}\`.${free ? '' : ` \`${route.method.toUpperCase()} ${fixed}\` already exists.`}`,
        target: routeTarget(route),
        ...(free && ctx.editable(route) ? { fixes: [{ title: `Change the path to \`${fixed}\``, intent: { op: 'updateRoute' as const, route: route.key, path: fixed } }] } : {}),
      });
    }
    return out;
  },
};
