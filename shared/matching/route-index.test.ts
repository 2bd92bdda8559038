import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { PROFILE_IDS } from '../model/x-routecraft';
import { getProfile } from '../profiles/profiles';
import { generateCase } from '../testing/route-table-generator';
import { compiledRoutes } from './compiled-routes';
import { RouteIndex } from './route-index';
import type { RoutePattern } from './route-pattern';

/** The dense route tables of the differential tests: catch-alls, convertors, case and slash variants. */
function tables(profileId: (typeof PROFILE_IDS)[number]) {
  return Array.from({ length: 20 }, (_, i) => compiledRoutes(openDocument(generateCase(i + 1, profileId).document, { fileName: 'a.yaml' }).model, getProfile(profileId)));
}

const orders = (list: readonly RoutePattern[]) => list.map((p) => p.order);

describe('RouteIndex', () => {
  for (const id of PROFILE_IDS) {
    test(`overlappedBy(p) holds every route whose overlapping() holds p (${id})`, () => {
      const missed: string[] = [];
      for (const { patterns, index } of tables(id)) {
        for (const p of patterns) {
          const back = new Set<RoutePattern>();
          index.overlappedBy(p, back);
          for (const r of patterns) if (index.overlapping(r).includes(p) && !back.has(r)) missed.push(`${r.route.key} finds ${p.route.key}`);
        }
      }
      expect(missed).toEqual([]);
    });
  }

  test('routes removed and added again give the answers of an index built at once', () => {
    for (const { patterns, index } of tables('fastapi')) {
      const kept = new RouteIndex(patterns, true);
      const odd = patterns.filter((_, i) => i % 2 === 1);
      for (const p of odd) kept.remove(p);
      for (const p of patterns) expect(orders(kept.overlapping(p))).toEqual(orders(index.overlapping(p).filter((r) => !odd.includes(r))));
      for (const p of odd) kept.add(p);
      for (const p of patterns) expect(orders(kept.overlapping(p))).toEqual(orders(index.overlapping(p)));
    }
  });

  test('overlapping(p, before) keeps the earlier routes only', () => {
    for (const { patterns, index } of tables('express')) {
      for (const p of patterns) expect(orders(index.overlapping(p, p.order))).toEqual(orders(index.overlapping(p).filter((r) => r.order < p.order)));
    }
  });
});
