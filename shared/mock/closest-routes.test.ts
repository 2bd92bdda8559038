import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { closestRoutes, indexRoutePaths } from './closest-routes';

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
