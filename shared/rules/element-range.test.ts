import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Route } from '../model/api-model';
import { openDocument } from '../model/open-document';
import { elementRange } from './element-range';
import { asMap, getPair } from '../document/source-tree';

// Lines are numbered from 1; each element's range starts where the model used to start it.
const TEXT = `openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /users/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema: {type: integer}
    get:
      parameters:
        - $ref: '#/components/parameters/Q'
      responses:
        '200':
          description: OK
        '404':
          $ref: '#/components/responses/Gone'
components:
  parameters:
    Q: {name: q, in: query, schema: {type: string}}
  responses:
    Gone:
      description: Gone
      headers:
        Location:
          schema: {type: string}
`;

function setUp() {
  const doc = openDocument(TEXT, { fileName: 'a.yaml' });
  const route = doc.model.routes[0] as Route;
  const paths = asMap(getPair(asMap(doc.source.root)!, 'paths')?.value)!;
  const item = getPair(paths, '/users/{id}')?.value;
  const at = (pointer: string) => {
    const range = elementRange(doc.source, item, route, pointer);
    return range && { from: [range.start.line, range.start.column], to: [range.end.line, range.end.column] };
  };
  return { doc, route, at };
}

describe('elementRange', () => {
  test('a response runs from its status key to the end of its value', () => {
    const { route, at } = setUp();
    expect(route.responses.map((r) => r.pointer)).toEqual(['/paths/~1users~1{id}/get/responses/200', '/paths/~1users~1{id}/get/responses/404']);
    expect(at('/paths/~1users~1{id}/get/responses/200')).toEqual({ from: [14, 9], to: [15, 26] });
    // A shared response: the `$ref` as written in the operation.
    expect(at('/paths/~1users~1{id}/get/responses/404')).toEqual({ from: [16, 9], to: [17, 46] });
  });

  test("a shared response's header is found through the $ref, where it is written", () => {
    const { route, at } = setUp();
    const header = route.responses[1]?.headers[0];
    expect(header?.pointer).toBe('/paths/~1users~1{id}/get/responses/404/headers/Location');
    expect(at(header?.pointer ?? '')).toEqual({ from: [25, 9], to: [26, 33] });
  });

  test("a path parameter, of the path item or the operation, is its list item", () => {
    const { route, at } = setUp();
    expect(route.params.map((p) => p.pointer)).toEqual(['/paths/~1users~1{id}/parameters/0']);
    expect(at('/paths/~1users~1{id}/parameters/0')).toEqual({ from: [6, 9], to: [9, 32] });
    expect(at('/paths/~1users~1{id}/get/parameters/0')).toEqual({ from: [12, 11], to: [12, 44] });
  });

  test('a pointer that leads nowhere, or into another path, has no range', () => {
    const { at } = setUp();
    expect(at('/paths/~1users~1{id}/get/responses/500')).toBeUndefined();
    expect(at('/paths/~1other/get/responses/200')).toBeUndefined();
    expect(at('/paths/~1users~1{id}/get/parameters/7')).toBeUndefined();
    expect(at('not a pointer')).toBeUndefined();
  });

  test('in every fixture, each response and header of each route is found at its key', () => {
    for (const file of fs.readdirSync('fixtures/openapi')) {
      const doc = openDocument(fs.readFileSync(`fixtures/openapi/${file}`, 'utf8'), { fileName: file });
      const paths = asMap(getPair(asMap(doc.source.root)!, 'paths')?.value)!;
      const keyAt = (range: { start: { offset: number } } | undefined) => doc.source.text.slice(range?.start.offset ?? 0).replace(/^["']/, '');
      for (const route of doc.model.routes) {
        const item = getPair(paths, route.path)?.value;
        for (const response of route.responses) {
          expect(keyAt(elementRange(doc.source, item, route, response.pointer)).startsWith(response.status), `${file} ${response.pointer}`).toBe(true);
          for (const header of response.headers) expect(keyAt(elementRange(doc.source, item, route, header.pointer)).startsWith(header.name), `${file} ${header.pointer}`).toBe(true);
        }
        for (const param of route.params) if (param.pointer !== undefined) expect(elementRange(doc.source, item, route, param.pointer), `${file} ${param.pointer}`).toBeDefined();
      }
    }
  });
});
