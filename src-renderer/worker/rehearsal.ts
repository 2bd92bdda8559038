import { rehearseEdit } from '../../shared/edit/rehearse-edit';
import type { ApiDocument } from '../../shared/model/open-document';
import type { Validator } from '../../shared/rules/validator';
import { buildDesignView, type PreviousRows } from '../../shared/view/design-view';

/**
 * One round of the worker's rehearsal of a keystroke (see rehearseEdit): the edit, its rules and
 * its view, then the edit taken back. Nothing is published and `previous` is only read; the
 * validator's next run takes the restored text as any other change. Returns the document to keep.
 */
export function rehearse(doc: ApiDocument, validator: Validator, previous: PreviousRows | undefined): ApiDocument {
  return rehearseEdit(doc, (edited) => {
    const findings = [...edited.diagnostics, ...validator.run(edited)];
    buildDesignView({ sessionId: '', revision: -1, readable: true }, edited.model, findings, previous);
  });
}
