import type { TextLike } from '../document/piece-text';
import { textOf, type SourceDocument } from '../document/source-document';
import { toOrderedValue, type SMap, type SNode, type SPair, type SSeq } from '../document/source-tree';
import { EditError } from './edit-error';
import { compactJson, isInline, renderJson, renderJsonKey, renderYamlBlock, renderYamlFlow, renderYamlItem, renderYamlKey, renderYamlPair, renderYamlPairValue } from './render-value';
import type { TextEdit } from './text-edit';

/**
 * The structural edits everything else is built from: set, insert, remove, rename, move. Each returns
 * the minimal text edits against the document's current text; the rest of the text is untouched.
 * Paths are arrays of keys (sequence indexes as decimal strings), as in JSON pointers.
 */
export type Path = readonly string[];

interface Located {
  node: SNode;
  /** How the node hangs off its parent. */
  parent: { kind: 'root' } | { kind: 'pair'; map: SMap; index: number } | { kind: 'item'; seq: SSeq; index: number };
}

export class StructuralEditor {
  /** Read in parts only (see textOf). */
  private readonly text: TextLike;

  constructor(private readonly doc: SourceDocument) {
    if (!doc.root) throw new EditError('The document has syntax errors; fix them in the code view first.');
    this.text = textOf(doc);
  }

  has(path: Path): boolean {
    return this.find(path) !== undefined;
  }

