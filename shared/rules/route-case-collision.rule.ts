import type { Route } from '../model/api-model';
import type { Diagnostic } from '../model/diagnostic';
import type { Profile } from '../profiles/profile';
import { groupBy, templateShape, withoutTrailingSlash } from './path-shape';
import type { Rule, RuleContext } from './rule';
import { pathLabel, routeTarget } from './rule-support';
import type { RouteGrouping } from './route-selection';

const ID = 'route/case-collision';

/** The spelling compared: the template (names left out), without a trailing slash where the profile folds it. */
function spelling(path: string, profile: Profile): string {
  const s = templateShape(path);
  return profile.trailingSlash.kind === 'same-route' ? withoutTrailingSlash(s) : s;
}

/** One group per spelling up to case, which matters from two spellings on. */
const BY_FOLDED_SPELLING: RouteGrouping = { key: (r, profile) => spelling(r.path, profile).toLowerCase(), variant: (r, profile) => spelling(r.path, profile) };

/**
 * Paths equal but for letter case (`/users`, `/Users`). Express matches case-insensitively by
 * default, so there the later route of the same method is never reached (an error, per route);
 * Starlette, Django and OpenAPI tell them apart, which still surprises clients and breaks behind
 * case-folding proxies (a warning, per path). Differences only in parameter names or a trailing
 * slash belong to their own rules.
 */
export const routeCaseCollisionRule: Rule = {
  id: ID,
  severity: 'warning',
  description: 'Two paths differ only in letter case (`/users` and `/Users`).',
  selects: { groupings: [BY_FOLDED_SPELLING] },
  check(ctx) {
    const { profile } = ctx;
    // Routes of one path item share their shape: computed once per path.
    const shapes = new Map<string, string>();
    const shape = (r: Route) => {
      let s = shapes.get(r.path);
      if (s === undefined) shapes.set(r.path, (s = spelling(r.path, profile)));
      return s;
    };
    const out: Diagnostic[] = [];
    for (const group of ctx.groups(BY_FOLDED_SPELLING)) {
      const first = shape(group[0] as Route);
      if (group.every((r) => shape(r) === first)) continue;
      const spellings = groupBy(group, shape);
      const [firstForm, ...laterForms] = [...spellings.values()] as [Route[], ...Route[][]];
      for (const form of laterForms) out.push(...collisions(ctx, firstForm, form));
    }
    return out;
  },
};

function collisions(ctx: RuleContext, firstForm: Route[], form: Route[]): Diagnostic[] {
  const { profile } = ctx;
  const out: Diagnostic[] = [];
  const lost = profile.caseSensitive ? [] : form.filter((r) => firstForm.some((f) => f.method === r.method));
  for (const route of lost) {
    const twin = firstForm.find((f) => f.method === route.method) as Route;
    out.push({
      rule: ID,
      severity: 'error',
      message: `${ctx.label(route)} and ${ctx.label(twin)} differ only in letter case. ${profile.label} matches paths ignoring case, so #${ctx.index(twin)} answers both and #${ctx.index(route)} is never reached.`,
      target: routeTarget(route),
      related: [routeTarget(twin)],
    });
  }
  const rest = form.filter((r) => !lost.includes(r));
  const first = rest[0];
  if (!first) return out;
  const why = profile.caseSensitive
    ? `${profile.label} matches paths case-sensitively, so they are different paths, but clients and case-folding proxies easily confuse them.`
    : `${profile.label} matches paths ignoring case, so they are one path: spell it one way.`;
  out.push({
    rule: ID,
    severity: 'warning',
    message: `The paths ${pathLabel(ctx, rest)} and ${pathLabel(ctx, firstForm)} differ only in letter case. ${why}`,
    target: routeTarget(first),
    related: firstForm.map(routeTarget),
  });
  return out;
}
