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
 * Callers run it right after opening, a round per task.
 *
 * `during` sees the edited document (the worker runs its rules and view on it). Returns the
 * document to keep, whose text is `doc`'s: the edit moved `doc`'s tree, so `doc` itself must not
 * be used any more. When the edit is refused (say the path would clash), the returned document is
 * `doc`; when anything failed after the edit began, `doc`'s text read again. A rehearsal never
 * throws: it is only there to make the next keystroke faster, and that keystroke would meet the
 * same failure and report it.
 */
export function rehearseEdit(doc: ApiDocument, during?: (edited: ApiDocument) => void): ApiDocument {
  const route = isUnreadable(doc) ? undefined : doc.model.routes[0];
  if (!route) return doc;
  const text = doc.source.text;
  try {
    const result = applyIntent(doc, { op: 'updateRoute', route: route.key, path: `${route.path}-` });
    during?.(result.document);
    return updateDocument(result.document, result.inverse);
  } catch (e) {
    if (e instanceof EditError && !e.documentInvalidated) return doc;
    return openDocument(text, { format: doc.source.format });
  }
}
