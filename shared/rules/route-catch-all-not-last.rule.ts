import type { CompiledParam } from '../matching/route-pattern';
import type { Route } from '../model/api-model';
import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { listing, plural, routeTarget, samplePath } from './rule-support';
import type { RouteFilter } from './route-selection';

const ID = 'route/catch-all-not-last';

// The matcher's own reading of the path (DESIGN §3): `{x:path}`, or a `format: path` parameter
// spanning the last segment, is a catch-all where the profile has one.
const MAY_CATCH_ALL: RouteFilter = { test: (route) => route.params.some((p) => p.inTemplate && (p.convertor === 'path' || p.type === 'path')) };

/**
 * A catch-all (`{file_path:path}`, which matches across slashes) declared before other routes of its
 * method (of any method where dispatch is by path, as in Django) under the same prefix: frameworks that try routes in order hand it their requests. This is
 * the structural check — "a catch-all is the last route under its prefix"; which requests each later
 * route loses is `route/shadowed`'s answer, from the matcher.
 */
export const routeCatchAllNotLastRule: Rule = {
  id: ID,
  severity: 'warning',
  description: 'A catch-all route (`{x:path}`) is declared before routes under its prefix.',
  selects: { filters: [MAY_CATCH_ALL] },
  check(ctx) {
    const { profile } = ctx;
    if (profile.order !== 'first-match') return [];
    const out: Diagnostic[] = [];
    const routes = ctx.model.routes;
    for (const route of ctx.routesWhere(MAY_CATCH_ALL)) {
      if (!MAY_CATCH_ALL.test(route, profile)) continue;
      const i = ctx.index(route) - 1;
      // The pattern the matcher compiled (its catch-all is where the profile puts it).
      const pattern = ctx.pattern(route);
      if (!pattern) continue;
      if (!pattern.rest) continue;
      const catchAll = pattern.params[pattern.params.length - 1] as CompiledParam;
      // Django dispatches on the path first: a later route of any method loses its requests.
      const perPath = profile.methodDispatch === 'per-path';
      const taken = routes.slice(i + 1).filter((r) => (perPath ? r.path !== route.path : r.method === route.method) && pattern.regex.test(samplePath(r)));
      if (taken.length === 0) continue;
      const last = taken[taken.length - 1] as Route;
      const prefix = route.path.slice(0, route.path.lastIndexOf('{'));
      const written = catchAll.param?.convertor ? `{${catchAll.name}:${catchAll.param.convertor}}` : `{${catchAll.name}}`;
      out.push({
        rule: ID,
        severity: 'warning',
        message: `${ctx.label(route)} is a catch-all (\`${written}\`) for \`${prefix}…\`, declared before ${plural(taken.length, 'route')} there: ${listing(taken.map((r) => ctx.label(r)))}. ${profile.label} tries routes in order, so the catch-all takes their requests; declare it after them.`,
        target: routeTarget(route),
        related: taken.map(routeTarget),
        fixes: [{ title: `Move ${route.key} below ${last.key} (#${ctx.index(last)})`, intent: { op: 'moveRoute', route: route.key, to: ctx.index(last) - 1 } }],
      });
    }
    return out;
  },
};

