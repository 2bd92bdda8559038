import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { routeTarget } from './rule-support';
import type { RouteFilter } from './route-selection';

const ID = 'route/path-param-undeclared';

const HAS_UNDECLARED_PARAM: RouteFilter = { test: (route) => route.params.some((p) => p.inTemplate && !p.declared) };

/** `{name}` in the path with no `in: path` parameter: OpenAPI requires one, and stubs need its type. */
export const routePathParamUndeclaredRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'A `{name}` in the path has no `in: path` parameter.',
  selects: { filters: [HAS_UNDECLARED_PARAM] },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of ctx.routesWhere(HAS_UNDECLARED_PARAM)) {
      for (const param of route.params) {
        if (!param.inTemplate || param.declared) continue;
        out.push({
          rule: ID,
          severity: 'error',
          message: `${ctx.label(route)} has \`{${param.name}}\` in its path but no \`in: path\` parameter named \`${param.name}\`.`,
          target: routeTarget(route),
          ...(ctx.editable(route, `${route.pointer}/parameters`)
            ? { fixes: [{ title: `Declare \`${param.name}\` as a string path parameter`, intent: { op: 'setPathParam' as const, route: route.key, name: param.name, schema: { type: 'string' } } }] }
            : {}),
        });
      }
    }
    return out;
  },
};
