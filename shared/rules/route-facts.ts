import { compileRoute, type RoutePattern } from '../matching/route-pattern';
import type { Route } from '../model/api-model';
import type { Profile } from '../profiles/profile';

/**
 * What a Validator keeps about one route between runs: everything here derives from the route's
 * digest (RouteDigest) under one profile, so it carries over to a re-read route with an equal
 * digest. `route`, `index` and the pattern's `route` and `order` are brought up to date each run.
 */
export class RouteFacts {
  /** 0-based declaration index in the run it was last part of. */
  index = -1;
  /** Its index in the run before, when it was part of that one too; -1 when it is new. */
  previousIndex = -1;
  /** Its pattern's `order` in the run before (its place in matching order), when kept. */
  previousOrder = -1;
  /** The run it was last part of. */
  seen = -1;
  /** The route's path as the matcher compiles it under the Validator's profile. */
  readonly pattern: RoutePattern;
  /** Per grouping the Validator keeps (by its number): the key and variant it was filed under. */
  private filed: (string | undefined)[] | undefined;
  /** For the `openapi` profile's order: 0 per literal segment, 1 per templated one. */
  private rankCache: number[] | undefined;

  constructor(
    public route: Route,
    profile: Profile,
  ) {
    this.pattern = compileRoute(route, 0, profile);
  }

  file(grouping: number, key: string | undefined, variant: string | undefined): void {
    const filed = (this.filed ??= []);
    filed[2 * grouping] = key;
    filed[2 * grouping + 1] = variant;
  }

  keyIn(grouping: number): string | undefined {
    return this.filed?.[2 * grouping];
  }

  variantIn(grouping: number): string | undefined {
    return this.filed?.[2 * grouping + 1];
  }

  get rank(): number[] {
    return (this.rankCache ??= this.route.path.split('/').map((s) => (s.includes('{') ? 1 : 0)));
  }
}
