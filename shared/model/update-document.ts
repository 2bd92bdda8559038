import { EditMapping } from '../document/edit-mapping';
import { textOf, type SourceDocument } from '../document/source-document';
import { updateSourceTracked } from '../document/update-source';
import type { TextEdit } from '../edit/text-edit';
import { updateModel } from './build-model';
import { fromSource, type ApiDocument } from './open-document';
import { unchangedRoutes } from './unchanged-routes';
import { X_ROOT } from './x-routecraft';

/**
 * The document after `edits`, read again as cheaply as the edits allow: only the path items they
 * touch are read again, wherever they are, with the routing settings. The document passed in
 * must not be used afterwards.
 */
export function updateDocument(doc: ApiDocument, edits: readonly TextEdit[]): ApiDocument {
  if (edits.length === 0) return doc;
  const { source, changedRootKeys } = updateSourceTracked(doc.source, edits);
  return documentAfter(doc, source, edits, changedRootKeys);
}

/** Root keys whose changes the model can take path item by path item. */
const LOCAL_ROOT_KEYS: ReadonlySet<string> = new Set(['paths', X_ROOT]);

/**
 * The document for `source`, which is `before`'s text with `edits` (against that text) applied;
 * `changedRootKeys` says under which root keys the tree changed (undefined: anywhere).
 */
export function documentAfter(before: ApiDocument, source: SourceDocument, edits: readonly TextEdit[], changedRootKeys: ReadonlySet<string> | undefined): ApiDocument {
  if (!source.root || source.problems.length > 0 || before.diagnostics.length > 0 || !changedRootKeys) return fromSource(source);
  // Routes read tags (controller prefixes) and components ($ref): a change there can touch any route.
  for (const key of changedRootKeys) if (!LOCAL_ROOT_KEYS.has(key)) return fromSource(source);
  const mapping = new EditMapping(textOf(before.source), before.source.lines, source.lines, edits);
  const { model, diagnostics } = updateModel(source, unchangedRoutes(mapping));
  return { source, model, diagnostics };
}
