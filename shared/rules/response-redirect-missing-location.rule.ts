import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { missingLocation } from './response-location';
import { findHeader, isNumericStatus } from './rule-support';

const ID = 'response/redirect-missing-location';

/**
 * A redirect without a required `Location` header: a client has nowhere to go, and the live mock
 * has nothing to send (DESIGN §6). 304 Not Modified is not a redirect; `3XX` ranges include it, so
 * only explicit codes are checked.
 */
export const responseRedirectMissingLocationRule: Rule = {
  id: ID,
  severity: 'error',
  description: 'A 3xx redirect (other than 304) has no documented, required `Location` header.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of ctx.model.routes) {
      for (const response of route.responses) {
        if (!isNumericStatus(response.status) || !response.status.startsWith('3') || response.status === '304') continue;
        const header = findHeader(response, 'Location');
        if (header?.required) continue;
        out.push(missingLocation(ctx, ID, 'error', route, response, header, 'a client following the redirect needs it'));
      }
    }
    return out;
  },
};
