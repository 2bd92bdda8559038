import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { routeTarget } from './rule-support';
import { exampleRequest, shadowingFindings } from './route-shadowing-support';

const ID = 'route/partially-shadowed';

/**
 * Some of a route's requests go to an earlier route whose paths cross its own (neither contains
 * the other: `/a/{x}/b` and `/a/c/{y}` share `/a/c/b`). A narrower route first (`/users/me` before
 * `/users/{id}`) is the intended order and is not reported.
 */
export const routePartiallyShadowedRule: Rule = {
  id: ID,
  severity: 'warning',
  description: 'Some requests this route could match go to an earlier route.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const s of shadowingFindings(ctx)) {
      if (s.kind !== 'partial') continue;
      const route = s.route.route;
      const by = s.by.route;
      out.push({
        rule: ID,
        severity: 'warning',
        message: `${ctx.label(by)} takes some requests of ${ctx.label(route)}, e.g. \`${exampleRequest(s)}\`${s.rejectsAfterMatching ? ` (answered 422 by #${ctx.index(by)})` : ''}.`,
        target: routeTarget(route),
        related: [routeTarget(by)],
      });
    }
    return out;
  },
};
