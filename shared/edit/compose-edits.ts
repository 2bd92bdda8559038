import type { TextLike } from '../document/piece-text';
import { sortEdits, type TextEdit } from './text-edit';

/**
 * A text as pieces of the original: `same` stretches copied from it and `changed` ones that replace
 * an original range with new text. Composing edits on this list keeps every change expressed against
 * the original text, so a multi-step operation still yields small, local edits.
 */
type Segment = { kind: 'same'; from: number; to: number } | { kind: 'changed'; from: number; to: number; text: string };

function segmentLength(s: Segment): number {
  return s.kind === 'same' ? s.to - s.from : s.text.length;
}

/**
 * Given `first` (against `original`) and `second` (against the text `first` produced), returns edits
 * against `original` that produce the same final text.
 */
export function composeEdits(original: TextLike, first: readonly TextEdit[], second: readonly TextEdit[]): TextEdit[] {
  let segments = toSegments(original.length, first);
  for (const e of sortEdits(second).reverse()) segments = applyOne(segments, e);
  return fromSegments(original, segments);
}

function toSegments(length: number, edits: readonly TextEdit[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const e of sortEdits(edits)) {
    if (e.offset > pos) out.push({ kind: 'same', from: pos, to: e.offset });
    out.push({ kind: 'changed', from: e.offset, to: e.offset + e.length, text: e.text });
    pos = e.offset + e.length;
  }
  if (pos < length) out.push({ kind: 'same', from: pos, to: length });
  return out;
}

/** Applies one edit given in the coordinates of the text the segments spell. */
function applyOne(segments: Segment[], edit: TextEdit): Segment[] {
  const a = edit.offset;
  const b = edit.offset + edit.length;
  const before: Segment[] = [];
  const after: Segment[] = [];
  let from = -1;
  let to = -1;
  let head = '';
  let tail = '';
  let pos = 0;
  for (const s of segments) {
    const len = segmentLength(s);
    const start = pos;
    const end = pos + len;
    pos = end;
    if (end <= a) {
      before.push(s);
      continue;
    }
    if (start >= b) {
      after.push(s);
      continue;
    }
    // Overlaps the edit: the parts of it outside [a, b) survive, as segments or as head/tail text.
    if (s.kind === 'same') {
      const keepHead = Math.max(0, a - start);
      const keepTail = Math.max(0, end - b);
      if (from === -1) {
        if (keepHead > 0) before.push({ kind: 'same', from: s.from, to: s.from + keepHead });
        from = s.from + keepHead;
      }
      to = s.to - keepTail;
      if (keepTail > 0) after.push({ kind: 'same', from: s.to - keepTail, to: s.to });
    } else {
      if (from === -1) {
        from = s.from;
        head = s.text.slice(0, Math.max(0, a - start));
      }
      to = s.to;
      if (end > b) tail = s.text.slice(len - (end - b));
    }
  }
  if (from === -1) {
    // The edit sits exactly between segments: a pure insertion at the boundary.
    const boundary = before.length ? before[before.length - 1]!.to : (after[0]?.from ?? 0);
    from = boundary;
    to = boundary;
  }
  const merged: Segment = { kind: 'changed', from, to, text: head + edit.text + tail };
  return mergeChanged([...before, merged, ...after]);
}

function mergeChanged(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.kind === 'changed' && s.kind === 'changed' && last.to === s.from) {
      out[out.length - 1] = { kind: 'changed', from: last.from, to: s.to, text: last.text + s.text };
    } else out.push(s);
  }
  return out;
}

/** Changed segments become edits, trimmed to the characters that really differ. */
function fromSegments(original: TextLike, segments: Segment[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const s of segments) {
    if (s.kind !== 'changed') continue;
    let from = s.from;
    let to = s.to;
    let text = s.text;
    // The original range read once: a piece of a big text, not the text itself.
    const old = original.slice(s.from, s.to);
    let p = 0;
    while (from + p < to && p < text.length && old.charCodeAt(from + p - s.from) === text.charCodeAt(p)) p++;
    from += p;
    text = text.slice(p);
    let q = 0;
    while (to - q > from && q < text.length && old.charCodeAt(to - 1 - q - s.from) === text.charCodeAt(text.length - 1 - q)) q++;
    to -= q;
    text = text.slice(0, text.length - q);
    if (to > from || text.length > 0) out.push({ offset: from, length: to - from, text });
  }
  return out;
}
