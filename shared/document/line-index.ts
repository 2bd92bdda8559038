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
   * With the previous index and the edits that produced `text` from its text, only the inserted
   * text is scanned: line starts outside the edits are kept or shifted, so a huge new text (which
   * may still be an unflattened concatenation) is never read, however far apart the edits are.
   */
  constructor(
    readonly text: string,
    previous?: LineIndex,
    edits?: readonly { offset: number; length: number; text: string }[],
  ) {
    this.starts = previous && edits && edits.length > 0 ? LineIndex.updated(previous.starts, edits) : Uint32Array.from(LineIndex.scan(text, 0, text.length, 0, [0]));
  }

  private static scan(text: string, from: number, to: number, base: number, into: number[]): number[] {
    let i = text.indexOf('\n', from);
    while (i !== -1 && i < to) {
      into.push(base + i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return into;
  }

  private static updated(old: Uint32Array, edits: readonly { offset: number; length: number; text: string }[]): Uint32Array {
    const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
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

/** The number of '\n' in `text`. */
export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
