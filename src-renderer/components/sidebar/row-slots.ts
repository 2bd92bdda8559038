/**
 * Which of the list's elements (its slots) shows each row of the virtualised window. The sidebar
 * keys its lines on their slots, so a line scrolled out of view hands its elements to one coming
 * into view, which React updates in place (new text, attributes and props) instead of making the
 * elements and component state of a new line and tearing down the old one.
 *
 * Why: scrolling 10,000 routes brings some twenty lines into view per frame. Made anew, their
 * fibers and elements were most of what a scroll allocated (about 80 MB of script objects in one
 * pass top to bottom, sampled), and the collections that garbage called for landed in frames.
 *
 * A row that stays in the window keeps its slot (a route moved or renamed keeps its element, and
 * with it the focus). `keep` names rows whose slots no other row may take now even when they left
 * the window: the line holding the focus, the line being dragged. Their element then goes, as a
 * line scrolled away always did, rather than showing another route under the focus.
 */
export function assignSlots(previous: ReadonlyMap<string, number>, ids: readonly string[], keep: readonly (string | null)[] = []): Map<string, number> {
  const next = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of ids) {
    const slot = previous.get(id);
    if (slot !== undefined && !next.has(id)) {
      next.set(id, slot);
      taken.add(slot);
    }
  }
  for (const id of keep) {
    const slot = id === null ? undefined : previous.get(id);
    if (slot !== undefined) taken.add(slot);
  }
  let free = 0;
  for (const id of ids) {
    if (next.has(id)) continue;
    while (taken.has(free)) free++;
    next.set(id, free);
    taken.add(free);
  }
  return next;
}
