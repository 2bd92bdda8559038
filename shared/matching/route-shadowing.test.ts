import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { getProfile } from '../profiles/profiles';
import type { ProfileId } from '../model/x-routecraft';
import { analyzeShadowing } from './route-shadowing';

/** A document from a list of `METHOD /path` (params declared; `{id:int}` means an int convertor). */
function doc(routes: string[], types: Record<string, string> = {}): ReturnType<typeof openDocument> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const [method, raw] = r.split(' ') as [string, string];
    const params: unknown[] = [];
    const path = raw.replace(/\{([^}:]+)(?::([^}]+))?\}/g, (_m, name: string, conv?: string) => {
      const type = types[name] ?? (conv === 'int' ? 'integer' : 'string');
      params.push({ name, in: 'path', required: true, schema: { type }, ...(conv ? { 'x-routecraft-convertor': conv } : {}) });
      return `{${name}}`;
    });
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[method.toLowerCase()] = { ...(params.length ? { parameters: params } : {}), responses: { '200': { description: 'ok' } } };
  }
  const order = routes.map((r) => r.replace(/\{([^}:]+):[^}]+\}/g, '{$1}'));
  return openDocument(JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, 'x-routecraft': { order }, paths }), { fileName: 'a.json' });
}

function findings(routes: string[], profile: ProfileId = 'fastapi', types: Record<string, string> = {}) {
  const d = doc(routes, types);
  expect(d.diagnostics).toEqual([]);
  return analyzeShadowing(d.model, getProfile(profile)).map((s) => `${s.route.route.key} <- ${s.by.route.key}: ${s.kind} e.g. ${s.example}${s.rejectsAfterMatching ? ' (422)' : ''}`);
}

describe('route shadowing', () => {
  test('FastAPI: an int annotation takes /users/me (and answers 422); a convertor does not', () => {
    expect(findings(['GET /users/{user_id}', 'GET /users/me'], 'fastapi', { user_id: 'integer' })).toEqual(['GET /users/me <- GET /users/{user_id}: full e.g. /users/me (422)']);
    expect(findings(['GET /users/{user_id:int}', 'GET /users/me'])).toEqual([]);
    expect(findings(['GET /users/me', 'GET /users/{user_id}'])).toEqual([]);
  });

  test('only the same method competes (per-route frameworks); any method under Django views', () => {
    expect(findings(['POST /users/{id}', 'GET /users/me'])).toEqual([]);
    expect(findings(['POST /users/{id}', 'GET /users/me'], 'django-modern-rest')).toEqual(['GET /users/me <- POST /users/{id}: full e.g. /users/me']);
  });

  test('partial: crossing routes share some requests; narrower-first is the intended order', () => {
    expect(findings(['GET /a/{x}/b', 'GET /a/c/{y}'])).toEqual(['GET /a/c/{y} <- GET /a/{x}/b: partial e.g. /a/c/b']);
    expect(findings(['GET /files/{id:int}', 'GET /files/{name}'])).toEqual([]);
  });

  test('catch-alls take everything below them', () => {
    expect(findings(['GET /static/{rest:path}', 'GET /static/css/app.css'])).toEqual(['GET /static/css/app.css <- GET /static/{rest}: full e.g. /static/css/app.css']);
    expect(findings(['GET /static/{rest:path}', 'GET /static'])).toEqual([]);
    expect(findings(['GET /a/b', 'GET /a/{rest:path}'])).toEqual([]);
  });

  test('Express ignores case and treats HEAD as GET', () => {
    expect(findings(['GET /Users', 'GET /users'], 'express')).toEqual(['GET /users <- GET /Users: full e.g. /users']);
    expect(findings(['GET /Users', 'GET /users'], 'fastapi')).toEqual([]);
    expect(findings(['GET /x', 'HEAD /x'], 'express')).toEqual(['HEAD /x <- GET /x: full e.g. /x']);
  });

  test('exact duplicates shadow fully', () => {
    expect(findings(['GET /a/{x}', 'GET /a/{y}'])).toEqual(['GET /a/{y} <- GET /a/{x}: full e.g. /a/me']);
  });
});
