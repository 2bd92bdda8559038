import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Route } from '../model/api-model';
import { openDocument } from '../model/open-document';
import { closestRoutes, indexRoutePaths, type RoutePathEntry } from './closest-routes';

describe('closestRoutes', () => {
  const model = openDocument(`openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /health: {get: {}}
  /api/users: {get: {}, post: {}}
  /api/users/{id}: {get: {}, delete: {}}
  /api/items: {get: {}}
`).model;
  const entries = indexRoutePaths(model.routes);

  test('a typo, a case slip, a missing prefix: the intended route first, the method’s own first', () => {
    expect(closestRoutes(entries, '/api/user/7', 'DELETE', 2)).toEqual(['DELETE /api/users/{id}', 'GET /api/users/{id}']);
    expect(closestRoutes(entries, '/API/Users', 'POST', 2)).toEqual(['POST /api/users', 'GET /api/users']);
    expect(closestRoutes(entries, '/users/7', 'GET', 1)).toEqual(['GET /api/users/{id}']);
  });

  test('bounded: a very long path costs its first segments only', () => {
    const long = `/${'a/'.repeat(5000)}`;
    const started = performance.now();
    expect(closestRoutes(entries, long, 'GET')).toHaveLength(5);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

/** The plain statement of the ranking: every path scored in full, all sorted. */
function naiveClosest(entries: readonly RoutePathEntry[], path: string, method: string, limit: number): string[] {
  const segments = path.split('/').slice(1, 33);
  const charDistance = (a: string, b: string): number => {
    if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const cost = (r: string, s: string): number => {
    if (r === s) return 0;
    if (s.startsWith('{') && s.endsWith('}')) return 0.1;
    if (r.toLowerCase() === s.toLowerCase()) return 0.2;
    const longest = Math.max(r.length, s.length);
    return longest === 0 ? 0 : 0.3 + (0.7 * charDistance(r, s)) / longest;
  };
  const distance = (a: string[], b: string[]): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost(a[i - 1]!, b[j - 1]!));
    return d[a.length]![b.length]!;
  };
  const scored = entries.map((entry) => ({ entry, cost: distance(segments, entry.segments) }));
  scored.sort((a, b) => a.cost - b.cost || a.entry.path.length - b.entry.path.length);
  const upper = method.toUpperCase();
  return scored
    .flatMap(({ entry }) => [...entry.routes].sort((a, b) => Number(b.method.toUpperCase() === upper) - Number(a.method.toUpperCase() === upper)))
    .slice(0, limit)
    .map((r) => r.key);
}

test('the pruned ranking names exactly the routes the full ranking does, in the same order', () => {
  const segment = fc.constantFrom('api', 'API', 'v1', 'v2', 'users', 'user', 'items', 'me', '{id}', '{item_id}', 'a-b', '', 'usres');
  const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((s) => `/${s.join('/')}`);
  const method = fc.constantFrom('get', 'post', 'delete');
  fc.assert(
    fc.property(fc.array(fc.tuple(method, path), { minLength: 1, maxLength: 40 }), path, method, fc.integer({ min: 1, max: 6 }), (routes, request, m, limit) => {
      const entries = indexRoutePaths(routes.map(([verb, p]) => ({ method: verb, path: p, key: `${verb.toUpperCase()} ${p}` }) as Route));
      expect(closestRoutes(entries, request, m.toUpperCase(), limit)).toEqual(naiveClosest(entries, request, m.toUpperCase(), limit));
    }),
    { numRuns: 500 },
  );
});
