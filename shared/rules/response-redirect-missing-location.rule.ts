import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { missingLocation } from './response-location';
import type { ResponseDigest } from './route-digest';
import { findHeader, isNumericStatus } from './rule-support';
import type { RouteFilter } from './route-selection';

const ID = 'response/redirect-missing-location';

function lacksLocation(response: ResponseDigest): boolean {
  if (!isNumericStatus(response.status) || !response.status.startsWith('3') || response.status === '304') return false;
  return !findHeader(response, 'Location')?.required;
}

const HAS_REDIRECT_WITHOUT_LOCATION: RouteFilter = { test: (route) => route.responses.some(lacksLocation) };

/**
 * A redirect without a required `Location` header: a client has nowhere to go, and the live mock
 * has nothing to send (DESIGN §6). 304 Not Modified is not a redirect; `3XX` ranges include it, so
 * only explicit codes are checked.
 */
export const responseRedirectMissingLocationRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'A 3xx redirect (other than 304) has no documented, required `Location` header.',
  selects: { filters: [HAS_REDIRECT_WITHOUT_LOCATION] },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of ctx.routesWhere(HAS_REDIRECT_WITHOUT_LOCATION)) {
      for (const response of route.responses) {
        if (!lacksLocation(response)) continue;
        out.push(missingLocation(ctx, ID, 'error', route, response, findHeader(response, 'Location'), 'a client following the redirect needs it'));
      }
    }
    return out;
  },
};
