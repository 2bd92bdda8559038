import { composeEdits } from '../edit/compose-edits';
import { sortEdits, type TextEdit } from '../edit/text-edit';

/**
 * What readers of a document's text use of it: a string is one, and so is a PieceText. Reading a
 * JavaScript string that is a concatenation (what an edit of a big text makes) copies it flat
 * first, a 6 MB string at 10,000 routes; reading a PieceText copies only what is read.
 */
export interface TextLike {
  readonly length: number;
  slice(start: number, end?: number): string;
  charAt(index: number): string;
  charCodeAt(index: number): number;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
  startsWith(search: string, at?: number): boolean;
}

/** Texts are read at most this far at a time when searching, doubling until found. */
const WINDOW = 256;

/**
 * A text as a flat `base` and sorted, non-overlapping edits against it (a piece table). Each edit
 * step of a document makes its text from the same base, so no step reads the text the previous one
 * made (which would flatten it); after MAX_EDITS edits the text is flattened once and becomes the
 * next base.
 */
export class PieceText implements TextLike {
  /** Where each edit's text starts in this text. */
  private readonly starts: number[] = [];
  readonly length: number;
  private flat: string | undefined;

  private constructor(
    private readonly base: string,
    private readonly edits: readonly TextEdit[],
  ) {
    let delta = 0;
    for (const e of edits) {
      this.starts.push(e.offset + delta);
      delta += e.text.length - e.length;
    }
    this.length = base.length + delta;
  }

  static of(text: string): PieceText {
    return new PieceText(text, []);
  }

  /** This text with `edits` (against it) applied, as pieces of the same base while they stay few. */
  edited(edits: readonly TextEdit[]): PieceText {
    // As applyEdits: edits that overlap or reach past the end are a caller's bug, said loudly.
    const sorted = sortEdits(edits);
    let end = 0;
    for (const e of sorted) {
      if (e.offset < end) throw new Error(`Overlapping edits at offset ${e.offset}`);
      end = e.offset + e.length;
    }
    if (end > this.length) throw new Error(`An edit reaches offset ${end}, past the end of the text (${this.length})`);
    const composed = this.edits.length === 0 ? sorted : composeEdits(this.base, this.edits, sorted);
    if (composed.length > MAX_EDITS) return PieceText.of(applyAll(this.base, composed));
    return new PieceText(this.base, composed);
  }

  /** The whole text (a concatenation of pieces, flattened by whoever reads it). */
  toString(): string {
    return (this.flat ??= applyAll(this.base, this.edits));
  }

  slice(start = 0, end = this.length): string {
    const from = clamp(start < 0 ? this.length + start : start, this.length);
    const to = clamp(end < 0 ? this.length + end : end, this.length);
    if (to <= from) return '';
    let out = '';
    // The last edit starting at or before `from`; the base text before it is all before `from`.
    let k = this.lastEditAtOrBefore(from);
    let at = from;
    while (at < to) {
      const e = k >= 0 ? (this.edits[k] as TextEdit) : undefined;
      const eStart = k >= 0 ? (this.starts[k] as number) : 0;
      const eEnd = e ? eStart + e.text.length : 0;
      if (e && at < eEnd) {
        out += e.text.slice(at - eStart, Math.min(to, eEnd) - eStart);
        at = Math.min(to, eEnd);
        continue;
      }
      // Base text between edit k and edit k + 1, mapped back to the base's offsets.
      const baseFrom = e ? e.offset + e.length + (at - eEnd) : at;
      const next = this.starts[k + 1] ?? this.length;
      const upto = Math.min(to, next);
      out += this.base.slice(baseFrom, baseFrom + (upto - at));
      at = upto;
      if (at === next) k++;
    }
    return out;
  }

  charAt(index: number): string {
    return index < 0 || index >= this.length ? '' : this.slice(index, index + 1);
  }

  charCodeAt(index: number): number {
    return index < 0 || index >= this.length ? NaN : this.slice(index, index + 1).charCodeAt(0);
  }

  startsWith(search: string, at = 0): boolean {
    const from = clamp(at, this.length);
    return this.slice(from, from + search.length) === search;
  }

  indexOf(search: string, from = 0): number {
    let start = Math.max(0, from);
    for (let size = WINDOW; start < this.length; size *= 2) {
      const end = Math.min(this.length, start + size);
      const found = this.slice(start, end).indexOf(search);
      if (found !== -1) return start + found;
      if (end === this.length) return -1;
      // Overlap by the search's length so a match across the window's end is found next round.
      start = Math.max(start + 1, end - search.length + 1);
    }
    return -1;
  }

  lastIndexOf(search: string, from = Infinity): number {
    let end = Math.min(this.length, Math.max(0, from) + search.length);
    for (let size = WINDOW; end > 0; size *= 2) {
      const start = Math.max(0, end - size);
      const found = this.slice(start, end).lastIndexOf(search);
      if (found !== -1) return start + found;
      if (start === 0) return -1;
      end = Math.min(end - 1, start + search.length - 1);
    }
    return -1;
  }

  private lastEditAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

/** Composed edits kept before the text is flattened into a new base. */
const MAX_EDITS = 64;

function clamp(n: number, length: number): number {
  return Math.max(0, Math.min(length, n));
}

function applyAll(base: string, edits: readonly TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += base.slice(pos, e.offset) + e.text;
    pos = e.offset + e.length;
  }
  return out + base.slice(pos);
}
