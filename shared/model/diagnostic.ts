import type { SourceRange } from '../document/line-index';
import type { EditIntent } from '../edit/edit-intent';

export type Severity = 'error' | 'warning' | 'info';

/** What a diagnostic is about: a place in the document, and the model element there if any. */
export interface DiagnosticTarget {
  pointer: string;
  range?: SourceRange;
  routeKey?: string;
  status?: string;
  header?: string;
}

/** DESIGN §4: a diagnostic is data. Rule ids are stable; messages are for people. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  target: DiagnosticTarget;
  related?: DiagnosticTarget[];
  /** One-click fixes. A fix is an edit intent: applyIntent turns it into text edits (DESIGN §4). */
  fixes?: Fix[];
}

export interface Fix {
  /** What the button says: "Move GET /users/me above GET /users/{user_id}". */
  title: string;
  intent: EditIntent;
}
