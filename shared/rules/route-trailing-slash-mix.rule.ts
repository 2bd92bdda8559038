import type { Route } from '../model/api-model';
import type { Diagnostic } from '../model/diagnostic';
import type { Profile } from '../profiles/profile';
import { groupBy, hasTrailingSlash, withoutTrailingSlash } from './path-shape';
import type { Rule, RuleContext } from './rule';
import { pathLabel, plural, routeTarget } from './rule-support';
import { routeExists } from './route-groupings';
import type { RouteGrouping } from './route-selection';

const ID = 'route/trailing-slash-mix';

/** Both forms of one path: one group per path without its trailing slash, which matters from two forms on. */
const BY_SLASHLESS_PATH: RouteGrouping = { key: (r) => withoutTrailingSlash(r.path), variant: (r) => r.path };

/** The API's style: paths (`/` aside) with a trailing slash and without, counted by distinct path. */
const BY_SLASH_STYLE: RouteGrouping = { key: (r) => (r.path === '/' ? undefined : hasTrailingSlash(r.path) ? 'slash' : 'plain'), variant: (r) => r.path };

/**
 * `/users` and `/users/` are different paths to OpenAPI, but frameworks bridge them differently
 * (DESIGN §2): FastAPI redirects to the other form with 307, Express (non-strict) serves both with
 * one handler, Django's APPEND_SLASH adds a slash with 301 and never removes one. Both forms of one
 * path, or an API that mixes both styles, behave differently from what the document suggests.
 */
export const routeTrailingSlashMixRule: Rule = {
  id: ID,
  severity: 'warning',
  description: 'The API mixes paths with and without a trailing slash, or declares both forms of one path.',
  selects: { groupings: [BY_SLASHLESS_PATH, BY_SLASH_STYLE] },
  check(ctx) {
    const out: Diagnostic[] = [];
    const paired = new Set<string>();
    for (const group of ctx.groups(BY_SLASHLESS_PATH)) {
      const forms = [...new Set(group.map((r) => r.path))];
      if (forms.length < 2) continue;
      for (const p of forms) paired.add(p);
      const [earlier, ...later] = [...groupBy(group, (r) => r.path).values()] as [Route[], ...Route[][]];
      for (const form of later) out.push(...bothForms(ctx, earlier, form));
    }
    const slashed = ctx.variantCount(BY_SLASH_STYLE, 'slash');
    const plain = ctx.variantCount(BY_SLASH_STYLE, 'plain');
    if (slashed === 0 || plain === 0) return out;
    const minorityHasSlash = slashed <= plain;
    const majority = minorityHasSlash ? plain : slashed;
    // The minority's paths, each with its routes, in the order of their first route.
    for (const routes of groupBy(ctx.group(BY_SLASH_STYLE, minorityHasSlash ? 'slash' : 'plain'), (r) => r.path).values()) {
      const route = routes[0] as Route;
      if (route.path === '/' || paired.has(route.path) || hasTrailingSlash(route.path) !== minorityHasSlash) continue;
      const other = otherForm(route.path);
      const style = minorityHasSlash ? 'ends with a slash' : 'has no trailing slash';
      const subject = routes.length === 1 ? ctx.label(route) : `The path ${pathLabel(ctx, routes)}`;
      // A path item with several operations moves as a whole or not at all: moving one operation
      // would leave both forms declared.
      const fixable = routes.length === 1 && !routeExists(ctx, `${route.method.toUpperCase()} ${other}`) && ctx.editable(route);
      out.push({
        rule: ID,
        severity: ctx.profile.trailingSlash.kind === 'same-route' ? 'info' : 'warning',
        message: `${subject} ${style}, unlike ${plural(majority, 'other path')} of this API. ${otherFormBehaviour(ctx.profile, route.path)}`,
        target: routeTarget(route),
        ...(fixable ? { fixes: [{ title: `Change the path to \`${other}\``, intent: { op: 'updateRoute' as const, route: route.key, path: other } }] } : {}),
      });
    }
    return out;
  },
};

function otherForm(path: string): string {
  return hasTrailingSlash(path) ? withoutTrailingSlash(path) : `${path}/`;
}

/** What the profile's framework does with a request for the other form of `path`. */
function otherFormBehaviour(profile: Profile, path: string): string {
  const other = otherForm(path);
  const ts = profile.trailingSlash;
  if (ts.kind === 'same-route') return `${profile.label} (non-strict routing) serves \`${other}\` with the same handler.`;
  if (ts.kind === 'strict') return `Under the ${profile.label} profile a request for \`${other}\` gets 404.`;
  if (ts.appendOnly && !hasTrailingSlash(path)) return `${profile.label} answers \`${other}\` with 404: APPEND_SLASH only adds a slash, never removes one.`;
  return `${profile.label} answers \`${other}\` with a ${ts.status} redirect to \`${path}\`${ts.status === 301 ? ' (APPEND_SLASH)' : ''}.`;
}

/**
 * Both forms of one path. Express folds them into one route: a later route of the same method is
 * lost (an error, per route). Elsewhere they are two paths and the finding is per path.
 */
function bothForms(ctx: RuleContext, earlier: Route[], form: Route[]): Diagnostic[] {
  const { profile } = ctx;
  const ts = profile.trailingSlash;
  const name = profile.label;
  const out: Diagnostic[] = [];
  const lost = ts.kind === 'same-route' ? form.filter((r) => earlier.some((e) => e.method === r.method)) : [];
  for (const route of lost) {
    const twin = earlier.find((e) => e.method === route.method) as Route;
    out.push({
      rule: ID,
      severity: 'error',
      message: `${ctx.label(route)} and ${ctx.label(twin)} differ only by a trailing slash. ${name} (non-strict routing) treats them as one route: #${ctx.index(twin)} answers both and #${ctx.index(route)} is never reached.`,
      target: routeTarget(route),
      related: [routeTarget(twin)],
    });
  }
  const rest = form.filter((r) => !lost.includes(r));
  const first = rest[0];
  if (!first) return out;
  let why: string;
  if (ts.kind === 'same-route') why = `${name} (non-strict routing) treats them as one path; declare its operations on one form.`;
  else if (ts.kind === 'redirect') why = `${name} serves each form with its own routes and redirects (${ts.status}) only when a form has no route at all, so a client that adds or drops the slash reaches a different handler.`;
  else why = `They are different paths under the ${name} profile, but many clients and gateways treat them as one.`;
  out.push({ rule: ID, severity: 'warning', message: `The paths ${pathLabel(ctx, rest)} and ${pathLabel(ctx, earlier)} differ only by a trailing slash. ${why}`, target: routeTarget(first), related: earlier.map(routeTarget) });
  return out;
}
