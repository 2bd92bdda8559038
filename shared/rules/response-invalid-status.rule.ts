import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { STATUS_PATTERN, responseTarget } from './rule-support';
import type { RouteFilter } from './route-selection';

const ID = 'response/invalid-status';

const HAS_INVALID_STATUS: RouteFilter = { test: (route) => route.responses.some((r) => !STATUS_PATTERN.test(r.status)) };

/**
 * A response key that is not a status: OpenAPI allows 100–599, the ranges `1XX`–`5XX` (uppercase X)
 * and `default`. Tools ignore or reject anything else, so that response is documented for no one.
 */
export const responseInvalidStatusRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'A response key is not a status code (100–599), a range `1XX`–`5XX`, or `default`.',
  selects: { filters: [HAS_INVALID_STATUS] },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of ctx.routesWhere(HAS_INVALID_STATUS)) {
      const statuses = new Set(route.responses.map((r) => r.status));
      for (const response of route.responses) {
        if (STATUS_PATTERN.test(response.status)) continue;
        const suggestion = suggest(response.status);
        const fixable = suggestion !== undefined && !statuses.has(suggestion) && ctx.editable(route, `${route.pointer}/responses`);
        out.push({
          rule: ID,
          severity: 'error',
          message: `${ctx.label(route)} has a response \`${response.status}\`, which is not a status code: use 100–599, a range such as \`2XX\`, or \`default\`${suggestion !== undefined ? ` (did you mean \`${suggestion}\`?)` : ''}.`,
          target: responseTarget(ctx, route, response),
          ...(fixable ? { fixes: [{ title: `Change it to \`${suggestion}\``, intent: { op: 'updateResponse' as const, route: route.key, status: response.status, newStatus: suggestion } }] } : {}),
        });
      }
    }
    return out;
  },
};

/** `2xx` → `2XX`, `Default` → `default`, ` 200` → `200`: spellings with one obvious meaning. */
function suggest(status: string): string | undefined {
  const trimmed = status.trim();
  for (const candidate of [trimmed, trimmed.toUpperCase(), trimmed.toLowerCase()]) {
    if (candidate !== status && STATUS_PATTERN.test(candidate)) return candidate;
  }
  return undefined;
}
