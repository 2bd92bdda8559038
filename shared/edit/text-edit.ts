import type { TextLike } from '../document/piece-text';

/** Replace `length` characters at `offset` with `text`. Offsets refer to the text before any edit. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/** Applies non-overlapping edits, all expressed against the same original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = sortEdits(edits);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.offset < pos) throw new Error(`Overlapping edits at offset ${e.offset}`);
    out += text.slice(pos, e.offset) + e.text;
    pos = e.offset + e.length;
  }
  return out + text.slice(pos);
}

/**
 * The edits that turn the edited text back into `original`: undo is exact by construction, whatever
 * the edit was, so restoring the original bytes never depends on an operation-specific inverse.
 */
export function invertEdits(original: TextLike, edits: readonly TextEdit[]): TextEdit[] {
  let delta = 0;
  return sortEdits(edits).map((e) => {
    const inverse = { offset: e.offset + delta, length: e.text.length, text: original.slice(e.offset, e.offset + e.length) };
    delta += e.text.length - e.length;
    return inverse;
  });
}

/** Ascending by offset; at one offset, insertions first, so "insert here, then delete after" stays ordered. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
}

/** The smallest range of the original text that the edits touch. */
export function editSpan(edits: readonly TextEdit[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const e of edits) {
    start = Math.min(start, e.offset);
    end = Math.max(end, e.offset + e.length);
  }
  return { start, end };
}

/** Drops edits that change nothing and merges none: callers rely on one edit per change. */
export function withoutNoOps(text: string, edits: readonly TextEdit[]): TextEdit[] {
  return edits.filter((e) => text.slice(e.offset, e.offset + e.length) !== e.text);
}
