import type { TextEdit } from '../../../shared/edit/text-edit';

/**
 * The one edit that turns `before` into `after`: everything between their common prefix and
 * common suffix. Null when they are equal. Where a typed character repeats its neighbour ("ll"),
 * the edit may sit one character off from where the key was pressed; the resulting text is the
 * same, which is all main needs.
 */
export function diffText(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, length: endBefore - start, text: after.slice(start, endAfter) };
}

/**
 * Remote edits (against `base`) expressed against the editor's text, which is `base` plus the
 * user's unsent `local` edit. Edits clear of the local one shift by its size; an edit that
 * overlaps what the user is typing is dropped, so typed characters always win (the next flush
 * then sends the user's version of that span, and main's history can undo it).
 */
export function rebaseEdits(remote: readonly TextEdit[], local: TextEdit | null): { edits: TextEdit[]; dropped: number } {
  if (local === null) return { edits: [...remote], dropped: 0 };
  const localEnd = local.offset + local.length;
  const delta = local.text.length - local.length;
  const edits: TextEdit[] = [];
  let dropped = 0;
  for (const e of remote) {
    const end = e.offset + e.length;
    // At the same point, a remote insertion goes before what the user typed.
    if (end <= local.offset) {
      edits.push(e);
    } else if (e.offset >= localEnd) {
      edits.push({ ...e, offset: e.offset + delta });
    } else {
      dropped++;
    }
  }
  return { edits, dropped };
}