  /** Sets the value at `path`, creating missing parent mappings. */
  set(path: Path, value: unknown): TextEdit[] {
    const found = this.find(path);
    if (found) return this.replace(found, value);
    // Create the missing part under the deepest existing mapping.
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const parent = this.find(path.slice(0, depth));
      if (!parent) continue;
      if (parent.node.kind !== 'map') {
        if (parent.node.kind === 'scalar' && parent.node.value === null) return this.replace(parent, nest(path.slice(depth), value));
        throw new EditError(`Cannot add "${path[depth]}" under ${describe(path.slice(0, depth))}: it is not a mapping.`);
      }
      const [key, ...rest] = path.slice(depth);
      return this.insertPair(path.slice(0, depth), key as string, nest(rest, value));
    }
    throw new EditError('Cannot edit a document without a root mapping.');
  }

  /** Inserts `key: value` into the mapping at `mapPath`, before the pair at `index` (default: last). */
  insertPair(mapPath: Path, key: string, value: unknown, index?: number): TextEdit[] {
    const found = this.require(mapPath);
    const map = found.node;
    if (map.kind === 'scalar' && map.value === null) return this.replace(found, { [key]: value });
    if (map.kind !== 'map') throw new EditError(`${describe(mapPath)} is not a mapping.`);
    if (map.pairs.some((p) => p.key === key)) throw new EditError(`${describe(mapPath)} already has "${key}".`);
    const at = Math.max(0, Math.min(index ?? map.pairs.length, map.pairs.length));
    if (this.doc.format === 'json') return this.jsonInsert(map, at, `${renderJsonKey(key)}: `, (prefix) => renderJson(value, prefix, this.doc.style));
    if (map.flow) {
      if (map.pairs.length === 0 && !this.insideFlow(found)) return this.replace(found, new Map([[key, value]]));
      return this.replace(found, withPair(toOrderedValue(map) as Map<string, unknown>, key, value, at));
    }
    return this.yamlInsertEntry(
      map.pairs.map((p) => ({ start: p.keyStart, end: contentEnd(this.text, p.value, p.keyEnd) })),
      at,
      (prefix) => renderYamlPair(key, value, prefix, this.doc.style),
    );
  }

  /** Inserts an item into the sequence at `seqPath` at `index` (default: last). */
  insertItem(seqPath: Path, value: unknown, index?: number): TextEdit[] {
    const found = this.require(seqPath);
    const seq = found.node;
    if (seq.kind === 'scalar' && seq.value === null) return this.replace(found, [value]);
    if (seq.kind !== 'seq') throw new EditError(`${describe(seqPath)} is not a list.`);
    const at = Math.max(0, Math.min(index ?? seq.items.length, seq.items.length));
    if (this.doc.format === 'json') return this.jsonInsert(seq, at, '', (prefix) => renderJson(value, prefix, this.doc.style));
    if (seq.flow) {
      const items = toOrderedValue(seq) as unknown[];
      items.splice(at, 0, value);
      if (seq.items.length === 0 && !this.insideFlow(found)) return this.replace(found, items);
      return this.replace(found, items, true);
    }
    return this.yamlInsertEntry(this.yamlItemSpans(seq), at, (prefix) => renderYamlItem(value, prefix, this.doc.style));
  }

  /** Removes the pair or item at `path`. */
  remove(path: Path): TextEdit[] {
    const found = this.require(path);
    const parent = found.parent;
    if (parent.kind === 'root') throw new EditError('Cannot remove the whole document.');
    const container = parent.kind === 'pair' ? parent.map : parent.seq;
    const count = parent.kind === 'pair' ? parent.map.pairs.length : parent.seq.items.length;
    const containerPath = path.slice(0, -1);
    const containerFound = this.require(containerPath);
    if (count === 1) return this.replace(containerFound, parent.kind === 'pair' ? {} : [], container.flow && this.insideFlow(containerFound));
    if (this.doc.format === 'json') return [this.jsonRemoveEdit(this.jsonSpans(container), parent.index)];
    if (container.flow) {
      const value = toOrderedValue(container);
      if (parent.kind === 'pair') (value as Map<string, unknown>).delete(path[path.length - 1] as string);
      else (value as unknown[]).splice(parent.index, 1);
      return this.replace(containerFound, value, true);
    }
    const spans = parent.kind === 'pair' ? parent.map.pairs.map((p) => ({ start: p.keyStart, end: contentEnd(this.text, p.value, p.keyEnd) })) : this.yamlItemSpans(parent.seq);
    return [this.yamlRemoveEdit(spans, parent.index)];
  }

  /** Renames the key at `path` in place; its value and position stay. */
  renameKey(path: Path, newKey: string): TextEdit[] {
    const found = this.require(path);
    if (found.parent.kind !== 'pair') throw new EditError(`${describe(path)} is not a mapping key.`);
    const { map, index } = found.parent;
    const pair = map.pairs[index] as SPair;
    if (pair.key === newKey) return [];
    if (map.pairs.some((p) => p.key === newKey)) throw new EditError(`${describe(path.slice(0, -1))} already has "${newKey}".`);
    const text = this.doc.format === 'json' ? renderJsonKey(newKey) : renderYamlKey(newKey, this.doc.style);
    return [{ offset: pair.keyStart, length: pair.keyEnd - pair.keyStart, text }];
  }

  /** Moves item `from` of the sequence at `seqPath` so that it ends up at index `to`. */
  moveItem(seqPath: Path, from: number, to: number): TextEdit[] {
    const found = this.require(seqPath);
    const seq = found.node;
    if (seq.kind !== 'seq') throw new EditError(`${describe(seqPath)} is not a list.`);
    const n = seq.items.length;
    if (from < 0 || from >= n || to < 0 || to >= n) throw new EditError(`Cannot move item ${from} to ${to} of a list of ${n}.`);
    if (from === to) return [];
    if (seq.flow && this.doc.format === 'yaml') {
      const items = toOrderedValue(seq) as unknown[];
      const [moved] = items.splice(from, 1);
      items.splice(to, 0, moved);
      return this.replace(found, items, true);
    }
    // In the original indexes: insert before item `before` (or after the last one).
    const before = to < from ? to : to + 1;
    if (this.doc.format === 'json') {
      const spans = this.jsonSpans(seq);
      const item = seq.items[from] as SNode;
      const chunk = this.text.slice(item.start, item.end);
      return [this.jsonRemoveEdit(spans, from), ...this.jsonInsert(seq, before, '', () => chunk)];
    }
    const spans = this.yamlItemSpans(seq);
    const span = spans[from] as Span;
    const chunk = this.text.slice(this.entryStart(span.start), lineEnd(this.text, span.end));
    const removal = this.yamlRemoveEdit(spans, from);
    const insertion = before < n ? { offset: this.entryStart((spans[before] as Span).start), length: 0, text: chunk + this.doc.style.eol } : { offset: lineEnd(this.text, (spans[n - 1] as Span).end), length: 0, text: this.doc.style.eol + chunk };
    return [removal, insertion];
  }

  /**
   * The edits of `remove([...seqPath, index])` followed by `insertItem(seqPath, value, index)`,
   * computed as one replacement of the item: renaming an entry of a 10,000-entry list on every
   * keystroke then costs one step, not two. Only where both give the same text — a JSON list of
   * two or more items whose separator there is the one `insertItem` writes, and a string value;
   * undefined otherwise.
   */
  reinsertItem(seqPath: Path, index: number, value: string): TextEdit[] | undefined {
    if (this.doc.format !== 'json') return undefined;
    const found = this.find([...seqPath, String(index)]);
    if (!found || found.parent.kind !== 'item') return undefined;
    const items = found.parent.seq.items;
    const first = items[0] as SNode;
    const n = items.length;
    if (n < 2) return undefined;
    // What jsonInsert writes between two items (the first item's indentation stays the first's:
    // removing item 0 moves item 1 onto its line).
    const seq = found.parent.seq;
    const multiline = this.text.slice(seq.start, first.start).includes('\n');
    const sep = multiline ? this.doc.style.eol + lineIndent(this.text, first.start) : ' ';
    // The separator the removal takes away: after the item, or before it when it is the last.
    const [a, b] = index < n - 1 ? [items[index], items[index + 1]] : [items[n - 2], items[n - 1]];
    if (this.text.slice((a as SNode).end, (b as SNode).start) !== `,${sep}`) return undefined;
    return this.replace(found, value);
  }

  /**
   * The pair at `path` as written — its comment lines, key, value and layout — for moving it
   * elsewhere with `insertEntry`. Moving text instead of values keeps comments, formatting and the
   * order of keys such as status codes (which a JavaScript object would sort).
   */
  entry(path: Path): Entry {
    const found = this.require(path);
    if (found.parent.kind !== 'pair') throw new EditError(`${describe(path)} is not a mapping entry.`);
    const map = found.parent.map;
    const pair = map.pairs[found.parent.index] as SPair;
    if (this.doc.format === 'yaml' && (map.flow || !startsLine(this.text, pair.keyStart))) {
      return { kind: 'value', key: pair.key, value: toOrderedValue(pair.value) };
    }
    const start = this.doc.format === 'yaml' ? this.entryStart(pair.keyStart) : pair.keyStart;
    const end = this.doc.format === 'yaml' ? lineEnd(this.text, contentEnd(this.text, pair.value, pair.keyEnd)) : pair.value.end;
    const column = pair.keyStart - lineStart(this.text, pair.keyStart);
    return { kind: 'text', key: pair.key, text: this.text.slice(start, end), keyOffset: pair.keyStart - start, keyLength: pair.keyEnd - pair.keyStart, column, format: this.doc.format };
  }

  /** Inserts an entry taken with `entry()` (from this or an earlier version of the text) under a new key. */
  insertEntry(mapPath: Path, entry: Entry, key: string, index?: number): TextEdit[] {
    if (entry.kind === 'value' || entry.format !== this.doc.format) return this.insertPair(mapPath, key, entry.kind === 'value' ? entry.value : this.valueOf(entry), index);
    const found = this.require(mapPath);
    const map = found.node;
    if (map.kind !== 'map') throw new EditError(`${describe(mapPath)} is not a mapping.`);
    if (map.pairs.some((p) => p.key === key)) throw new EditError(`${describe(mapPath)} already has "${key}".`);
    const renderedKey = this.doc.format === 'json' ? renderJsonKey(key) : renderYamlKey(key, this.doc.style);
    const text = entry.text.slice(0, entry.keyOffset) + renderedKey + entry.text.slice(entry.keyOffset + entry.keyLength);
    const firstPair = map.pairs[0];
    if (!firstPair) return this.fillEmpty(found, text, entry.column);
    const targetColumn = column(this.text, firstPair.keyStart);
    if (this.doc.format === 'yaml' && (map.flow || !startsLine(this.text, firstPair.keyStart))) throw new EditError(`${describe(mapPath)} is written on one line; edit it in the code view.`);
    // Same depth, same layout: only the indentation may differ, by whole columns.
    const shifted = reindent(text, targetColumn - entry.column, this.doc.style.eol);
    const at = Math.max(0, Math.min(index ?? map.pairs.length, map.pairs.length));
    if (this.doc.format === 'json') return this.jsonInsert(map, at, '', () => shifted.replace(/^[ \t]*/, ''));
    return this.yamlInsertEntry(
      map.pairs.map((p) => ({ start: p.keyStart, end: contentEnd(this.text, p.value, p.keyEnd) })),
      at,
      () => shifted.replace(/^[ \t]*/, ''),
    );
  }

  /** An empty mapping (`{}`) becomes a block holding one moved entry. */
  private fillEmpty(found: Located, text: string, fromColumn: number): TextEdit[] {
    const map = found.node;
    const { eol, indent } = this.doc.style;
    if (this.doc.format === 'json') {
      const inner = lineIndent(this.text, map.start) + indent;
      const body = reindent(text, inner.length - fromColumn, eol).replace(/^[ \t]*/, '');
      return [{ offset: map.start, length: map.end - map.start, text: `{${eol}${inner}${body}${eol}${lineIndent(this.text, map.start)}}` }];
    }
    if (found.parent.kind !== 'pair' || found.parent.map.flow) throw new EditError('This mapping is written on one line; edit it in the code view.');
    const pair = found.parent.map.pairs[found.parent.index] as SPair;
    const prefix = ' '.repeat(column(this.text, pair.keyStart)) + (indent === '\t' ? '  ' : indent);
    const body = reindent(text, prefix.length - fromColumn, eol).replace(/^[ \t]*/, '');
    const colon = this.colonEnd(pair);
    return [{ offset: colon, length: contentEnd(this.text, map) - colon, text: eol + prefix + body }];
  }

  private valueOf(entry: Entry): unknown {
    if (entry.kind === 'value') return entry.value;
    throw new EditError('This entry cannot be moved between documents of different formats.');
  }

  // ---- locating -------------------------------------------------------------------------------

  private find(path: Path): Located | undefined {
    let located: Located = { node: this.doc.root as SNode, parent: { kind: 'root' } };
    for (const key of path) {
      const node = located.node;
      if (node.kind === 'alias') throw new EditError(`${describe(path)} is reached through a YAML alias; edit the anchored original instead.`);
      if (node.kind === 'map') {
        const index = node.pairs.findIndex((p) => p.key === key);
        if (index === -1) return undefined;
        located = { node: (node.pairs[index] as SPair).value, parent: { kind: 'pair', map: node, index } };
      } else if (node.kind === 'seq' && /^(0|[1-9]\d*)$/.test(key) && Number(key) < node.items.length) {
        const index = Number(key);
        located = { node: node.items[index] as SNode, parent: { kind: 'item', seq: node, index } };
      } else return undefined;
    }
    return located;
  }

  private require(path: Path): Located {
    const found = this.find(path);
    if (!found) throw new EditError(`${describe(path)} does not exist.`);
    return found;
  }

  private insideFlow(found: Located): boolean {
    const p = found.parent;
    return p.kind === 'pair' ? p.map.flow : p.kind === 'item' ? p.seq.flow : false;
  }

  // ---- replacing a value -----------------------------------------------------------------------

  private replace(found: Located, value: unknown, forceFlow = false): TextEdit[] {
    const { node, parent } = found;
    const style = this.doc.style;
    const end = contentEnd(this.text, node);
    if (this.doc.format === 'json') {
      return [{ offset: node.start, length: node.end - node.start, text: renderJson(value, lineIndent(this.text, node.start), style) }];
    }
    // Keep the style of what is replaced: a flow collection stays a one-line flow collection.
    const wasFlow = (node.kind === 'map' || node.kind === 'seq') && node.flow && !(isEmptyCollection(value) === false && isEmptyNode(node));
    if (forceFlow || this.insideFlow(found) || (wasFlow && !isInline(value) && fitsOnALine(value))) {
      const padded = wasFlow ? this.text.charAt(node.start + 1) === ' ' : style.flowPadding;
      return [{ offset: node.start, length: end - node.start, text: renderYamlFlow(value, { ...style, flowPadding: padded }) }];
    }
    if (parent.kind === 'pair') {
      const pair = parent.map.pairs[parent.index] as SPair;
      const colon = this.colonEnd(pair);
      const prefix = ' '.repeat(column(this.text, pair.keyStart));
      return [{ offset: colon, length: Math.max(colon, end) - colon, text: renderYamlPairValue(pair.key, value, prefix, style) }];
    }
    if (parent.kind === 'item') {
      const prefix = ' '.repeat(column(this.text, node.start) - 2);
      const item = renderYamlItem(value, prefix, style);
      return [{ offset: node.start, length: end - node.start, text: item.slice(2) }];
    }
    return [{ offset: node.start, length: end - node.start, text: isInline(value) ? renderYamlFlow(value, style) : renderYamlBlock(value, '', style) }];
  }

  private colonEnd(pair: SPair): number {
    const colon = this.text.indexOf(':', pair.keyEnd);
    if (colon === -1) throw new EditError(`Cannot find the ':' after "${pair.key}".`);
    return colon + 1;
  }

  // ---- JSON -------------------------------------------------------------------------------------

  private jsonSpans(container: SMap | SSeq): Span[] {
    return container.kind === 'map' ? container.pairs.map((p) => ({ start: p.keyStart, end: p.value.end })) : container.items.map((i) => ({ start: i.start, end: i.end }));
  }

  private jsonInsert(container: SMap | SSeq, at: number, head: string, render: (prefix: string) => string): TextEdit[] {
    const { eol, indent, compact } = this.doc.style;
    const spans = this.jsonSpans(container);
    const base = lineIndent(this.text, container.start);
    if (spans.length === 0) {
      const [open, close] = container.kind === 'map' ? ['{', '}'] : ['[', ']'];
      if (compact) return [{ offset: container.start, length: container.end - container.start, text: `${open}${head}${render('')}${close}` }];
      const inner = base + indent;
      return [{ offset: container.start, length: container.end - container.start, text: `${open}${eol}${inner}${head}${render(inner)}${eol}${base}${close}` }];
    }
    const first = spans[0] as Span;
    const multiline = this.text.slice(container.start, first.start).includes('\n');
    const prefix = multiline ? lineIndent(this.text, first.start) : base;
    const sep = multiline ? eol + prefix : ' ';
    const entry = head + render(prefix);
    if (at < spans.length) return [{ offset: (spans[at] as Span).start, length: 0, text: `${entry},${sep}` }];
    return [{ offset: (spans[spans.length - 1] as Span).end, length: 0, text: `,${sep}${entry}` }];
  }

  private jsonRemoveEdit(spans: Span[], index: number): TextEdit {
    const span = spans[index] as Span;
    if (index < spans.length - 1) {
      const next = spans[index + 1] as Span;
      return { offset: span.start, length: next.start - span.start, text: '' };
    }
    const prev = spans[index - 1] as Span;
    return { offset: prev.end, length: span.end - prev.end, text: '' };
  }

  // ---- YAML block collections --------------------------------------------------------------------

  /** Item spans start at the item's dash, so inserted and removed lines include it. */
  private yamlItemSpans(seq: SSeq): Span[] {
    return seq.items.map((item) => {
      let dash = item.start - 1;
      while (dash >= 0 && (this.text.charAt(dash) === ' ' || this.text.charAt(dash) === '\t')) dash--;
      if (this.text.charAt(dash) !== '-') throw new EditError('This list is written in a layout Routecraft cannot edit yet; edit it in the code view.');
      return { start: dash, end: contentEnd(this.text, item) };
    });
  }

  private yamlInsertEntry(spans: Span[], at: number, render: (prefix: string) => string): TextEdit[] {
    const eol = this.doc.style.eol;
    const first = spans[0];
    if (!first) throw new EditError('Cannot insert into an empty block collection.');
    const prefix = ' '.repeat(column(this.text, first.start));
    const entry = render(prefix);
    if (at >= spans.length) return [{ offset: lineEnd(this.text, (spans[spans.length - 1] as Span).end), length: 0, text: eol + prefix + entry }];
    const target = spans[at] as Span;
    if (!startsLine(this.text, target.start)) {
      // `- name: id` — the first key shares its line with the dash: insert right there.
      return [{ offset: target.start, length: 0, text: entry + eol + prefix }];
    }
    return [{ offset: this.entryStart(target.start), length: 0, text: prefix + entry + eol }];
  }

  private yamlRemoveEdit(spans: Span[], index: number): TextEdit {
    const span = spans[index] as Span;
    const next = spans[index + 1];
    if (!startsLine(this.text, span.start)) {
      if (!next) throw new EditError('Cannot remove this entry in its current layout; edit it in the code view.');
      return { offset: span.start, length: next.start - span.start, text: '' };
    }
    const start = this.entryStart(span.start);
    const end = lineEnd(this.text, span.end);
    const eol = this.text.startsWith('\r\n', end) ? 2 : this.text.charAt(end) === '\n' ? 1 : 0;
    if (eol === 0 && start > 0) {
      const before = this.text.charAt(start - 2) === '\r' ? 2 : 1;
      return { offset: start - before, length: end - start + before, text: '' };
    }
    return { offset: start, length: end + eol - start, text: '' };
  }

  /** An entry owns the comment lines right above it, so removing or moving it takes them along. */
  private entryStart(offset: number): number {
    let start = lineStart(this.text, offset);
    const indent = column(this.text, offset);
    while (start > 0) {
      const prevStart = lineStart(this.text, start - 1);
      const line = this.text.slice(prevStart, start).replace(/\r?\n$/, '');
      const trimmed = line.trimStart();
      if (!trimmed.startsWith('#') || line.length - trimmed.length !== indent) break;
      start = prevStart;
    }
    return start;
  }
}

