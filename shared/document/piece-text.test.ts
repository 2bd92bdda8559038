import fc from 'fast-check';
import { expect, test } from 'vitest';
import { applyEdits, type TextEdit } from '../edit/text-edit';
import { PieceText } from './piece-text';

const chars = fc.constantFrom('a', 'b', '\n', ':', ' ', '\r\n', 'xyz');
const text = fc.array(chars, { maxLength: 60 }).map((parts) => parts.join(''));

/** Non-overlapping edits against `t`. */
function editsOf(t: string) {
  return fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 6 }), text: fc.array(chars, { maxLength: 4 }).map((p) => p.join('')) }), { maxLength: 5 }).map((raw) => {
    const out: TextEdit[] = [];
    let pos = 0;
    for (const r of [...raw].sort((a, b) => a.at - b.at)) {
      const offset = pos + (r.at % (t.length - pos + 1));
      const length = Math.min(r.len, t.length - offset);
      out.push({ offset, length, text: r.text });
      pos = offset + length;
      if (pos >= t.length) break;
    }
    return out;
  });
}

test('reads as the string the edits make, step after step', () => {
  fc.assert(
    fc.property(
      text.chain((t) => fc.tuple(fc.constant(t), editsOf(t))).chain(([t, e1]) => {
        const t1 = applyEdits(t, e1);
        return fc.tuple(fc.constant(t), fc.constant(e1), editsOf(t1).chain((e2) => fc.tuple(fc.constant(e2), editsOf(applyEdits(t1, e2)))));
      }),
      fc.array(fc.tuple(fc.integer({ min: -5, max: 80 }), fc.integer({ min: -5, max: 80 })), { maxLength: 12 }),
      fc.constantFrom('\n', ':', 'ab', '\r\n', 'zz'),
      ([t, e1, [e2, e3]], ranges, search) => {
        let pieces = PieceText.of(t);
        let expected = t;
        for (const edits of [e1, e2, e3]) {
          pieces = pieces.edited(edits);
          expected = applyEdits(expected, edits);
          expect(pieces.length).toBe(expected.length);
          expect(pieces.toString()).toBe(expected);
          for (const [a, b] of ranges) {
            expect(pieces.slice(a, b)).toBe(expected.slice(a, b));
            expect(pieces.charAt(a)).toBe(expected.charAt(a));
            expect(pieces.charCodeAt(a)).toBe(expected.charCodeAt(a));
            expect(pieces.indexOf(search, a)).toBe(expected.indexOf(search, a));
            expect(pieces.lastIndexOf(search, a)).toBe(expected.lastIndexOf(search, a));
            expect(pieces.startsWith(search, a)).toBe(expected.startsWith(search, a));
          }
          expect(pieces.lastIndexOf(search)).toBe(expected.lastIndexOf(search));
        }
      },
    ),
    { numRuns: 1500 },
  );
});

test('searches far through a long text a window at a time', () => {
  const long = `${'x'.repeat(5000)}\n${'y'.repeat(3000)}`;
  const pieces = PieceText.of(long).edited([{ offset: 10, length: 1, text: 'ab' }]);
  const expected = applyEdits(long, [{ offset: 10, length: 1, text: 'ab' }]);
  expect(pieces.indexOf('\n', 20)).toBe(expected.indexOf('\n', 20));
  expect(pieces.lastIndexOf('\n', 8000)).toBe(expected.lastIndexOf('\n', 8000));
  expect(pieces.indexOf('xy')).toBe(expected.indexOf('xy'));
  expect(pieces.lastIndexOf('ab', 9000)).toBe(expected.lastIndexOf('ab', 9000));
});

test('refuses edits that overlap or reach past the end, as applyEdits does', () => {
  const pieces = PieceText.of('abcdef');
  expect(() => pieces.edited([{ offset: 1, length: 3, text: 'x' }, { offset: 2, length: 1, text: 'y' }])).toThrow(/Overlapping/);
  expect(() => pieces.edited([{ offset: 5, length: 3, text: 'x' }])).toThrow(/past the end/);
  expect(pieces.edited([{ offset: 6, length: 0, text: '!' }]).toString()).toBe('abcdef!');
});
