import { textOf, type ReadOptions } from './document/source-document';
import { applyIntent, type EditResult } from './edit/apply-intent';
import { rehearseEdit } from './edit/rehearse-edit';
import { EditError } from './edit/edit-error';
import type { EditIntent } from './edit/edit-intent';
import { applyEdits, invertEdits, type TextEdit } from './edit/text-edit';
import { openDocument, type ApiDocument } from './model/open-document';
import { updateDocument } from './model/update-document';

interface HistoryEntry {
  edits: TextEdit[];
  inverse: TextEdit[];
  label: string;
}

export interface SessionChange {
  document: ApiDocument;
  /** Edits against the text before this change (to update an editor buffer in place). */
  edits: TextEdit[];
}

/**
 * One open document and its undo history. Visual edits (intents) and typed edits (from the code
 * view) are both text edits on the one text, so they share one history (DESIGN §1).
 */
export class DocumentSession {
  private current: ApiDocument;
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];

  constructor(
    text: string,
    private readonly options: ReadOptions = {},
  ) {
    this.current = openDocument(text, options);
  }

  get document(): ApiDocument {
    return this.current;
  }

  get text(): string {
    return this.current.source.text;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Applies a visual edit. Throws EditError (with a message for the user) when it cannot apply. */
  apply(intent: EditIntent, label: string = intent.op): SessionChange {
    let result: EditResult;
    try {
      result = applyIntent(this.current, intent);
    } catch (e) {
      if (e instanceof EditError && e.documentInvalidated) this.current = openDocument(this.current.source.text, this.options);
      throw e;
    }
    return this.commit(result.document, result.edits, result.inverse, label);
  }

  /**
   * Warms the edit path on this document without changing its text or history (see
   * rehearseEdit). The document object changes: readers of `document` should take the new one.
   */
  rehearse(): void {
    this.current = rehearseEdit(this.current);
  }

  /** Applies edits typed in the code view (any text, even text that no longer parses). */
  applyText(edits: TextEdit[], label = 'typing'): SessionChange {
    const before = textOf(this.current.source);
    const document = updateDocument(this.current, edits);
    return this.commit(document, edits, invertEdits(before, edits), label);
  }

  undo(): SessionChange | undefined {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    this.current = updateDocument(this.current, entry.inverse);
    this.redoStack.push(entry);
    return { document: this.current, edits: entry.inverse };
  }

  redo(): SessionChange | undefined {
    const entry = this.redoStack.pop();
    if (!entry) return undefined;
    this.current = updateDocument(this.current, entry.edits);
    this.undoStack.push(entry);
    return { document: this.current, edits: entry.edits };
  }

  private commit(document: ApiDocument, edits: TextEdit[], inverse: TextEdit[], label: string): SessionChange {
    if (edits.length === 0) return { document: this.current, edits };
    this.current = document;
    this.undoStack.push({ edits, inverse, label });
    this.redoStack.length = 0;
    return { document, edits };
  }
}

/** Convenience for tools: the text after one intent. */
export function textAfter(text: string, intent: EditIntent, options: ReadOptions = {}): string {
  const result = applyIntent(openDocument(text, options), intent);
  return applyEdits(text, result.edits);
}
