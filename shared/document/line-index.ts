/** 1-based line and column, as editors and compilers print them; `offset` is 0-based. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

/** Offset ↔ line/column for one text. Built once per text; lookups are binary searches. */
export class LineIndex {
  /** Offsets where lines start, before the shifts below. A typed array, shared with the index it was updated from. */
  private readonly starts: Uint32Array;
  /**
   * Line starts from index `shiftFrom[k]` on (up to the next step) lie `shiftBy[k]` characters
   * further than `starts` says. Renaming a route edits two lines of a 277,000-line document (10,000
   * routes) and adds or removes none: the starts after each edit only move, and recording that
   * instead of copying every start keeps a keystroke from costing a megabyte per text version.
   * After MAX_SHIFTS steps the starts are copied with their shifts applied.
   */
  private readonly shiftFrom: readonly number[];
  private readonly shiftBy: readonly number[];

  /**
   * With the previous index and the edits that produced `text` from its text, only the inserted
   * text is scanned: line starts outside the edits are kept or shifted, so a huge new text (which
   * may still be an unflattened concatenation) is never read, however far apart the edits are.
   */
  constructor(
    readonly text: string,
    previous?: LineIndex,
    edits?: readonly { offset: number; length: number; text: string }[],
  ) {
    if (previous && edits && edits.length > 0) {
      const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
      const shifted = previous.shiftedBy(sorted);
      if (shifted) {
        this.starts = previous.starts;
        [this.shiftFrom, this.shiftBy] = shifted;
        return;
      }
      this.starts = LineIndex.updated(previous.flat(), sorted);
    } else this.starts = Uint32Array.from(LineIndex.scan(text, 0, text.length, 0, [0]));
    this.shiftFrom = [];
    this.shiftBy = [];
  }

  private static scan(text: string, from: number, to: number, base: number, into: number[]): number[] {
    let i = text.indexOf('\n', from);
    while (i !== -1 && i < to) {
      into.push(base + i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return into;
  }

  private static updated(old: Uint32Array, sorted: readonly { offset: number; length: number; text: string }[]): Uint32Array {
    let added = 0;
    for (const e of sorted) added += countLines(e.text);
    const out = new Uint32Array(old.length + added);
    let j = 0;
    let i = 0;
    let delta = 0;
    for (const e of sorted) {
      // A line starts after each '\n': those before the edit (a start at the edit itself follows a
      // kept '\n') move by the edits so far; those whose '\n' the edit removed go.
      const keepTo = upperBound(old, e.offset);
      for (; i < keepTo; i++) out[j++] = (old[i] as number) + delta;
      i = Math.max(i, upperBound(old, e.offset + e.length));
      const at = e.offset + delta;
      for (const start of LineIndex.scan(e.text, 0, e.text.length, at, [])) out[j++] = start;
      delta += e.text.length - e.length;
    }
    for (; i < old.length; i++) out[j++] = (old[i] as number) + delta;
    return j === out.length ? out : out.slice(0, j);
  }

  /**
   * The shift steps of the index after `sorted` (edits against this index's text), when the edits
   * add and remove no line and the steps stay few; undefined otherwise.
   */
  private shiftedBy(sorted: readonly { offset: number; length: number; text: string }[]): [number[], number[]] | undefined {
    if (this.shiftFrom.length + sorted.length > MAX_SHIFTS) return undefined;
    const from: number[] = [];
    const by: number[] = [];
    let delta = 0;
    for (const e of sorted) {
      if (e.text.includes('\n')) return undefined;
      // Starts after the edit's first character up to its end would be removed: there must be none.
      const first = this.upperBound(e.offset);
      if (this.upperBound(e.offset + e.length) !== first) return undefined;
      delta += e.text.length - e.length;
      if (delta === (by.at(-1) ?? 0)) continue;
      if (from.at(-1) === first) by[by.length - 1] = delta;
      else {
        from.push(first);
        by.push(delta);
      }
    }
    // This index's steps and the new ones, added up at every place either changes.
    const places = [...new Set([...this.shiftFrom, ...from])].sort((a, b) => a - b);
    const shiftFrom: number[] = [];
    const shiftBy: number[] = [];
    for (const place of places) {
      const total = this.shiftAt(place) + stepAt(from, by, place);
      if (total === (shiftBy.at(-1) ?? 0)) continue;
      shiftFrom.push(place);
      shiftBy.push(total);
    }
    return [shiftFrom, shiftBy];
  }

  /** How far the start of line index `i` lies beyond `starts[i]`. */
  private shiftAt(i: number): number {
    return stepAt(this.shiftFrom, this.shiftBy, i);
  }

  /** Where line index `i` starts. */
  private at(i: number): number {
    return (this.starts[i] as number) + this.shiftAt(i);
  }

  /** The number of line starts ≤ `value`. */
  private upperBound(value: number): number {
    if (this.shiftFrom.length === 0) return upperBound(this.starts, value);
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Every line start with its shift applied. */
  private flat(): Uint32Array {
    if (this.shiftFrom.length === 0) return this.starts;
    const out = this.starts.slice();
    for (let k = 0; k < this.shiftFrom.length; k++) {
      const end = this.shiftFrom[k + 1] ?? out.length;
      const by = this.shiftBy[k] as number;
      for (let i = this.shiftFrom[k] as number; i < end; i++) out[i] = (out[i] as number) + by;
    }
    return out;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const lo = Math.max(0, this.upperBound(o) - 1);
    return { line: lo + 1, column: o - this.at(lo) + 1, offset: o };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }

  lineStart(line: number): number {
    const i = Math.max(0, Math.min(line - 1, this.starts.length - 1));
    return this.starts.length === 0 ? 0 : this.at(i);
  }
}

/** Shift steps kept before the line starts are copied with them applied. */
const MAX_SHIFTS = 16;

/** The value of the last step at or before `i` (0 before the first). */
function stepAt(from: readonly number[], by: readonly number[], i: number): number {
  let k = from.length - 1;
  while (k >= 0 && (from[k] as number) > i) k--;
  return k < 0 ? 0 : (by[k] as number);
}

/** The number of entries ≤ `value` in a sorted array. */
function upperBound(a: Uint32Array, value: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of '\n' in `text`. */
export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
