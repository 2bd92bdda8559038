import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { applyIntent } from './apply-intent';
import type { EditIntent } from './edit-intent';
import { changedLines } from '../testing/changed-lines';
import { applyEdits } from './text-edit';

const yaml = fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8');
const json = fs.readFileSync('fixtures/openapi/users-api.json', 'utf8');


function run(text: string, intent: EditIntent, fileName = 'api.yaml') {
  const doc = openDocument(text, { fileName });
  expect(doc.diagnostics).toEqual([]);
  const result = applyIntent(doc, intent);
  const after = applyEdits(text, result.edits);
  expect(result.document.source.text).toBe(after);
  // The model read from the edited text is the model the document carries.
  expect(openDocument(after, { fileName }).model).toEqual(result.document.model);
  expect(result.document.diagnostics).toEqual([]);
  // Undo restores the original bytes.
  expect(applyEdits(after, result.inverse)).toBe(text);
  return { after, model: result.document.model, diff: changedLines(text, after) };
}

describe('routes (YAML)', () => {
  test('duplicate a route: the whole operation at a free path, right after it, with a new operationId', () => {
    const before = openDocument(yaml, { fileName: 'api.yaml' }).model;
    const original = before.routes.find((r) => r.key === 'GET /api/users/{user_id}');
    expect(original).toBeDefined();
    const { model } = run(yaml, { op: 'duplicateRoute', route: 'GET /api/users/{user_id}' });
    const at = model.routes.findIndex((r) => r.key === 'GET /api/users/{user_id}-copy');
    expect(at).toBe(before.routes.indexOf(original as never) + 1);
    const copy = model.routes[at];
    expect(copy?.responses.map((r) => r.status)).toEqual(original?.responses.map((r) => r.status));
    expect(copy?.controller).toBe(original?.controller);
    if (original?.operationId) expect(copy?.operationId).toBe(`${original.operationId}_copy`);
    // A second copy takes the next free path.
    const again = applyIntent(openDocument(applyEdits(yaml, applyIntent(openDocument(yaml), { op: 'duplicateRoute', route: 'GET /api/users/{user_id}' }).edits)), { op: 'duplicateRoute', route: 'GET /api/users/{user_id}' });
    expect(again.document.model.routes.some((r) => r.key === 'GET /api/users/{user_id}-copy-2')).toBe(true);
  });

  test('move a route into another controller by dragging: its tag changes with its place', () => {
    const { model } = run(yaml, { op: 'moveRoute', route: 'GET /health', to: 0, controller: 'Users' });
    expect(model.routes[0]?.key).toBe('GET /health');
    expect(model.routes[0]?.controller).toBe('Users');
  });

  test('add a route to a controller: a new path item and nothing else', () => {
    const { model, diff } = run(yaml, { op: 'addRoute', method: 'get', path: '/api/users/{user_id}/posts', controller: 'Users', operationId: 'list_posts' });
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([
      '  /api/users/{user_id}/posts:',
      '    get:',
      '      tags:',
      '        - Users',
      '      operationId: list_posts',
      '      parameters:',
      '        - name: user_id',
      '          in: path',
      '          required: true',
      '          schema:',
      '            type: string',
      '      responses:',
      "        '200':",
      '          description: Successful Response',
    ]);
    expect(model.routes.map((r) => r.key)).toEqual(['GET /api/users', 'POST /api/users', 'GET /api/users/{user_id}', 'DELETE /api/users/{user_id}', 'GET /api/users/me', 'GET /api/users/{user_id}/posts', 'GET /health']);
    expect(model.orderSource).toBe('paths');
  });

  test('add a route at a position paths order cannot give writes the order list', () => {
    const { model, diff } = run(yaml, { op: 'addRoute', method: 'put', path: '/api/users/me', controller: 'Users', index: 0 });
    expect(model.routes[0]?.key).toBe('PUT /api/users/me');
    expect(model.orderSource).toBe('x-routecraft');
    expect(diff.removed).toEqual([]);
    expect(diff.added).toContain('  order:');
    expect(diff.added).toContain('    - PUT /api/users/me');
  });

  test('move a route: GET /api/users/me above GET /api/users/{user_id}', () => {
    const { model, diff, after } = run(yaml, { op: 'moveRoute', route: 'GET /api/users/me', to: 2 });
    expect(model.routes.map((r) => r.key)).toEqual(['GET /api/users', 'POST /api/users', 'GET /api/users/me', 'GET /api/users/{user_id}', 'DELETE /api/users/{user_id}', 'GET /health']);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(['  order:', '    - GET /api/users', '    - POST /api/users', '    - GET /api/users/me', '    - GET /api/users/{user_id}', '    - DELETE /api/users/{user_id}', '    - GET /health']);
    // Moving it back removes the list again: the file is exactly as before.
    const back = applyIntent(openDocument(after, { fileName: 'a.yaml' }), { op: 'moveRoute', route: 'GET /api/users/me', to: 4 });
    expect(applyEdits(after, back.edits)).toBe(yaml);
  });

  test('a second move changes two lines of the list', () => {
    const first = run(yaml, { op: 'moveRoute', route: 'GET /api/users/me', to: 2 });
    const second = run(first.after, { op: 'moveRoute', route: 'GET /health', to: 0 });
    expect(second.diff).toEqual({ removed: ['    - GET /health'], added: ['    - GET /health'] });
    expect(second.model.routes[0]?.key).toBe('GET /health');
  });

  test('rename a route path: the key changes, comments and parameters stay', () => {
    const { diff, model } = run(yaml, { op: 'updateRoute', route: 'GET /api/users/me', path: '/api/users/self' });
    expect(diff).toEqual({ removed: ['  /api/users/me:'], added: ['  /api/users/self:'] });
    expect(model.routes.find((r) => r.operationId === 'get_me')?.key).toBe('GET /api/users/self');
  });

  test('renaming a template parameter renames its declaration', () => {
    const { model, after } = run(yaml, { op: 'updateRoute', route: 'GET /api/users/{user_id}', path: '/api/users/{id}' });
    // Two operations share the path item, so GET moves to a path item of its own, carrying its
    // text (comments and examples included) and the path-level parameter, renamed.
    const moved = model.routes.find((r) => r.key === 'GET /api/users/{id}');
    expect(moved?.params).toMatchObject([{ name: 'id', declared: true, type: 'integer' }]);
    expect(model.routes.find((r) => r.key === 'DELETE /api/users/{user_id}')?.params).toMatchObject([{ name: 'user_id', declared: true }]);
    expect(after).toContain("                  value: {id: 1, name: Ada Lovelace}\n        '404':\n          $ref: '#/components/responses/NotFound'");
  });

  test('change the method', () => {
    const { diff } = run(yaml, { op: 'updateRoute', route: 'DELETE /api/users/{user_id}', method: 'patch' });
    expect(diff).toEqual({ removed: ['    delete:'], added: ['    patch:'] });
  });

  test('set summary, deprecate, and remove the operationId', () => {
    const { diff } = run(yaml, { op: 'updateRoute', route: 'GET /health', summary: 'Liveness', deprecated: true, operationId: null });
    expect(diff.removed).toEqual(['      operationId: health']);
    expect(diff.added).toEqual(['      summary: Liveness', '      deprecated: true']);
  });

  test('delete a route that shares its path item', () => {
    const { diff } = run(yaml, { op: 'deleteRoute', route: 'DELETE /api/users/{user_id}' });
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual(['    delete:', '      tags: [Users]', '      operationId: delete_user', '      x-routecraft-default-status: 204', '      responses:', "        '204':", '          description: Deleted.']);
  });

  test('delete the last route of a path item removes the path item', () => {
    const { diff } = run(yaml, { op: 'deleteRoute', route: 'GET /health' });
    expect(diff.removed[0]).toBe('  /health:');
    expect(diff.added).toEqual([]);
  });

  test('move a route to another controller', () => {
    const { diff, model } = run(yaml, { op: 'updateRoute', route: 'GET /health', controller: 'Users' });
    expect(diff).toEqual({ removed: ['      tags: [Health]'], added: ['      tags: [Users]'] });
    expect(model.routes.find((r) => r.key === 'GET /health')?.controller).toBe('Users');
  });

  test('existing routes and bad paths are refused with a message', () => {
    const doc = openDocument(yaml, { fileName: 'a.yaml' });
    expect(() => applyIntent(doc, { op: 'addRoute', method: 'get', path: '/api/users' })).toThrow('GET /api/users already exists.');
    expect(() => applyIntent(doc, { op: 'addRoute', method: 'get', path: 'users' })).toThrow('A path starts with "/"');
    expect(() => applyIntent(doc, { op: 'deleteRoute', route: 'GET /nope' })).toThrow('There is no route GET /nope.');
  });
});

