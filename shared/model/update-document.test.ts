import { describe, expect, test } from 'vitest';
import type { Route } from './api-model';
import { movedCopyOf } from './build-model';
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

/** Everything but ranges: what a moved copy keeps. */
function withoutRanges(route: Route): unknown {
  return JSON.parse(JSON.stringify(route, (key, value: unknown) => (key === 'range' ? undefined : value)));
}

describe('an edit inside one path item re-reads that path item only', () => {
  const before = openDocument(text, { fileName: 'api.yaml' });
  const at = text.indexOf('OK', text.indexOf('/b:'));
  const after = updateDocument(before, [{ offset: at, length: 2, text: 'Fine' }]);
  const [a0, , c0] = before.model.routes as [Route, Route, Route];
  const [a1, b1, c1] = after.model.routes as [Route, Route, Route];

  test('routes before the edit are kept as they are', () => {
    expect(a1).toBe(a0);
    expect(movedCopyOf(a1)).toBeUndefined();
  });

  test('the edited route is read again', () => {
    expect(b1.responses[0]?.description).toBe('Fine');
    expect(movedCopyOf(b1)).toBeUndefined();
  });

  test('routes after it are copies with moved ranges, and say what they copy', () => {
    expect(c1).not.toBe(c0);
    expect(c1.range.start.offset).toBe(c0.range.start.offset + 2);
    expect(movedCopyOf(c1)).toBe(c0);
    expect(withoutRanges(c1)).toEqual(withoutRanges(c0));
    // The model read from scratch agrees, ranges included.
    expect(after.model).toEqual(openDocument(after.source.text, { fileName: 'api.yaml' }).model);
  });
});
