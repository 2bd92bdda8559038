import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { routeTarget } from './rule-support';
import { routeExists } from './route-groupings';
import type { RouteFilter } from './route-selection';

const ID = 'route/prefix-doubled';

/**
 * Paths that begin with some text written twice, up to a segment boundary (`/api/api/…`): every
 * doubled prefix is one, whatever the controllers' prefixes are, so this holds across their edits.
 */
const REPEATS_ITS_START: RouteFilter = {
  test: ({ path }) => {
    for (let n = 1; 2 * n <= path.length; n++) {
      if ((2 * n === path.length || path.charCodeAt(2 * n) === 47) && path.startsWith(path.slice(0, n), n)) return true;
    }
    return false;
  },
};

/**
 * `APIRouter(prefix="/api")` with `@router.get("/api/users")`: the prefix is written twice and the
 * route is served at `/api/api/users`. The usual cause is a route path copied with its prefix.
 */
export const routePrefixDoubledRule: Rule = {
  id: ID,
  severity: 'warning',
  description: "A route's path repeats its controller's prefix (`/api/api/users`).",
  selects: { filters: [REPEATS_ITS_START] },
  check(ctx) {
    const prefixes = new Map(ctx.model.controllers.map((c) => [c.name, c.prefix.replace(/\/+$/, '')]));
    const out: Diagnostic[] = [];
    for (const route of ctx.routesWhere(REPEATS_ITS_START)) {
      const prefix = route.controller === null ? '' : (prefixes.get(route.controller) ?? '');
      if (!prefix || !route.path.startsWith(prefix)) continue;
      const local = route.path.slice(prefix.length);
      if (local !== prefix && !local.startsWith(`${prefix}/`)) continue;
      const fixed = local;
      const free = !routeExists(ctx, `${route.method.toUpperCase()} ${fixed}`);
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