describe('responses (YAML)', () => {
  test('add a 302 in status order', () => {
    const { diff } = run(yaml, { op: 'addResponse', route: 'GET /api/users/me', status: '302', response: { description: 'Elsewhere', headers: { Location: { required: true, schema: { type: 'string' } } } } });
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(["        '302':", '          description: Elsewhere', '          headers:', '            Location:', '              required: true', '              schema:', '                type: string']);
  });

  test('change a status code keeps the explicit default in step', () => {
    const { diff, model } = run(yaml, { op: 'updateResponse', route: 'DELETE /api/users/{user_id}', status: '204', newStatus: '200' });
    expect(diff).toEqual({ removed: ['      x-routecraft-default-status: 204', "        '204':"], added: ['      x-routecraft-default-status: 200', "        '200':"] });
    expect(model.routes.find((r) => r.key === 'DELETE /api/users/{user_id}')?.defaultStatus).toBe('200');
  });

  test('header table edits change one line each', () => {
    expect(run(yaml, { op: 'setHeader', route: 'POST /api/users', status: '201', name: 'Location', header: { required: false } }).diff).toEqual({ removed: ['              required: true'], added: ['              required: false'] });
    expect(run(yaml, { op: 'renameHeader', route: 'POST /api/users', status: '201', name: 'Location', newName: 'Content-Location' }).diff).toEqual({ removed: ['            Location:'], added: ['            Content-Location:'] });
    const removed = run(yaml, { op: 'removeHeader', route: 'POST /api/users', status: '201', name: 'Location' });
    expect(removed.diff.added).toEqual([]);
    expect(removed.diff.removed[0]).toBe('          headers:');
  });

  test('body schema, examples, default status', () => {
    expect(run(yaml, { op: 'setResponseBody', route: 'GET /api/users/me', status: '200', mediaType: 'application/json', schema: { $ref: '#/components/schemas/User' } }).diff.added).toEqual([
      '          content:',
      '            application/json:',
      '              schema:',
      "                $ref: '#/components/schemas/User'",
    ]);
    expect(run(yaml, { op: 'setExample', route: 'GET /api/users/{user_id}', status: '200', mediaType: 'application/json', name: 'ada', value: { id: 2, name: 'Ada' } }).diff).toEqual({
      removed: ['                  value: {id: 1, name: Ada Lovelace}'],
      added: ['                  value: {id: 2, name: Ada}'],
    });
    expect(run(yaml, { op: 'setDefaultStatus', route: 'POST /api/users', status: '201' }).diff.added).toEqual(['      x-routecraft-default-status: 201']);
    expect(run(yaml, { op: 'removeResponseBody', route: 'GET /health', status: '200' }).diff.removed).toEqual(['          content:', '            text/plain:', '              example: ok']);
  });

  test('shared responses are refused with where to edit them', () => {
    const doc = openDocument(yaml, { fileName: 'a.yaml' });
    expect(() => applyIntent(doc, { op: 'setHeader', route: 'GET /api/users/{user_id}', status: '404', name: 'X', header: {} })).toThrow('#/components/responses/NotFound');
  });
});

