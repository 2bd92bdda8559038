import type { ApiModel, Route } from '../model/api-model';
import type { Profile } from '../profiles/profile';
import { RouteIndex } from './route-index';
import { compileRoute, type RoutePattern } from './route-pattern';

/** Routes compiled for one profile: patterns in the order the framework tries them, and the index. */
export interface CompiledRoutes {
  profile: Profile;
  patterns: RoutePattern[];
  index: RouteIndex;
}

const cache = new WeakMap<ApiModel, Map<string, CompiledRoutes>>();

/** Compiled once per model and profile: the mock server calls this on every request. */
export function compiledRoutes(model: ApiModel, profile: Profile): CompiledRoutes {
  let byProfile = cache.get(model);
  if (!byProfile) cache.set(model, (byProfile = new Map()));
  let compiled = byProfile.get(profile.id);
  if (!compiled) {
    const ordered = profile.order === 'openapi' ? openApiOrder(model.routes) : model.routes;
    const patterns = ordered.map((r, i) => compileRoute(r, i, profile));
    compiled = { profile, patterns, index: new RouteIndex(patterns, profile.caseSensitive) };
    byProfile.set(profile.id, compiled);
  }
  return compiled;
}

/**
 * OpenAPI's rule: concrete paths are matched before templated ones. Segment by segment, a literal
 * sorts before a template; otherwise declaration order stays.
 */
function openApiOrder(routes: readonly Route[]): Route[] {
  const rank = (path: string) => path.split('/').map((s) => (s.includes('{') ? 1 : 0));
  return routes
    .map((r, i) => ({ r, i, k: rank(r.path) }))
    .sort((a, b) => {
      const n = Math.min(a.k.length, b.k.length);
      for (let j = 0; j < n; j++) if (a.k[j] !== b.k[j]) return (a.k[j] as number) - (b.k[j] as number);
      return a.i - b.i;
    })
    .map((x) => x.r);
}
