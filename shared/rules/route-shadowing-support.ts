import type { Shadowing } from '../matching/route-shadowing';
import { templateShape } from './path-shape';
import type { RuleContext } from './rule';

/**
 * The shadowing findings the two shadowing rules report. Pairs other rules already explain are left
 * to them: paths equal up to parameter names (route/ambiguous-template), or up to letter case or a
 * trailing slash (route/case-collision, route/trailing-slash-mix), and routes swallowed by an earlier
 * catch-all (route/catch-all-not-last names them all on the catch-all).
 */
export function shadowingFindings(ctx: RuleContext): Shadowing[] {
  return ctx.shadowing().filter((s) => {
    if (s.by.rest) return false;
    const a = normalise(s.route.route.path);
    const b = normalise(s.by.route.path);
    return a !== b;
  });
}

function normalise(path: string): string {
  return templateShape(path).toLowerCase().replace(/\/+$/, '') || '/';
}

/** `GET /users/me`: the example request a message shows. */
export function exampleRequest(s: Shadowing): string {
  return `${s.route.method} ${s.example}`;
}
