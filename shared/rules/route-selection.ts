import type { Profile } from '../profiles/profile';
import type { RouteDigest } from './route-digest';

/**
 * The routes a rule may report on: a pure function of the route's digest (and the profile) that is
 * true at least for every route the rule has a finding on. The Validator keeps the selected routes
 * across edits and hands a rule only those; a full run (`runRules`) hands it every route, so a rule
 * still checks everything it reports, and the property test (validator.property.test.ts) finds a
 * filter that leaves out a route with a finding. Compared by identity: declare one constant each.
 */
export interface RouteFilter {
  readonly test: (route: RouteDigest, profile: Profile) => boolean;
}

/**
 * Routes that rules compare with each other, grouped by `key` (undefined: in no group). A group
 * matters from two routes on, or with `variant`, from two distinct variants on (two spellings of
 * one path): the Validator keeps the groups across edits and hands a rule only the groups that
 * matter. Like filters, pure functions of the digest, and compared by identity.
 */
export interface RouteGrouping {
  readonly key: (route: RouteDigest, profile: Profile) => string | undefined;
  readonly variant?: (route: RouteDigest, profile: Profile) => string;
}
