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
  private readonly starts: number[];

  /**
   * With the previous index and the edits that produced `text`, only the lines around the change
   * are scanned again; the rest are shifted.
   */
  constructor(
    readonly text: string,
    previous?: LineIndex,
    edits?: readonly { offset: number; length: number; text: string }[],
  ) {
    if (previous && edits && edits.length > 0) {
      this.starts = LineIndex.updated(text, previous, edits);
      return;
    }
    this.starts = LineIndex.scan(text, 0, text.length, [0]);
  }

  private static scan(text: string, from: number, to: number, into: number[]): number[] {
    let i = text.indexOf('\n', from);
    while (i !== -1 && i < to) {
      into.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return into;
  }

  private static updated(text: string, previous: LineIndex, edits: readonly { offset: number; length: number; text: string }[]): number[] {
    let start = Infinity;
    let end = -Infinity;
    let delta = 0;
    for (const e of edits) {
      start = Math.min(start, e.offset);
      end = Math.max(end, e.offset + e.length);
      delta += e.text.length - e.length;
    }
    const old = previous.starts;
    // Keep the line starts up to the changed line, re-scan the change, shift the rest.
    let keep = 0;
    while (keep < old.length && (old[keep] as number) <= start) keep++;
    const out = old.slice(0, keep);
    LineIndex.scan(text, out[out.length - 1] ?? 0, end + delta, out);
    for (let i = keep; i < old.length; i++) {
      const s = old[i] as number;
      if (s > end) out.push(s + delta);
    }
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
