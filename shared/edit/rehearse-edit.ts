import { isUnreadable, openDocument, type ApiDocument } from '../model/open-document';
import { updateDocument } from '../model/update-document';
import { applyIntent } from './apply-intent';
import { EditError } from './edit-error';

/**
 * Walks a keystroke in the path field through the document and takes it back: the first route's
 * path gets a character, then the inverse edits restore the text exactly.
 *
 * Why: the first keystrokes after opening a document run code the engine has never run, in its
 * interpreter. At 10,000 routes main's first path keystroke took ~350 ms and the design worker's
 * ~200 ms, against ~20 ms each once warm, and on two cores they slowed each other. Rehearsing on
 * the document itself (not a small sample) warms the very loops a keystroke runs, at their sizes.
 * Callers run it when idle after opening, a round per task.
 *
 * `during` sees the edited document (the worker runs its rules and view on it). Returns the
 * document to keep, whose text is `doc`'s: the edit moved `doc`'s tree, so `doc` itself must not
 * be used any more. When the edit is refused (say the path would clash), the returned document is
 * `doc`, or `doc` read again from its text when the refused edit had moved its tree.
 */
export function rehearseEdit(doc: ApiDocument, during?: (edited: ApiDocument) => void): ApiDocument {
  const route = isUnreadable(doc) ? undefined : doc.model.routes[0];
  if (!route) return doc;
  let result;
  try {
    result = applyIntent(doc, { op: 'updateRoute', route: route.key, path: `${route.path}-` });
  } catch (e) {
    if (e instanceof EditError && e.documentInvalidated) return openDocument(doc.source.text, { format: doc.source.format });
    if (e instanceof EditError) return doc;
    throw e;
  }
  during?.(result.document);
  return updateDocument(result.document, result.inverse);
}
