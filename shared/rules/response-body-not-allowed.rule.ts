import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import type { ResponseDigest, RouteDigest } from './route-digest';
import { refTarget, responseTarget, sharedNote, statusClass } from './rule-support';
import type { RouteFilter } from './route-selection';

const ID = 'response/body-not-allowed';

/** RFC 9110: no content in 1xx, 204, 205 and 304 responses, nor in any response to HEAD. */
const NO_BODY: Record<string, string> = {
  '204': 'a 204 No Content response has no body',
  '205': 'a 205 Reset Content response has no body',
  '304': 'a 304 Not Modified response has no body',
};

/** Why `response` of `route` may not have a body; undefined when it may (or has none). */
function noBodyReason(route: RouteDigest, response: ResponseDigest): string | undefined {
  if (response.content.length === 0) return undefined;
  return route.method === 'head' ? 'a response to HEAD has no body' : statusClass(response.status) === '1' ? 'an informational (1xx) response has no body' : NO_BODY[response.status];
}

const HAS_FORBIDDEN_BODY: RouteFilter = { test: (route) => route.responses.some((response) => noBodyReason(route, response) !== undefined) };

export const responseBodyNotAllowedRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'A response that cannot have a body (1xx, 204, 205, 304, or any response to HEAD) declares content.',
  selects: { filters: [HAS_FORBIDDEN_BODY] },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of ctx.routesWhere(HAS_FORBIDDEN_BODY)) {
      for (const response of route.responses) {
        const why = noBodyReason(route, response);
        if (!why) continue;
        const types = response.content.map((c) => `\`${c.mediaType}\``).join(', ');
        const fixable = response.ref === undefined && ctx.editable(route, `${response.pointer}/content`);
        const related = response.ref !== undefined ? refTarget(ctx.doc.source, response.ref) : undefined;
        out.push({
          rule: ID,
          severity: 'error',
          message: `The ${response.status} response of ${ctx.label(route)} declares a body (${types}), but ${why}: clients and the live mock send none.${sharedNote(response)}`,
          target: responseTarget(ctx, route, response),
          ...(related ? { related: [related] } : {}),
          ...(fixable ? { fixes: [{ title: `Remove the body of this ${response.status}`, intent: { op: 'removeResponseBody' as const, route: route.key, status: response.status } }] } : {}),
        });
      }
    }
    return out;
  },
};
