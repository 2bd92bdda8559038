import type { ApiModel } from '../model/api-model';
import type { Profile } from '../profiles/profile';
import type { MatchRequest, MatchResult } from './match-types';

/**
 * The one matcher (DESIGN §3): what `profile`'s framework does with `request` given the model's
 * routes in declaration order. Rules, `routecraft probe` and the mock server all call this.
 */
export function matchRequest(_model: ApiModel, _profile: Profile, _request: MatchRequest): MatchResult {
  throw new Error('matchRequest: not implemented yet');
}
