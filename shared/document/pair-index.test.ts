import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairIndex } from './pair-index';
import { readSource } from './source-document';
import { asMap, getPair } from './source-tree';

describe('looking pairs up through an index', () => {
  it('finds what getPair finds, in maps small and big, with keys repeated', () => {
    const key = fc.constantFrom('a', 'b', '/users', '/users/{id}', 'x-y', 'get', '~1', 'é');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 60 }), fc.array(key, { maxLength: 10 }), (entries, asked) => {
        // Each key repeated as asked, numbered so that the pair found tells which one it was.
        const keys = entries.flatMap(([k, n]) => Array.from({ length: n }, (_, i) => `${k}${i % 3 === 0 ? '' : String(i)}`));
        const text = keys.map((k, i) => `${JSON.stringify(k)}: ${i}`).join('\n');
        const map = asMap(readSource(text, { format: 'yaml' }).root);
        if (!map) throw new Error('not a map');
        const index = new PairIndex();
        for (const k of [...asked, ...keys.slice(0, 5), 'missing']) {
          expect(index.get(map, k)).toBe(getPair(map, k));
          expect(index.get(map, k)).toBe(getPair(map, k));
        }
      }),
    );
  });
});
