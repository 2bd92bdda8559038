import { textOf } from '../document/source-document';
import type { ApiDocument } from '../model/open-document';
import { addController, deleteController, moveController, setProfile, updateController } from './controller-edits';
import type { EditContext } from './edit-context';
import { EditError } from './edit-error';
import type { EditIntent } from './edit-intent';
import { setMockSettings } from './mock-settings-edits';
import { removePathParam } from './path-param-edits';
import { addResponse, deleteResponse, removeExample, removeHeader, removeRequestBody, removeResponseBody, renameHeader, setDefaultStatus, setExample, setHeader, setRequestBody, setResponseBody, updateResponse } from './response-edits';
import { addRoute, deleteRoute, duplicateRoute, moveRoute, setPathParam, updateRoute } from './route-edits';
import { invertEdits, type TextEdit } from './text-edit';
import { Transaction } from './transaction';

export interface EditResult {
  /** The document after the edit. The document passed in must not be used any more. */
  document: ApiDocument;
  /** Edits against the previous text: apply them to an editor buffer to show the change. */
  edits: TextEdit[];
  /** Edits against the new text that restore the previous text exactly. */
  inverse: TextEdit[];
}

type Handlers = { [K in EditIntent['op']]: (ctx: EditContext, intent: Extract<EditIntent, { op: K }>) => void };

const handlers: Handlers = {
  addController,
  updateController,
  deleteController,
  moveController,
  addRoute,
  deleteRoute,
  updateRoute,
  moveRoute,
  duplicateRoute,
  setPathParam,
  removePathParam,
  setRequestBody,
  removeRequestBody,
  addResponse,
  deleteResponse,
  updateResponse,
  setDefaultStatus,
  setResponseBody,
  removeResponseBody,
  setExample,
  removeExample,
  setHeader,
  renameHeader,
  removeHeader,
  setProfile,
  setMockSettings,
};

/**
 * Turns an intent into text edits on the document and reads the model again (DESIGN §1).
 * Throws EditError with a message for the user when the intent cannot apply; the document is
 * then unchanged only if no step ran, so callers re-open from text on error (see DocumentSession).
 */
export function applyIntent(doc: ApiDocument, intent: EditIntent): EditResult {
  if (!doc.source.root) throw new EditError('The document has syntax errors; fix them in the code view first.');
  const handler = handlers[intent.op] as ((ctx: EditContext, intent: EditIntent) => void) | undefined;
  if (!handler) throw new EditError(`Unknown edit "${String((intent as { op: unknown }).op)}".`);
  const tx = new Transaction(doc.source);
  try {
    handler({ doc, tx }, intent);
  } catch (e) {
    // A failed later step may leave the tree of `doc` shifted (JSON is updated in place).
    if (e instanceof EditError && tx.current !== doc.source) e.documentInvalidated = true;
    throw e;
  }
  const edits = tx.edits;
  if (edits.length === 0) return { document: doc, edits, inverse: [] };
  return { document: tx.document(doc), edits, inverse: invertEdits(textOf(doc.source), edits) };
}
