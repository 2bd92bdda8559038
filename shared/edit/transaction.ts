import { updateSource } from '../document/update-source';
import type { SourceDocument } from '../document/source-document';
import type { ApiDocument } from '../model/open-document';
import { documentAfter } from '../model/update-document';
import { composeEdits } from './compose-edits';
import { StructuralEditor } from './structural-edits';
import type { TextEdit } from './text-edit';

/**
 * A sequence of structural edits where each step sees the result of the previous one, folded into
 * one list of small edits against the original text (so undo and the code view get local changes).
 */
export class Transaction {
  private composed: TextEdit[] = [];
  private doc: SourceDocument;

  constructor(private readonly original: SourceDocument) {
    this.doc = original;
  }

  get current(): SourceDocument {
    return this.doc;
  }

  get edits(): TextEdit[] {
    return this.composed;
  }

  /** The document after every step, read as cheaply as the change allows. */
  document(before: ApiDocument): ApiDocument {
    return this.composed.length === 0 ? before : documentAfter(before, this.doc, this.composed);
  }

  step(compute: (editor: StructuralEditor, doc: SourceDocument) => TextEdit[]): void {
    const edits = compute(new StructuralEditor(this.doc), this.doc);
    if (edits.length === 0) return;
    this.composed = this.composed.length === 0 ? edits : composeEdits(this.original.text, this.composed, edits);
    this.doc = updateSource(this.doc, edits);
  }
}
