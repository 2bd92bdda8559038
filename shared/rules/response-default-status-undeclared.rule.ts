import type { Diagnostic, Fix } from '../model/diagnostic';
import { X_DEFAULT_STATUS } from '../model/x-routecraft';
import type { Rule } from './rule';
import type { RouteDigest } from './route-digest';
import { STATUS_PATTERN, fieldTarget, newResponse, statusClass } from './rule-support';
import type { RouteFilter } from './route-selection';

const ID = 'response/default-status-undeclared';

/** An explicit default status that no response declares, exactly or by its range. */
function undeclaredDefault(route: RouteDigest): boolean {
  const status = route.defaultStatus;
  if (!route.defaultStatusExplicit || status === null) return false;
  const cls = statusClass(status);
  return !route.responses.some((r) => r.status === status || (cls !== undefined && r.status === `${cls}XX`));
}

const HAS_UNDECLARED_DEFAULT: RouteFilter = { test: undeclaredDefault };

/**
 * `x-routecraft-default-status` names the status the handler returns (FastAPI's `status_code=`).
 * When no response declares it — exactly or by its range — the main answer of the route is
 * undocumented, and the live mock answers with a status the document does not describe.
 */
export const responseDefaultStatusUndeclaredRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'The explicit `x-routecraft-default-status` is not one of the declared responses.',
  selects: { filters: [HAS_UNDECLARED_DEFAULT] },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of ctx.routesWhere(HAS_UNDECLARED_DEFAULT)) {
      const status = route.defaultStatus;
      if (status === null || !undeclaredDefault(route)) continue;
      const fixes: Fix[] = [];
      if (ctx.editable(route, `${route.pointer}/responses`)) {
        if (STATUS_PATTERN.test(status)) fixes.push({ title: `Add a ${status} response`, intent: { op: 'addResponse', route: route.key, status, response: newResponse(ctx, route, status) } });
        fixes.push({ title: `Remove \`${X_DEFAULT_STATUS}\``, intent: { op: 'setDefaultStatus', route: route.key, status: null } });
      }
      out.push({
        rule: ID,
        severity: 'error',
        message: `${ctx.label(route)} returns ${status} by default (\`${X_DEFAULT_STATUS}\`), but declares no ${status} response.`,
        target: fieldTarget(ctx.doc.source, route, X_DEFAULT_STATUS),
        ...(fixes.length > 0 ? { fixes } : {}),
      });
    }
    return out;
  },
};
