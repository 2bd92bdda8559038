import fc from 'fast-check';
import { expect, test } from 'vitest';
import { applyEdits } from '../edit/text-edit';
import { LineIndex } from './line-index';

test('positions are 1-based lines and columns', () => {
  const lines = new LineIndex('ab\ncd\r\nef');
  expect(lines.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
  expect(lines.position(4)).toEqual({ line: 2, column: 2, offset: 4 });
  expect(lines.position(7)).toEqual({ line: 3, column: 1, offset: 7 });
  expect(lines.position(99)).toEqual({ line: 3, column: 3, offset: 9 });
});

test('an index updated by an edit equals one built from scratch', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('a', '\n', 'b'), maxLength: 40 }),
      fc.nat(),
      fc.nat(),
      fc.string({ unit: fc.constantFrom('x', '\n'), maxLength: 6 }),
      (text, p, q, insert) => {
        const a = p % (text.length + 1);
        const b = q % (text.length + 1);
        const edits = [{ offset: Math.min(a, b), length: Math.abs(a - b), text: insert }];
        const next = applyEdits(text, edits);
        const updated = new LineIndex(next, new LineIndex(text), edits);
        const fresh = new LineIndex(next);
        for (let o = 0; o <= next.length; o++) expect(updated.position(o)).toEqual(fresh.position(o));
      },
    ),
    { numRuns: 1000 },
  );
});

test('an index updated by several edits far apart equals one built from scratch', () => {
  const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 5 }), text: fc.string({ unit: fc.constantFrom('x', '\n'), maxLength: 4 }) });
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '\n', 'b'), maxLength: 60 }), fc.array(edit, { maxLength: 5 }), (text, raw) => {
      // Non-overlapping edits, in any order, as intents produce them.
      const edits = nonOverlapping(text, raw).reverse();
      const next = applyEdits(text, edits);
      const updated = new LineIndex(next, new LineIndex(text), edits);
      const fresh = new LineIndex(next);
      for (let o = 0; o <= next.length; o++) expect(updated.position(o)).toEqual(fresh.position(o));
    }),
    { numRuns: 1000 },
  );
});

test('an index updated many times over, mostly without adding or removing lines, equals one built from scratch', () => {
  // Edits that keep the line count (a key renamed on its line) are only recorded, up to a limit,
  // then applied: long chains of both kinds cross that limit many times.
  const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 3 }), text: fc.string({ unit: fc.constantFrom('x', 'y', 'x', '\n'), maxLength: 3 }) });
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '\n', 'b'), maxLength: 60 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 40 }), (start, steps) => {
      let text = start;
      let lines = new LineIndex(text);
      for (const raw of steps) {
        const edits = nonOverlapping(text, raw);
        const next = applyEdits(text, edits);
        lines = new LineIndex(next, lines, edits);
        text = next;
        const fresh = new LineIndex(text);
        expect(lines.lineCount).toBe(fresh.lineCount);
        for (let o = 0; o <= text.length; o++) expect(lines.position(o)).toEqual(fresh.position(o));
        for (let l = 0; l <= fresh.lineCount + 1; l++) expect(lines.lineStart(l)).toBe(fresh.lineStart(l));
      }
    }),
    { numRuns: 500 },
  );
});

/** Random edits made to fit `text`: sorted, none overlapping or touching the next. */
function nonOverlapping(text: string, raw: readonly { at: number; length: number; text: string }[]): { offset: number; length: number; text: string }[] {
  const edits: { offset: number; length: number; text: string }[] = [];
  let pos = 0;
  for (const e of [...raw].sort((a, b) => a.at - b.at)) {
    const offset = Math.max(pos, e.at % (text.length + 1));
    const length = Math.min(e.length, text.length - offset);
    if (length < 0) break;
    edits.push({ offset, length, text: e.text });
    pos = offset + length + 1;
  }
  return edits;
}
