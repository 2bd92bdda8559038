import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normalRouteKey, parseRouteKey, routeKey } from './x-routecraft';

test('normalRouteKey is parseRouteKey then routeKey, without parsing keys already normal', () => {
  const part = fc.constantFrom('GET', 'get', 'Post', 'DELETE', 'QUERY', 'FOO', ' ', '  ', '\t', '\n', '\u2028', '/', '/a', '{id}', 'b c', '');
  fc.assert(
    fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
      const key = parts.join('');
      const parsed = parseRouteKey(key);
      expect(normalRouteKey(key)).toBe(parsed ? routeKey(parsed.method, parsed.path) : undefined);
    }),
    { numRuns: 5000 },
  );
});
