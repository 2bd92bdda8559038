import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { routeTarget } from './rule-support';
import { exampleRequest, shadowingFindings } from './route-shadowing-support';

const ID = 'route/shadowed';

/**
 * A route no request can reach: an earlier route takes every request it could match, under the
 * framework's own matching (the one matcher, DESIGN §3) — type-aware: under `{user_id:int}` the
 * literal `/users/me` is reachable; under an `int` annotation FastAPI takes it and answers 422.
 */
export const routeShadowedRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'An earlier route takes every request this route could match, so it is never reached.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const s of shadowingFindings(ctx)) {
      if (s.kind !== 'full') continue;
      const route = s.route.route;
      const by = s.by.route;
      const how = s.rejectsAfterMatching
        ? ` ${ctx.profile.label} matches \`${by.path}\` first and then rejects the value: \`${exampleRequest(s)}\` gets 422 from #${ctx.index(by)}.`
        : ` \`${exampleRequest(s)}\` goes to #${ctx.index(by)}.`;
      const move = ctx.editable(route);
      out.push({
        rule: ID,
        severity: 'error',
        message: `${ctx.label(by)} takes every request of ${ctx.label(route)}; move #${ctx.index(route)} above #${ctx.index(by)}.${how}`,
        target: routeTarget(route),
        related: [routeTarget(by)],
        ...(move ? { fixes: [{ title: `Move ${route.key} above ${by.key}`, intent: { op: 'moveRoute' as const, route: route.key, to: ctx.index(by) - 1 } }] } : {}),
      });
    }
    return out;
  },
};
