import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { getProfile } from '../profiles/profiles';
import { matchRequest } from './match-request';

const model = openDocument(fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8'), { fileName: 'users-api.yaml' }).model;

function probe(profile: Parameters<typeof getProfile>[0], method: string, path: string) {
  const r = matchRequest(model, getProfile(profile), { method, path });
  return { status: r.status, route: r.route?.key ?? null, location: r.location, allow: r.allow };
}

describe('fastapi', () => {
  test('an int annotation matches any segment and then fails validation: /api/users/me gets 422 from #3', () => {
    expect(probe('fastapi', 'GET', '/api/users/me')).toEqual({ status: 422, route: 'GET /api/users/{user_id}', location: null, allow: null });
    expect(probe('fastapi', 'GET', '/api/users/42')).toEqual({ status: 200, route: 'GET /api/users/{user_id}', location: null, allow: null });
    expect(probe('fastapi', 'DELETE', '/api/users/42')).toMatchObject({ status: 204, route: 'DELETE /api/users/{user_id}' });
  });

  test('wrong method: 405 with the Allow of the first route whose path matches', () => {
    expect(probe('fastapi', 'PUT', '/api/users')).toEqual({ status: 405, route: 'GET /api/users', location: null, allow: 'GET' });
    expect(probe('fastapi', 'HEAD', '/health')).toMatchObject({ status: 405, allow: 'GET' });
  });

  test('trailing slash: 307 to the other form, query kept; unknown paths 404', () => {
    expect(probe('fastapi', 'GET', '/api/users/?page=2')).toEqual({ status: 307, route: null, location: '/api/users?page=2', allow: null });
    expect(probe('fastapi', 'GET', '/nope')).toEqual({ status: 404, route: null, location: null, allow: null });
    expect(probe('fastapi', 'GET', '/API/users')).toMatchObject({ status: 404 });
  });

  test('percent-encoding is decoded before matching', () => {
    expect(probe('fastapi', 'GET', '/api/users/%6De')).toMatchObject({ status: 422, route: 'GET /api/users/{user_id}' });
    expect(probe('fastapi', 'GET', '/health%2F')).toMatchObject({ status: 307, location: '/health' });
  });

  test('the trace says which routes were tried and why', () => {
    const r = matchRequest(model, getProfile('fastapi'), { method: 'POST', path: '/api/users/7' });
    expect(r.trace.map((t) => [t.index, t.outcome])).toEqual([
      [3, 'method-mismatch'],
      [4, 'method-mismatch'],
    ]);
    expect(r.status).toBe(405);
  });
});

describe('express', () => {
  test('case-insensitive, non-strict slashes, HEAD runs GET, wrong method falls through to 404', () => {
    expect(probe('express', 'GET', '/API/Users/')).toMatchObject({ status: 200, route: 'GET /api/users' });
    expect(probe('express', 'HEAD', '/health')).toMatchObject({ status: 200, route: 'GET /health' });
    expect(probe('express', 'PUT', '/api/users')).toMatchObject({ status: 404, allow: null });
    expect(probe('express', 'GET', '/api/users/me')).toMatchObject({ status: 200, route: 'GET /api/users/{user_id}' });
  });
});

describe('django-modern-rest', () => {
  test('a parameter without a convertor is <str:…> and validated after: 422; APPEND_SLASH only appends', () => {
    expect(probe('django-modern-rest', 'GET', '/api/users/me')).toMatchObject({ status: 422, route: 'GET /api/users/{user_id}' });
    expect(probe('django-modern-rest', 'GET', '/api/users/me/')).toMatchObject({ status: 404 });
    expect(probe('django-modern-rest', 'GET', '/health/')).toMatchObject({ status: 404 });
    expect(probe('django-modern-rest', 'PUT', '/api/users/7')).toEqual({ status: 405, route: null, location: null, allow: 'GET, DELETE, HEAD, OPTIONS' });
  });
});
