import type { HeaderSpec, PathParam, Route } from '../model/api-model';

/**
 * The part of a route that decides which routes a rule looks at (RouteFilter, RouteGrouping) and
 * how its path compiles for a profile. Everything the Validator keeps between runs is derived from
 * it, so a route re-read with an equal digest keeps it all; every other field a rule reads is read
 * afresh, from the current route, on the routes the filters select. A Route is a RouteDigest as it
 * is: filters and groupings are typed against this, so they cannot read what is not compared here.
 */
export interface RouteDigest {
  readonly key: string;
  readonly method: Route['method'];
  readonly path: string;
  readonly localPath: string;
  readonly controller: string | null;
  readonly operationId?: string | undefined;
  readonly defaultStatus: string | null;
  readonly defaultStatusExplicit: boolean;
  readonly params: readonly ParamDigest[];
  readonly responses: readonly ResponseDigest[];
}

export type ParamDigest = Readonly<Pick<PathParam, 'name' | 'type' | 'convertor' | 'inTemplate' | 'declared'>>;

export interface ResponseDigest {
  readonly status: string;
  /** Whether it declares a body, and how many media types: not what they are. */
  readonly content: { readonly length: number };
  readonly headers: readonly HeaderDigest[];
}

export type HeaderDigest = Readonly<Pick<HeaderSpec, 'name' | 'required'>>;

/** Field by field, every field of RouteDigest: called on every re-read route, so no allocation. */
export function sameDigest(a: RouteDigest, b: RouteDigest): boolean {
  if (a === b) return true;
  if (
    a.key !== b.key ||
    a.method !== b.method ||
    a.path !== b.path ||
    a.localPath !== b.localPath ||
    a.controller !== b.controller ||
    a.operationId !== b.operationId ||
    a.defaultStatus !== b.defaultStatus ||
    a.defaultStatusExplicit !== b.defaultStatusExplicit ||
    a.params.length !== b.params.length ||
    a.responses.length !== b.responses.length
  ) {
    return false;
  }
  for (let i = 0; i < a.params.length; i++) {
    const p = a.params[i] as ParamDigest;
    const q = b.params[i] as ParamDigest;
    if (p.name !== q.name || p.type !== q.type || p.convertor !== q.convertor || p.inTemplate !== q.inTemplate || p.declared !== q.declared) return false;
  }
  for (let i = 0; i < a.responses.length; i++) {
    const r = a.responses[i] as ResponseDigest;
    const s = b.responses[i] as ResponseDigest;
    if (r.status !== s.status || r.content.length !== s.content.length || r.headers.length !== s.headers.length) return false;
    for (let j = 0; j < r.headers.length; j++) {
      const h = r.headers[j] as HeaderDigest;
      const k = s.headers[j] as HeaderDigest;
      if (h.name !== k.name || h.required !== k.required) return false;
    }
  }
  return true;
}
