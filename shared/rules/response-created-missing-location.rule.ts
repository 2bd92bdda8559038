import type { Diagnostic } from '../model/diagnostic';
import type { Rule } from './rule';
import { missingLocation } from './response-location';
import type { ResponseDigest } from './route-digest';
import { findHeader } from './rule-support';
import type { RouteFilter } from './route-selection';

const ID = 'response/created-missing-location';

const createdWithoutLocation = (response: ResponseDigest) => response.status === '201' && !findHeader(response, 'Location');

const HAS_CREATED_WITHOUT_LOCATION: RouteFilter = { test: (route) => route.method !== 'put' && route.method !== 'patch' && route.responses.some(createdWithoutLocation) };

/**
 * 201 Created without `Location`. RFC 9110 §15.3.2: without it the created resource is the target
 * URI — right for `PUT /users/{id}`, wrong for `POST /users`, whose target is the collection. So
 * PUT and PATCH (which create at their own URI) are left alone; a documented `Location`, required
 * or not, is enough here.
 */
export const responseCreatedMissingLocationRule: Rule = {
  id: ID,
  severity: 'warning',
  description: 'A 201 response (other than on PUT or PATCH) does not document a `Location` header.',
  selects: { filters: [HAS_CREATED_WITHOUT_LOCATION] },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of ctx.routesWhere(HAS_CREATED_WITHOUT_LOCATION)) {
      if (route.method === 'put' || route.method === 'patch') continue;
      for (const response of route.responses) {
        if (!createdWithoutLocation(response)) continue;
        out.push(missingLocation(ctx, ID, 'warning', route, response, undefined, 'clients cannot tell where the new resource is'));
      }
    }
    return out;
  },
};
