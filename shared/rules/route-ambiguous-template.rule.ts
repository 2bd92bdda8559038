import { compileRoute, samplesFor, type CompiledParam } from '../matching/route-pattern';
import type { Route } from '../model/api-model';
import type { Diagnostic } from '../model/diagnostic';
import type { Profile } from '../profiles/profile';
import { groupBy, templateShape } from './path-shape';
import type { Rule, RuleContext } from './rule';
import { routeTarget } from './rule-support';
import type { RouteGrouping } from './route-selection';

const ID = 'route/ambiguous-template';

/** Paths equal up to parameter names: one group per template, which matters from two paths on. */
const BY_TEMPLATE: RouteGrouping = { key: (r) => templateShape(r.path), variant: (r) => r.path };

/**
 * Paths equal up to parameter names (`/users/{id}`, `/users/{user_id}`). OpenAPI: "Templated paths
 * with the same hierarchy but different templated names MUST NOT exist as they are identical". With
 * the same method, a first-match framework never reaches the later route unless convertors keep
 * them apart; with different methods the framework is fine but the document is not, and moving the
 * operation into the other path item fixes it.
 */
export const routeAmbiguousTemplateRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'Two paths are the same template up to parameter names (`/users/{id}` and `/users/{user_id}`).',
  selects: { groupings: [BY_TEMPLATE] },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const group of ctx.groups(BY_TEMPLATE)) {
      const paths = [...new Set(group.map((r) => r.path))];
      if (paths.length < 2) continue;
      const handled = new Set<Route>();
      for (const same of groupBy(group, (r) => r.method).values()) {
        if (new Set(same.map((r) => r.path)).size < 2) continue;
        const [first, ...later] = same as [Route, ...Route[]];
        for (const route of later) {
          handled.add(route).add(first);
          if (route.path !== first.path) out.push(sameMethod(ctx, first, route));
        }
      }
      const home = paths[0] as string;
      const homeRoutes = group.filter((r) => r.path === home);
      const homeMethods = new Set(homeRoutes.map((r) => r.method));
      for (const route of group) {
        if (route.path === home || handled.has(route)) continue;
        const movable = !homeMethods.has(route.method) && ctx.editable(route);
        out.push({
          rule: ID,
          severity: 'warning',
          message: `${ctx.label(route)} is on \`${route.path}\`, which differs from \`${home}\` (${homeRoutes.map((r) => `#${ctx.index(r)}`).join(', ')}) only in parameter names: OpenAPI treats them as one path, so they belong in one path item.`,
          target: routeTarget(route),
          related: homeRoutes.map(routeTarget),
          ...(movable ? { fixes: [{ title: `Move ${route.method.toUpperCase()} into \`${home}\``, intent: { op: 'updateRoute' as const, route: route.key, path: home } }] } : {}),
        });
      }
    }
    return out;
  },
};

function sameMethod(ctx: RuleContext, first: Route, route: Route): Diagnostic {
  const apart = distinguishing(ctx.profile, first, route);
  const name = ctx.profile.label;
  const message = apart
    ? `${ctx.label(route)} and ${ctx.label(first)} differ only in parameter names. ${name} keeps them apart by their parameter types (${apart}), but OpenAPI treats them as the same path, so other tools see one operation twice.`
    : `${ctx.label(route)} and ${ctx.label(first)} differ only in parameter names: OpenAPI treats them as the same path, and ${ctx.profile.order === 'first-match' ? `${name} takes every request for them with #${ctx.index(first)}, so #${ctx.index(route)} is never reached` : 'which one answers a request is undefined'}.`;
  return { rule: ID, severity: apart ? 'warning' : 'error', message, target: routeTarget(route), related: [routeTarget(first)] };
}

/**
 * "`{file_id:int}` and `{name}`" when the later route still gets requests: at some position its
 * parameter accepts a value the earlier one's pattern rejects (the matcher's patterns and samples).
 * A broad parameter first (`{name}` before `{id:int}`) leaves the later route nothing.
 */
function distinguishing(profile: Profile, earlier: Route, later: Route): string | undefined {
  if (profile.order !== 'first-match') return undefined;
  const pa = compileRoute(earlier, 0, profile).params;
  const pb = compileRoute(later, 1, profile).params;
  for (let i = 0; i < pa.length && i < pb.length; i++) {
    const x = pa[i] as CompiledParam;
    const y = pb[i] as CompiledParam;
    if (x.pattern === y.pattern) continue;
    const taken = new RegExp(`^(?:${x.pattern})$`, profile.caseSensitive ? 's' : 'si');
    if (samplesFor(y.pattern).some((v) => !taken.test(v))) return `\`${show(x)}\` and \`${show(y)}\``;
  }
  return undefined;
}

function show(p: CompiledParam): string {
  if (p.param?.convertor) return `{${p.name}:${p.param.convertor}}`;
  return p.param && p.param.type !== 'string' ? `{${p.name}} (${p.param.type})` : `{${p.name}}`;
}
