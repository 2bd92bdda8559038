import type { TextLike } from './piece-text';
import { countLines, type LineIndex, type Position, type SourceRange } from './line-index';

interface Edit {
  offset: number;
  length: number;
  text: string;
}

/**
 * Where offsets, positions and ranges of the text before some edits land in the text after them,
 * for keeping what an edit did not touch (the model's routes) instead of reading it again. Meant
 * for places no edit touched: a position inside an edit has no true counterpart.
 */
export class EditMapping {
  private readonly edits: Edit[];
  /** Per edit, in order: where it ends in the old text, its line there, where its text lies in the new. */
  private readonly oldEnd: number[] = [];
  private readonly oldEndLine: number[] = [];
  private readonly newStart: number[] = [];
  private readonly newEnd: number[] = [];
  /** Characters and lines gained by this edit and every edit before it. */
  private readonly delta: number[] = [];
  private readonly lineDelta: number[] = [];

  constructor(
    oldText: TextLike,
    oldLines: LineIndex,
    private readonly newLines: LineIndex,
    edits: readonly Edit[],
  ) {
    this.edits = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
    let delta = 0;
    let lineDelta = 0;
    for (const e of this.edits) {
      const end = e.offset + e.length;
      this.oldEnd.push(end);
      this.oldEndLine.push(oldLines.position(end).line);
      this.newStart.push(e.offset + delta);
      this.newEnd.push(e.offset + delta + e.text.length);
      delta += e.text.length - e.length;
      lineDelta += countLines(e.text) - countLines(oldText.slice(e.offset, end));
      this.delta.push(delta);
      this.lineDelta.push(lineDelta);
    }
  }

  /**
   * Whether an edit's text in the new text lies in or next to [start, end). Next to counts: a
   * deletion that ends where a YAML block ends took the block's last lines with it, and text put
   * right before a YAML key may have changed its indentation.
   */
  touches(start: number, end: number): boolean {
    // The first edit whose new text ends at or after `start`; earlier ones lie wholly before.
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.newEnd[mid] as number) < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.edits.length && (this.newStart[lo] as number) <= end;
  }

  offset(old: number): number {
    const k = this.editsBefore(old);
    return k === 0 ? old : old + (this.delta[k - 1] as number);
  }

  /** The same object when nothing before it changed. */
  position(old: Position): Position {
    const k = this.editsBefore(old.offset);
    if (k === 0) return old;
    const offset = old.offset + (this.delta[k - 1] as number);
    // On a later line than the last edit before it, only its line number moves.
    if (old.line > (this.oldEndLine[k - 1] as number)) return { line: old.line + (this.lineDelta[k - 1] as number), column: old.column, offset };
    return this.newLines.position(offset);
  }

  /** The same object when nothing before it changed. */
  range(old: SourceRange): SourceRange {
    const start = this.position(old.start);
    const end = this.position(old.end);
    return start === old.start && end === old.end ? old : { start, end };
  }

  /** How many edits end at or before `old` (an insertion at `old` pushes it along). */
  private editsBefore(old: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.oldEnd[mid] as number) <= old) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