function isEmptyCollection(value: unknown): boolean | undefined {
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (value && typeof value === 'object') return Object.keys(value).length === 0;
  return undefined;
}

function isEmptyNode(node: SNode): boolean {
  return (node.kind === 'map' && node.pairs.length === 0) || (node.kind === 'seq' && node.items.length === 0);
}

/** Short values stay one-liners when they replace one; long ones read better as blocks. */
function fitsOnALine(value: unknown): boolean {
  const json = compactJson(value);
  return json.length <= 80 && !/[\n\r]/.test(json);
}

/** A mapping entry lifted out of a document by `entry()`. */
export type Entry =
  | { kind: 'value'; key: string; value: unknown }
  | { kind: 'text'; key: string; text: string; keyOffset: number; keyLength: number; column: number; format: 'json' | 'yaml' };

/** Moves every line after the first `by` columns right (or left, as far as there are spaces). */
function reindent(text: string, by: number, eol: string): string {
  if (by === 0) return text;
  const lines = text.split(/\r?\n/);
  return lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      if (by > 0) return ' '.repeat(by) + line;
      const spaces = /^ */.exec(line)?.[0].length ?? 0;
      return line.slice(Math.min(spaces, -by));
    })
    .join(eol);
}

interface Span {
  start: number;
  end: number;
}

function nest(path: Path, value: unknown): unknown {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) v = { [path[i] as string]: v };
  return v;
}

function withPair(map: Map<string, unknown>, key: string, value: unknown, at: number): Map<string, unknown> {
  const entries = [...map];
  entries.splice(at, 0, [key, value]);
  return new Map(entries);
}

export function describe(path: Path): string {
  return path.length === 0 ? 'The document root' : `\`${path.join('.')}\``;
}

/** The end of a node's own content; an empty value (`key:`) ends after its key's colon. */
export function contentEnd(_text: TextLike, node: SNode, fallback?: number): number {
  if (node.kind === 'scalar' && node.start === node.end && fallback !== undefined) return Math.max(node.end, fallback);
  return node.end;
}

export function lineStart(text: TextLike, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEnd(text: TextLike, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return text.charAt(nl - 1) === '\r' ? nl - 1 : nl;
}

export function column(text: TextLike, offset: number): number {
  return offset - lineStart(text, offset);
}

function startsLine(text: TextLike, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

function lineIndent(text: TextLike, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset + 1))?.[0] ?? '';
}
