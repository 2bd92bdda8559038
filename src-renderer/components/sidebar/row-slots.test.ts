import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlots } from './row-slots';

// Windows as a scrolled list gives them: runs of row ids, sometimes reordered (a move) or renamed.
const windowOf = (from: number, length: number, ids: readonly string[]) => ids.slice(from, from + length);

describe('the slots of the sidebar window', () => {
  it('give each row its own slot, keep the slots of rows that stay, and never hand a kept row’s slot on', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `route:${i}`);
    const step = fc.record({
      from: fc.nat(280),
      length: fc.integer({ min: 1, max: 60 }),
      swap: fc.option(fc.tuple(fc.nat(299), fc.nat(299)), { nil: null }),
      keep: fc.option(fc.nat(299), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const order = ids.slice();
        let slots = new Map<string, number>();
        let largest = 0;
        for (const s of steps) {
          if (s.swap) {
            const [a, b] = s.swap;
            [order[a], order[b]] = [order[b] as string, order[a] as string];
          }
          const shown = windowOf(s.from, s.length, order);
          const keep = s.keep === null ? null : (order[s.keep] as string);
          const next = assignSlots(slots, shown, [keep]);
          largest = Math.max(largest, shown.length);
          // Every row shown has a slot, no two share one.
          expect(shown.map((id) => next.has(id))).not.toContain(false);
          expect(new Set(shown.map((id) => next.get(id))).size).toBe(shown.length);
          for (const id of shown) {
            // A row that stays keeps its element.
            if (slots.has(id)) expect(next.get(id)).toBe(slots.get(id));
            // The kept row's slot goes to no other row.
            if (keep !== null && id !== keep && slots.has(keep)) expect(next.get(id)).not.toBe(slots.get(keep));
          }
          // Slots are reused: never more than the largest window plus the kept row.
          for (const slot of next.values()) expect(slot).toBeLessThan(largest + 1);
          slots = next;
        }
        expect(largest).toBeGreaterThan(0);
      }),
    );
  });

  it('hands the slots of rows scrolled away to the rows scrolled in', () => {
    const first = assignSlots(new Map(), ['a', 'b', 'c', 'd']);
    expect([...first.values()]).toEqual([0, 1, 2, 3]);
    // Scrolled by two: c and d stay where they were, e and f take a's and b's elements.
    const next = assignSlots(first, ['c', 'd', 'e', 'f']);
    expect(Object.fromEntries(next)).toEqual({ c: 2, d: 3, e: 0, f: 1 });
    // Unless a line holds the focus: its slot waits, and the newcomer takes a fresh one.
    const kept = assignSlots(first, ['c', 'd', 'e', 'f'], ['a']);
    expect(Object.fromEntries(kept)).toEqual({ c: 2, d: 3, e: 1, f: 4 });
  });
});
