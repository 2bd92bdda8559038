import fc from 'fast-check';
import { expect, test } from 'vitest';
import { composeEdits } from './compose-edits';
import { applyEdits, type TextEdit } from './text-edit';

/** Random non-overlapping edits against a text. */
function editsFor(length: number) {
  return fc
    .array(fc.record({ a: fc.nat(length), b: fc.nat(length), text: fc.string({ maxLength: 5, unit: fc.constantFrom('x', 'y', '\n', 'z') }) }), { maxLength: 4 })
    .map((raw) => {
      const sorted = raw.map((r) => ({ offset: Math.min(r.a, r.b), length: Math.abs(r.a - r.b), text: r.text })).sort((p, q) => p.offset - q.offset);
      const out: TextEdit[] = [];
      let pos = -1;
      for (const e of sorted) {
        if (e.offset <= pos) continue;
        out.push(e);
        pos = e.offset + e.length;
      }
      return out;
    });
}

test('composing two edit steps gives the same text as applying them in turn', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 30, unit: fc.constantFrom('a', 'b', 'c', '\n') }).chain((text) =>
        editsFor(text.length).chain((first) => {
          const mid = applyEdits(text, first);
          return editsFor(mid.length).map((second) => ({ text, first, second }));
        }),
      ),
      ({ text, first, second }) => {
        const composed = composeEdits(text, first, second);
        expect(applyEdits(text, composed)).toBe(applyEdits(applyEdits(text, first), second));
      },
    ),
    { numRuns: 2000 },
  );
});

test('distant changes stay separate, small edits', () => {
  const text = 'a'.repeat(100);
  const composed = composeEdits(text, [{ offset: 10, length: 1, text: 'B' }], [{ offset: 90, length: 0, text: 'C' }]);
  expect(composed).toEqual([
    { offset: 10, length: 1, text: 'B' },
    { offset: 90, length: 0, text: 'C' },
  ]);
});
