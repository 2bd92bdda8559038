import type { RouteGrouping } from './route-selection';

/** Routes by key: `ctx.group(BY_KEY, key).length > 0` says whether a route exists. */
export const BY_KEY: RouteGrouping = { key: (r) => r.key };

/** Routes by path: the operations of one path item. */
export const BY_PATH: RouteGrouping = { key: (r) => r.path };

/** Whether the document declares the route `key` (`GET /users`). */
export function routeExists(ctx: { group: (grouping: RouteGrouping, key: string) => readonly unknown[] }, key: string): boolean {
  return ctx.group(BY_KEY, key).length > 0;
}
