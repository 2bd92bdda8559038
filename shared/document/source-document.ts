import { parseJson } from './json-source';
import { parseYaml } from './yaml-source';
import { detectStyle, type DocumentStyle } from './document-style';
import { LineIndex } from './line-index';
import type { PieceText, TextLike } from './piece-text';
import type { ParseProblem } from './parse-problem';
import type { SNode } from './source-tree';

export type DocumentFormat = 'json' | 'yaml';

/** The text of a document with its source tree: everything an edit needs, nothing more. */
export interface SourceDocument {
  readonly text: string;
  readonly format: DocumentFormat;
  /** Undefined when the text cannot be read at all (syntax errors); `problems` says why. */
  readonly root: SNode | undefined;
  readonly problems: readonly ParseProblem[];
  readonly style: DocumentStyle;
  readonly lines: LineIndex;
  /** YAML only: the text uses aliases, so one edit can change the value at several places. */
  readonly aliases?: true;
  /** The newest version of the document that shares this one's tree (see LiveText). */
  readonly live: LiveText;
  /** The text as pieces of an earlier one, for reading parts of it without flattening it (see textOf). */
  readonly pieces?: PieceText;
}

/**
 * The document's text for reading parts of it. After an edit, `text` is a concatenation that the
 * first read of any part of it copies flat (6 MB at 10,000 routes): edits read through this.
 */
export function textOf(doc: SourceDocument): TextLike {
  return doc.pieces ?? doc.text;
}

/**
 * An update that reads only part of the text again puts that part into the same tree and moves
 * what follows it in place (update-source): the tree always has the newest version's offsets,
 * and every version made that way shares one LiveText, which names that version. What keeps a
 * node of the tree (a route keeps its operation's pair) finds its line and column through it, and
 * needs no copy when text before it moves.
 */
export class LiveText {
  current!: SourceDocument;
}

/** Documents above this size are refused with a message instead of freezing the app. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  /** Used only to choose the format: `.json` is JSON, anything else is sniffed. */
  fileName?: string;
  format?: DocumentFormat;
  maxLength?: number;
}

export function detectFormat(text: string, fileName?: string): DocumentFormat {
  const lower = fileName?.toLowerCase() ?? '';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  const first = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function readSource(text: string, options: ReadOptions = {}): SourceDocument {
  const live = new LiveText();
  live.current = readNewTree(text, options, live);
  return live.current;
}

function readNewTree(text: string, options: ReadOptions, live: LiveText): SourceDocument {
  const format = options.format ?? detectFormat(text, options.fileName);
  const style = detectStyle(text, format);
  let lines: LineIndex | undefined;
  const base = {
    text,
    format,
    style,
    live,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
  };
  const max = options.maxLength ?? DEFAULT_MAX_BYTES;
  if (text.length > max) {
    return { ...base, root: undefined, problems: [{ code: 'too-large', message: `The document is ${mb(text.length)}; the limit is ${mb(max)}.`, offset: 0, length: 0 }] };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return { ...base, root: undefined, problems: [{ code: 'binary', message: 'This is a binary file, not a YAML or JSON document.', offset: nul, length: 1 }] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = format === 'json' ? parseJson(text, text.length - body.length) : parseYaml(text);
  return { ...base, root: parsed.root, problems: parsed.problems, ...('aliases' in parsed && parsed.aliases ? { aliases: true as const } : {}) };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
