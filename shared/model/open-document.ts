import { readSource, type ReadOptions, type SourceDocument } from '../document/source-document';
import type { ParseProblem } from '../document/parse-problem';
import type { ApiModel } from './api-model';
import { buildModel, emptyModel } from './build-model';
import type { Diagnostic } from './diagnostic';

/** A document as the app holds it: the text (the truth), its tree, and the model read from it. */
export interface ApiDocument {
  readonly source: SourceDocument;
  readonly model: ApiModel;
  /** Problems reading the document: syntax, duplicate keys, wrong shapes, unsupported versions. */
  readonly diagnostics: readonly Diagnostic[];
}

export function openDocument(text: string, options: ReadOptions = {}): ApiDocument {
  return fromSource(readSource(text, options));
}

export function fromSource(source: SourceDocument): ApiDocument {
  const problems = source.problems.map((p) => problemDiagnostic(source, p));
  if (!source.root) return { source, model: emptyModel(source.format), diagnostics: problems };
  const { model, diagnostics } = buildModel(source);
  return { source, model, diagnostics: [...problems, ...diagnostics] };
}

/** True when the text could not be read into a tree: edits wait until the text is fixed. */
export function isUnreadable(doc: ApiDocument): boolean {
  return doc.source.root === undefined;
}

function problemDiagnostic(source: SourceDocument, p: ParseProblem): Diagnostic {
  return {
    rule: `document/${p.code}`,
    severity: 'error',
    message: p.message,
    target: { pointer: '', range: source.lines.range(p.offset, p.offset + p.length) },
  };
}
