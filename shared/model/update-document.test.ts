import { describe, expect, test } from 'vitest';
import type { Route } from './api-model';
import { openDocument } from './open-document';
import { updateDocument } from './update-document';

const text = [
  'openapi: 3.1.0',
  "info: {title: t, version: '1'}",
  'paths:',
  '  /a:',
  '    get:',
  "      responses: {'200': {description: OK}}",
  '  /b:',
  '    get:',
  "      responses: {'200': {description: OK}}",
  '  /c:',
  '    get:',
  '      parameters:',
  '        - {name: x, in: query, schema: {type: string}}',
  "      responses: {'200': {description: OK, headers: {ETag: {schema: {type: string}}}}}",
  '',
].join('\n');

describe('an edit inside one path item re-reads that path item only', () => {
  const before = openDocument(text, { fileName: 'api.yaml' });
  const at = text.indexOf('OK', text.indexOf('/b:'));
  const [a0, b0, c0] = before.model.routes as [Route, Route, Route];
  // Taken before the edit: a route's range follows the text it was read from.
  const rangesBefore = [a0.range, b0.range, c0.range];
  const after = updateDocument(before, [{ offset: at, length: 2, text: 'Fine' }]);
  const [a1, b1, c1] = after.model.routes as [Route, Route, Route];

  test('routes before the edit are kept as they are', () => {
    expect(a1).toBe(a0);
    expect(a1.range).toEqual(rangesBefore[0]);
  });

  test('the edited route is read again', () => {
    expect(b1).not.toBe(b0);
    expect(b1.responses[0]?.description).toBe('Fine');
  });

  test('routes after it are kept as the same objects, their ranges moved with the text', () => {
    expect(c1).toBe(c0);
    expect(c1.range.start.offset).toBe((rangesBefore[2]?.start.offset ?? NaN) + 2);
    expect(c1.range.end.offset).toBe((rangesBefore[2]?.end.offset ?? NaN) + 2);
    // The model read from scratch agrees, ranges included.
    expect(after.model).toEqual(openDocument(after.source.text, { fileName: 'api.yaml' }).model);
  });
});
