import { encodePointer } from '../document/json-pointer';
import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { paramTarget, pathLabel } from './rule-support';
import { BY_PATH } from './route-groupings';
import type { RouteFilter } from './route-selection';

const ID = 'route/path-param-unused';

const HAS_UNUSED_PARAM: RouteFilter = { test: (route) => route.params.some((p) => !p.inTemplate && p.declared) };

/**
 * An `in: path` parameter whose `{name}` is not in the path: OpenAPI forbids it, and no request can
 * ever carry it. Usually a leftover of a renamed path.
 */
export const routePathParamUnusedRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'An `in: path` parameter is not in the path template.',
  selects: { filters: [HAS_UNUSED_PARAM] },
  check(ctx) {
    const out: Diagnostic[] = [];
    // A parameter of the path item is unused by all its operations: one finding, on the first.
    const seen = new Set<string>();
    for (const route of ctx.routesWhere(HAS_UNUSED_PARAM)) {
      for (const param of route.params) {
        if (param.inTemplate || !param.declared) continue;
        if (param.pointer !== undefined) {
          if (seen.has(param.pointer)) continue;
          seen.add(param.pointer);
        }
        const sharedByPathItem = param.pointer?.startsWith(`${encodePointer(['paths', route.path, 'parameters'])}/`) === true;
        const onPath = sharedByPathItem ? ctx.group(BY_PATH, route.path) : [];
        const siblings = onPath.length > 0 ? onPath : [route];
        out.push({
          rule: ID,
          severity: 'error',
          message: sharedByPathItem
            ? `The path item ${pathLabel(ctx, siblings)} declares the path parameter \`${param.name}\` for all its operations, but \`${route.path}\` has no \`{${param.name}}\`.`
            : `${ctx.label(route)} declares the path parameter \`${param.name}\`, but its path has no \`{${param.name}}\`.`,
          target: paramTarget(ctx, route, param),
          ...(ctx.editable(route, param.pointer) ? { fixes: [{ title: `Remove the parameter \`${param.name}\``, intent: { op: 'removePathParam' as const, route: route.key, name: param.name } }] } : {}),
        });
      }
    }
    return out;
  },
};
