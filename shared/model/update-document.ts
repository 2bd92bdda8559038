import { updateSource } from '../document/update-source';
import type { SourceDocument } from '../document/source-document';
import { asMap, getPair } from '../document/source-tree';
import { editSpan, type TextEdit } from '../edit/text-edit';
import { updateModel, type LocalChange } from './build-model';
import { fromSource, type ApiDocument } from './open-document';

/**
 * The document after `edits`, read again as cheaply as the edit allows: an edit inside one path
 * item re-reads only that path item. The document passed in must not be used afterwards.
 */
export function updateDocument(doc: ApiDocument, edits: readonly TextEdit[]): ApiDocument {
  if (edits.length === 0) return doc;
  return documentAfter(doc, updateSource(doc.source, edits), edits);
}

/** The document for `source`, which is `before`'s text with `edits` (against that text) applied. */
export function documentAfter(before: ApiDocument, source: SourceDocument, edits: readonly TextEdit[]): ApiDocument {
  if (!source.root || source.problems.length > 0 || before.diagnostics.length > 0) return fromSource(source);
  const change = localChange(source, edits);
  if (!change) return fromSource(source);
  const { model, diagnostics } = updateModel(source, { model: before.model, diagnostics: [] }, change);
  return { source, model, diagnostics };
}

/** The path item whose value (in the new text) strictly contains every change; its key is untouched. */
function localChange(source: SourceDocument, edits: readonly TextEdit[]): LocalChange | undefined {
  const root = asMap(source.root);
  const paths = asMap(root && getPair(root, 'paths')?.value);
  if (!paths) return undefined;
  const { start, end } = editSpan(edits);
  const delta = edits.reduce((d, e) => d + e.text.length - e.length, 0);
  const newEnd = end + delta;
  const pairs = paths.pairs;
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pairs[mid];
    if (!p) return undefined;
    if (p.value.end <= start) lo = mid + 1;
    else if (p.keyStart >= newEnd) hi = mid - 1;
    else {
      const inside = (p.value.kind === 'map' || p.value.kind === 'seq') && p.value.start < start && newEnd < p.value.end;
      return inside ? { path: p.key, start, end, delta } : undefined;
    }
  }
  return undefined;
}
