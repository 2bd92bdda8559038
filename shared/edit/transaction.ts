import { updateSourceTracked } from '../document/update-source';
import { textOf, type SourceDocument } from '../document/source-document';
import type { ApiDocument } from '../model/open-document';
import { documentAfter } from '../model/update-document';
import { composeEdits } from './compose-edits';
import { StructuralEditor } from './structural-edits';
import type { TextEdit } from './text-edit';

/**
 * A sequence of structural edits where each step sees the result of the previous one, folded into
 * one list of small edits against the original text (so undo and the code view get local changes).
 * Each step updates the tree only where it changed, and the model is read once, at the end, only
 * where the steps together changed it.
 */
export class Transaction {
  private composed: TextEdit[] = [];
  private doc: SourceDocument;
  /** Root keys under which any step changed the tree; undefined: anywhere. */
  private changedRootKeys: Set<string> | undefined = new Set();

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
    return this.composed.length === 0 ? before : documentAfter(before, this.doc, this.composed, this.changedRootKeys);
  }

  step(compute: (editor: StructuralEditor, doc: SourceDocument) => TextEdit[]): void {
    const edits = compute(new StructuralEditor(this.doc), this.doc);
    if (edits.length === 0) return;
    this.composed = this.composed.length === 0 ? edits : composeEdits(textOf(this.original), this.composed, edits);
    const update = updateSourceTracked(this.doc, edits);
    this.doc = update.source;
    if (!update.changedRootKeys) this.changedRootKeys = undefined;
    else for (const key of update.changedRootKeys) this.changedRootKeys?.add(key);
  }
}
