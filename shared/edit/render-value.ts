import { Document, Scalar, visit } from 'yaml';
import type { DocumentStyle } from '../document/document-style';

/**
 * Renders values the way the surrounding document is written, for insertion at a given indentation.
 * The first line is never indented (it continues the line it is inserted into); the following lines
 * get `prefix`, so the result can be dropped at any column.
 */
export function renderJson(value: unknown, prefix: string, style: DocumentStyle): string {
  return indentLines(jsonText(value, style.compact ? '' : style.indent, ''), prefix, style.eol);
}

/**
 * JSON.stringify, but Maps are objects in their own key order (plain objects put integer-like keys
 * such as status codes first) and `undefined` members are left out as JSON.stringify does.
 */
/** One-line JSON, keeping Map key order. */
export function compactJson(value: unknown): string {
  return jsonText(value, '', '');
}

function jsonText(value: unknown, indent: string, current: string): string {
  const entries: [string | null, unknown][] | undefined =
    value instanceof Map ? [...value].map(([k, v]) => [String(k), v]) : Array.isArray(value) ? value.map((v) => [null, v]) : value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function' ? Object.entries(value) : undefined;
  if (!entries) return JSON.stringify(value) ?? 'null';
  const isArray = Array.isArray(value);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  const members = entries.filter(([, v]) => isArray || (v !== undefined && typeof v !== 'function'));
  if (members.length === 0) return open + close;
  const inner = current + indent;
  const parts = members.map(([k, v]) => (k === null ? '' : JSON.stringify(k) + (indent ? ': ' : ':')) + jsonText(v === undefined ? null : v, indent, inner));
  if (!indent) return open + parts.join(',') + close;
  return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${current}${close}`;
}

export function renderJsonKey(key: string): string {
  return JSON.stringify(key);
}

/**
 * YAML text for a value (with a final line break). Multi-line strings become literal blocks only
 * where that is lossless inside a larger document — no trailing line break to keep, no trailing
 * spaces — and double-quoted strings otherwise.
 */
function stringify(value: unknown, style: DocumentStyle, flow: boolean): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || !/[\n\r]/.test(node.value)) return;
      const s = node.value;
      const safeBlock = !flow && !/\r/.test(s) && !s.endsWith('\n') && !/[ \t]\n/.test(s) && !/^\s/.test(s) && !/[ \t]$/.test(s);
      node.type = safeBlock ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({
    indent: style.indent === '\t' ? 2 : Math.max(1, style.indent.length),
    indentSeq: style.indentSequences,
    singleQuote: style.singleQuote,
    lineWidth: 0,
    minContentWidth: 0,
    collectionStyle: flow ? 'flow' : 'block',
    flowCollectionPadding: style.flowPadding,
  });
}

/** One scalar or a flow collection, on one line. */
export function renderYamlFlow(value: unknown, style: DocumentStyle): string {
  const text = stringify(value ?? null, style, true).replace(/\n$/, '');
  // Some scalars only render as blocks in YAML (a lone `---`); JSON is valid YAML flow and one line.
  return text.includes('\n') ? JSON.stringify(value ?? null) : text;
}

export function renderYamlKey(key: string, style: DocumentStyle): string {
  if (/[\n\r]/.test(key) || key === '') return JSON.stringify(key);
  // Rendering the key as a mapping key (not as a value) quotes exactly what a key needs.
  const pair = stringify(new Map([[key, null]]), style, false).replace(/\n$/, '');
  return pair.replace(/:( null)?$/, '');
}

/** What follows `key:` for this value: ` text` for one-liners, or a line break and an indented block. */
export function renderYamlPairValue(key: string, value: unknown, prefix: string, style: DocumentStyle): string {
  const full = renderYamlPair(key, value, '', { ...style, eol: '\n' });
  const head = renderYamlKey(key, style) + ':';
  if (!full.startsWith(head)) throw new Error('unexpected YAML rendering of a pair');
  return indentLines(full.slice(head.length), prefix, style.eol);
}

/** `key: value` (plus indented continuation lines). */
export function renderYamlPair(key: string, value: unknown, prefix: string, style: DocumentStyle): string {
  if (isInline(value)) return `${renderYamlKey(key, style)}: ${renderYamlFlow(value, style)}`;
  // A Map keeps a hostile "__proto__" key an ordinary key.
  return indentLines(stringify(new Map([[key, value]]), style, false).replace(/\n$/, ''), prefix, style.eol);
}

/** `- value` (plus indented continuation lines). */
export function renderYamlItem(value: unknown, prefix: string, style: DocumentStyle): string {
  if (isInline(value)) return `- ${renderYamlFlow(value, style)}`;
  return indentLines(stringify([value], style, false).replace(/\n$/, ''), prefix, style.eol);
}

/** A whole value as a block at the root (first line unindented). */
export function renderYamlBlock(value: unknown, prefix: string, style: DocumentStyle): string {
  if (isInline(value)) return renderYamlFlow(value, style);
  return indentLines(stringify(value, style, false).replace(/\n$/, ''), prefix, style.eol);
}

/** Scalars and empty collections stay on the key's line. */
export function isInline(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return !(typeof value === 'string' && /[\n\r]/.test(value));
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  return Object.keys(value).length === 0;
}

/** Prefixes every line after the first and converts line breaks; empty lines get no trailing spaces. */
export function indentLines(text: string, prefix: string, eol: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : prefix + line))
    .join(eol);
}
