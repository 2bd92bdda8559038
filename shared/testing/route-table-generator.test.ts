import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import type { ProfileId } from '../model/x-routecraft';
import { toHarnessTable } from './harness-table';
import { generateCase, renderTable } from './route-table-generator';

const PROFILES: ProfileId[] = ['fastapi', 'django-modern-rest', 'express'];
const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
/** What each profile's framework can declare (a catch-all is `path` everywhere). */
const CONVERTORS: Record<string, string[]> = {
  fastapi: ['int', 'float', 'str', 'uuid', 'path'],
  'django-modern-rest': ['int', 'str', 'slug', 'uuid', 'path'],
  express: ['path'],
};

describe('generateCase', () => {
  test('is deterministic for a seed and profile, and differs between seeds', () => {
    expect(generateCase(7, 'fastapi')).toEqual(generateCase(7, 'fastapi'));
    expect(generateCase(7, 'fastapi').document).not.toBe(generateCase(8, 'fastapi').document);
  });

  test.each(PROFILES)('%s: documents Routecraft reads without a problem, shaped as the harnesses need', (profile) => {
    const wrong: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) wrong.push(what);
    };
    for (const seed of SEEDS) {
      const generated = generateCase(seed, profile);
      const { model, diagnostics } = openDocument(generated.document);
      check(diagnostics.length === 0, `seed ${seed}: ${diagnostics.map((d) => d.message).join('; ')}`);
      check(model.profile === profile, `seed ${seed}: profile ${model.profile}`);
      check(model.controllers.length >= 2 && model.controllers.length <= 4, `seed ${seed}: ${model.controllers.length} controllers`);
      check(generated.requests.length >= 10 && generated.requests.length <= 30, `seed ${seed}: ${generated.requests.length} requests`);

      // Controllers in tag order, each one's routes contiguous: how routers and includes order them.
      const order = model.routes.map((r) => model.controllers.findIndex((c) => c.name === r.controller));
      check(order.every((c, i) => i === 0 || c >= (order[i - 1] ?? 0)), `seed ${seed}: controllers interleave`);
      for (const [index] of model.controllers.entries()) {
        const count = order.filter((c) => c === index).length;
        check(count >= 1 && count <= 15, `seed ${seed}: controller #${index} has ${count} routes`);
      }
      for (const route of model.routes) {
        check(['200', '201', '204'].includes(route.defaultStatus ?? ''), `${route.key}: default ${route.defaultStatus}`);
        for (const param of route.params) {
          check(param.declared && param.inTemplate, `seed ${seed} ${route.key}: ${param.name} not declared`);
          if (param.convertor !== undefined) check(CONVERTORS[profile]?.includes(param.convertor) === true, `${route.key}: convertor ${param.convertor}`);
          // A catch-all is the last segment.
          if (param.convertor === 'path') check(route.path.endsWith(`{${param.name}}`), `${route.key}: catch-all not last`);
        }
      }
      for (const request of generated.requests) {
        // A valid request target: what node:http, h11 and WSGI servers accept as sent.
        check(/^\/[\x21-\x7e]*$/.test(request.path) && !/%(?![0-9A-Fa-f]{2})/.test(request.path), `seed ${seed}: request ${request.path}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('covers what the frameworks disagree on', () => {
    const documents = SEEDS.map((seed) => generateCase(seed, 'fastapi'));
    const text = documents.map((d) => d.document).join('\n');
    const paths = documents.flatMap((d) => d.requests.map((r) => `${r.method} ${r.path}`));
    for (const convertor of CONVERTORS['fastapi'] ?? []) expect(text).toContain(`x-routecraft-convertor: ${convertor}`);
    expect(text).toContain('x-routecraft-prefix: ""');
    expect(text).toContain('order:');
    for (const needle of ['HEAD ', 'OPTIONS ', '%2F', '%6D', '%20', '//', '/../', '?', '%0A']) {
      expect(paths.some((p) => p.includes(needle)), needle).toBe(true);
    }
    expect(paths.some((p) => /\/[A-Z]{2,}/.test(p)), 'an upper-cased literal').toBe(true);
  });
});

describe('toHarnessTable', () => {
  test('keeps declaration order, prefixes, an empty local path, params and default statuses', () => {
    const document = renderTable({
      title: 't',
      profile: 'fastapi',
      controllers: [
        { name: 'Users', prefix: '/users' },
        { name: 'Root', prefix: '' },
      ],
      routes: [
        { controller: 0, method: 'GET', localPath: '', params: [], defaultStatus: 200 },
        { controller: 0, method: 'GET', localPath: '/{id}', params: [{ name: 'id', type: 'integer', convertor: 'int' }], defaultStatus: 200 },
        { controller: 1, method: 'POST', localPath: '/users', params: [], defaultStatus: 201 },
        { controller: 1, method: 'GET', localPath: '/{rest}', params: [{ name: 'rest', type: 'string', convertor: 'path' }], defaultStatus: 204 },
      ],
    });
    const { model, diagnostics } = openDocument(document);
    expect(diagnostics).toEqual([]);
    expect(toHarnessTable(model)).toEqual([
      { id: 'GET /users', method: 'GET', controller: 'Users', prefix: '/users', localPath: '', fullPath: '/users', params: [], defaultStatus: 200 },
      { id: 'GET /users/{id}', method: 'GET', controller: 'Users', prefix: '/users', localPath: '/{id}', fullPath: '/users/{id}', params: [{ name: 'id', type: 'integer', convertor: 'int' }], defaultStatus: 200 },
      { id: 'POST /users', method: 'POST', controller: 'Root', prefix: '', localPath: '/users', fullPath: '/users', params: [], defaultStatus: 201 },
      { id: 'GET /{rest}', method: 'GET', controller: 'Root', prefix: '', localPath: '/{rest}', fullPath: '/{rest}', params: [{ name: 'rest', type: 'string', convertor: 'path' }], defaultStatus: 204 },
    ]);
    // `paths` groups GET and POST /users, so the document says the declaration order itself.
    expect(document).toContain('order:');
  });
});
