import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import type { RouteDigest } from './route-digest';
import { STATUS_PATTERN, newResponse, routeTarget, statusClass } from './rule-support';
import type { RouteFilter } from './route-selection';

const ID = 'response/no-success';

const noSuccess = (route: RouteDigest) => !route.responses.some((r) => r.status === 'default' || statusClass(r.status) === '2' || statusClass(r.status) === '3');

const HAS_NO_SUCCESS: RouteFilter = { test: noSuccess };

/**
 * A route whose every documented answer is an error: clients have no success shape to code against,
 * and the mock cannot answer successfully. `default` counts as a possible success.
 */
export const responseNoSuccessRule: Rule = {
  id: ID,
  severity: 'warning',
  description: 'A route declares no 2xx or 3xx response (nor `2XX`, `3XX` or `default`).',
  selects: { filters: [HAS_NO_SUCCESS] },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of ctx.routesWhere(HAS_NO_SUCCESS)) {
      if (!noSuccess(route)) continue;
      const explicit = route.defaultStatusExplicit && route.defaultStatus !== null && STATUS_PATTERN.test(route.defaultStatus) ? route.defaultStatus : undefined;
      const status = explicit !== undefined && (statusClass(explicit) === '2' || statusClass(explicit) === '3') ? explicit : '200';
      const taken = route.responses.some((r) => r.status === status);
      const listed = route.responses.map((r) => r.status);
      out.push({
        rule: ID,
        severity: 'warning',
        message: listed.length > 0 ? `${ctx.label(route)} declares no success response (2xx or 3xx): only ${listed.join(', ')}.` : `${ctx.label(route)} declares no responses at all.`,
        target: routeTarget(route),
        ...(!taken && ctx.editable(route, `${route.pointer}/responses`) ? { fixes: [{ title: `Add a ${status} response`, intent: { op: 'addResponse' as const, route: route.key, status, response: newResponse(ctx, route, status) } }] } : {}),
      });
    }
    return out;
  },
};
