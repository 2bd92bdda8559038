import { describe, expect, test } from 'vitest';
import { openDocument } from '../model/open-document';
import { applyIntent } from './apply-intent';
import { applyEdits } from './text-edit';

function remove(text: string, route: string, name: string, fileName = 'api.yaml') {
  const doc = openDocument(text, { fileName });
  expect(doc.diagnostics).toEqual([]);
  const result = applyIntent(doc, { op: 'removePathParam', route, name });
  const after = applyEdits(text, result.edits);
  expect(result.document.source.text).toBe(after);
  expect(openDocument(after, { fileName }).model).toEqual(result.document.model);
  expect(applyEdits(after, result.inverse)).toBe(text);
  return { after, model: result.document.model };
}

const head = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n";

describe('removePathParam', () => {
  test('removes the entry and keeps the others', () => {
    const text = `${head}paths:\n  /users:\n    get:\n      parameters:\n        - {name: limit, in: query}\n        - {name: id, in: path, required: true}\n      responses: {}\n`;
    const { after, model } = remove(text, 'GET /users', 'id');
    expect(after).toBe(text.replace('        - {name: id, in: path, required: true}\n', ''));
    expect(model.routes[0]?.params).toEqual([]);
  });

  test('a list left empty goes, and so does a declaration on the path item', () => {
    const text = `${head}paths:\n  /users:\n    parameters:\n      - {name: id, in: path, required: true}\n    get:\n      parameters:\n        - {name: id, in: path, required: true, description: own}\n      responses: {}\n    post:\n      responses: {}\n`;
    const { after, model } = remove(text, 'GET /users', 'id');
    expect(after).toBe(`${head}paths:\n  /users:\n    get:\n      responses: {}\n    post:\n      responses: {}\n`);
    expect(model.routes.flatMap((r) => r.params)).toEqual([]);
  });

  test('a $ref entry is removed from the list; the shared parameter stays', () => {
    const text = `${head}paths:\n  /users:\n    get:\n      parameters:\n        - $ref: '#/components/parameters/Id'\n      responses: {}\ncomponents:\n  parameters:\n    Id: {name: id, in: path, required: true}\n`;
    expect(remove(text, 'GET /users', 'id').after).toBe(text.replace("      parameters:\n        - $ref: '#/components/parameters/Id'\n", ''));
  });

  test('JSON', () => {
    const text = '{\n  "openapi": "3.1.0",\n  "info": {"title": "t", "version": "1"},\n  "paths": {\n    "/a": {\n      "get": {\n        "parameters": [\n          {"name": "q", "in": "query"},\n          {"name": "id", "in": "path", "required": true}\n        ],\n        "responses": {}\n      }\n    }\n  }\n}\n';
    expect(remove(text, 'GET /a', 'id', 'api.json').after).toBe(text.replace(',\n          {"name": "id", "in": "path", "required": true}', ''));
  });

  test('refused: a parameter the path uses, one that does not exist, a shared path item', () => {
    const text = `${head}paths:\n  /users/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true}\n      responses: {}\n  /shared:\n    $ref: '#/components/pathItems/S'\ncomponents:\n  pathItems:\n    S:\n      get:\n        parameters:\n          - {name: x, in: path, required: true}\n        responses: {}\n`;
    const doc = openDocument(text, { fileName: 'a.yaml' });
    expect(() => applyIntent(doc, { op: 'removePathParam', route: 'GET /users/{id}', name: 'id' })).toThrow('{id} is in the path of GET /users/{id}; change the path before removing its parameter.');
    expect(() => applyIntent(doc, { op: 'removePathParam', route: 'GET /users/{id}', name: 'nope' })).toThrow('GET /users/{id} has no path parameter nope.');
    expect(() => applyIntent(doc, { op: 'removePathParam', route: 'GET /shared', name: 'x' })).toThrow('comes from a shared path item');
  });
});