describe('controllers (YAML)', () => {
  test('add a controller', () => {
    const { diff, model } = run(yaml, { op: 'addController', name: 'Posts', prefix: '/api' });
    expect(diff).toEqual({ removed: [], added: ['  - name: Posts', '    x-routecraft-prefix: /api'] });
    expect(model.controllers.map((c) => c.name)).toEqual(['Users', 'Health', 'Posts']);
  });

  test('rename a controller renames its tag everywhere', () => {
    const { model, diff } = run(yaml, { op: 'updateController', name: 'Users', rename: 'People' });
    expect(diff.removed).toEqual(['  - name: Users', '      tags: [Users]', '      tags: [Users]', '      tags: [Users]', '      tags: [Users]', '      tags: [Users]']);
    expect(model.routes.filter((r) => r.controller === 'People')).toHaveLength(5);
  });

  test('change a prefix moves the routes with it', () => {
    const { model } = run(yaml, { op: 'updateController', name: 'Users', prefix: '/v2' });
    expect(model.routes.map((r) => r.key)).toEqual(['GET /v2/users', 'POST /v2/users', 'GET /v2/users/{user_id}', 'DELETE /v2/users/{user_id}', 'GET /v2/users/me', 'GET /health']);
    expect(model.controllers[0]).toMatchObject({ name: 'Users', prefix: '/v2' });
  });

  test('a prefix change that would give two of its routes one URL is refused, and says which', () => {
    // GET /users sits outside the "/api" prefix, so dropping the prefix lands GET /api/users on it.
    const renamed = applyIntent(openDocument(yaml, { fileName: 'api.yaml' }), { op: 'updateRoute', route: 'GET /api/users/{user_id}', path: '/users' }).document;
    expect(() => applyIntent(renamed, { op: 'updateController', name: 'Users', prefix: '' })).toThrow(
      'Changing the prefix would give GET /api/users and GET /users the same URL, GET /users.',
    );
  });

  test('a longer prefix moves a route onto a URL another of its routes is leaving', () => {
    // GET /api/api/users becomes /api/api/api/users; only then may GET /api/users take its place.
    const renamed = applyEdits(yaml, applyIntent(openDocument(yaml, { fileName: 'api.yaml' }), { op: 'updateRoute', route: 'GET /api/users/me', path: '/api/api/users' }).edits);
    const { model } = run(renamed, { op: 'updateController', name: 'Users', prefix: '/api/api' });
    expect(model.routes.filter((r) => r.controller === 'Users').map((r) => r.key).sort()).toEqual(
      ['DELETE /api/api/users/{user_id}', 'GET /api/api/api/users', 'GET /api/api/users', 'GET /api/api/users/{user_id}', 'POST /api/api/users'],
    );
  });

  test('move a controller moves its routes after it', () => {
    const { model } = run(yaml, { op: 'moveController', name: 'Health', to: 0 });
    expect(model.controllers.map((c) => c.name)).toEqual(['Health', 'Users']);
    expect(model.routes[0]?.key).toBe('GET /health');
  });

  test('delete a controller and its routes', () => {
    const { model } = run(yaml, { op: 'deleteController', name: 'Users' });
    expect(model.routes.map((r) => r.key)).toEqual(['GET /health']);
    expect(model.controllers.map((c) => c.name)).toEqual(['Health']);
  });

  test('set the profile', () => {
    expect(run(yaml, { op: 'setProfile', profile: 'express' }).diff).toEqual({ removed: ['  profile: fastapi'], added: ['  profile: express'] });
  });
});

describe('JSON documents keep their formatting', () => {
  test('add a response', () => {
    const { after } = run(json, { op: 'addResponse', route: 'GET /api/users/me', status: '401', response: { description: 'Sign in first.' } }, 'api.json');
    expect(after).toBe(json.replace('"description": "The signed-in user."\n          }', '"description": "The signed-in user."\n          },\n          "401": {\n            "description": "Sign in first."\n          }'));
  });

  test('move a route and rename a controller', () => {
    run(json, { op: 'moveRoute', route: 'GET /health', to: 0 }, 'api.json');
    const { diff } = run(json, { op: 'updateController', name: 'Health', rename: 'Status' }, 'api.json');
    expect(diff.removed).toEqual(['      "name": "Health"', '          "Health"']);
  });
});
