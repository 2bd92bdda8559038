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
  /** Offsets where lines start. A typed array: it is copied on every edit of huge documents. */
  private readonly starts: Uint32Array;

  /**
   * With the previous index, the edits that produced `text` and the text they applied to, only the
   * changed lines are scanned (rebuilt from old pieces, so a huge new text is not read); the other
   * line starts are kept or shifted.
   */
  constructor(
    readonly text: string,
    previous?: LineIndex,
    edits?: readonly { offset: number; length: number; text: string }[],
    previousText?: string,
  ) {
    this.starts = previous && edits && edits.length > 0 && previousText !== undefined ? LineIndex.updated(previousText, previous, edits) : Uint32Array.from(LineIndex.scan(text, 0, text.length, 0, [0]));
  }

  private static scan(text: string, from: number, to: number, base: number, into: number[]): number[] {
    let i = text.indexOf('\n', from);
    while (i !== -1 && i < to) {
      into.push(base + i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return into;
  }

  private static updated(oldText: string, previous: LineIndex, edits: readonly { offset: number; length: number; text: string }[]): Uint32Array {
    const piece = changedLines(oldText, edits);
    const old = previous.starts;
    const keep = upperBound(old, piece.start);
    const inserted = LineIndex.scan(piece.text, 0, piece.text.length, piece.base, []);
    const tailFrom = upperBound(old, piece.end);
    const out = new Uint32Array(keep + inserted.length + (old.length - tailFrom));
    out.set(old.subarray(0, keep), 0);
    out.set(inserted, keep);
    let j = keep + inserted.length;
    for (let i = tailFrom; i < old.length; i++) out[j++] = (old[i] as number) + piece.delta;
    return out;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (this.starts[lo] ?? 0) + 1, offset: o };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] ?? 0;
  }
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

/**
 * The new text of the lines an edit touches, built from the old text: it starts at `base` (a line
 * start, the same in both texts) and replaces the old [base, end).
 */
function changedLines(oldText: string, edits: readonly { offset: number; length: number; text: string }[]): { text: string; base: number; start: number; end: number; delta: number } {
  let start = Infinity;
  let end = -Infinity;
  let delta = 0;
  for (const e of edits) {
    start = Math.min(start, e.offset);
    end = Math.max(end, e.offset + e.length);
    delta += e.text.length - e.length;
  }
  const base = start <= 0 ? 0 : oldText.lastIndexOf('\n', start - 1) + 1;
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let text = '';
  let pos = base;
  for (const e of sorted) {
    text += oldText.slice(pos, e.offset) + e.text;
    pos = e.offset + e.length;
  }
  return { text: text + oldText.slice(pos, end), base, start, end, delta };
}
