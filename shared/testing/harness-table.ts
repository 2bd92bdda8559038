import type { ApiModel } from '../model/api-model';

/**
 * A model's routes as the differential harnesses (differential/*_harness.py, express-harness.mjs)
 * read them: plain JSON, in declaration order, one entry per route.
 */
export interface HarnessRoute {
  /** The route key, `GET /api/users/{id}`: what a harness answers when this route's handler runs. */
  id: string;
  /** Upper case. */
  method: string;
  /** The controller (tag) name; '' for a route without one. */
  controller: string;
  /** The controller's router prefix, '' for none. */
  prefix: string;
  /**
   * The path below the prefix, exactly: `fullPath === prefix + localPath`. May be '' (a route on
   * the prefix itself, FastAPI's `@router.get("")`), as `Route.localPath` has it too.
   */
  localPath: string;
  fullPath: string;
  /** The template's params, in path order. `type`: integer, number, string, uuid, … */
  params: HarnessParam[];
  defaultStatus: number;
}

export interface HarnessParam {
  name: string;
  type: string;
  convertor: string | null;
}

export function toHarnessTable(model: ApiModel): HarnessRoute[] {
  const prefixes = new Map(model.controllers.map((c) => [c.name, c.prefix]));
  return model.routes.map((route) => {
    const prefix = route.controller !== null ? (prefixes.get(route.controller) ?? '') : '';
    if (!route.path.startsWith(prefix)) {
      throw new Error(`${route.key}: the path does not start with its controller's prefix ${JSON.stringify(prefix)}`);
    }
    const status = Number(route.defaultStatus);
    if (!Number.isInteger(status)) throw new Error(`${route.key}: no numeric default status (${String(route.defaultStatus)})`);
    return {
      id: route.key,
      method: route.method.toUpperCase(),
      controller: route.controller ?? '',
      prefix,
      localPath: route.path.slice(prefix.length),
      fullPath: route.path,
      params: route.params.filter((p) => p.inTemplate).map((p) => ({ name: p.name, type: p.type, convertor: p.convertor ?? null })),
      defaultStatus: status,
    };
  });
}
