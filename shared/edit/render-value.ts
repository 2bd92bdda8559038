import { stringify } from 'yaml';
import type { DocumentStyle } from '../document/document-style';

/**
 * Renders values the way the surrounding document is written, for insertion at a given indentation.
 * The first line is never indented (it continues the line it is inserted into); the following lines
 * get `prefix`, so the result can be dropped at any column.
 */
export function renderJson(value: unknown, prefix: string, style: DocumentStyle): string {
  const json = style.compact ? JSON.stringify(value) : JSON.stringify(value, null, style.indent);
  if (json === undefined) return 'null';
  return indentLines(json, prefix, style.eol);
}

export function renderJsonKey(key: string): string {
  return JSON.stringify(key);
}

function yamlOptions(style: DocumentStyle, flow: boolean) {
  return {
    indent: style.indent === '\t' ? 2 : Math.max(1, style.indent.length),
    indentSeq: style.indentSequences,
    singleQuote: style.singleQuote,
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
    collectionStyle: flow ? ('flow' as const) : ('block' as const),
    flowCollectionPadding: style.flowPadding,
  };
}

/** One scalar or a flow collection, on one line. */
export function renderYamlFlow(value: unknown, style: DocumentStyle): string {
  if (typeof value === 'string' && /[\n\r]/.test(value)) return JSON.stringify(value);
  return stringify(value ?? null, yamlOptions(style, true)).replace(/\n$/, '').replace(/\n\s*/g, ' ');
}

export function renderYamlKey(key: string, style: DocumentStyle): string {
  if (/[\n\r]/.test(key) || key === '') return JSON.stringify(key);
  // Rendering the key as a mapping key (not as a value) quotes exactly what a key needs.
  const pair = stringify(new Map([[key, null]]), yamlOptions(style, false)).replace(/\n$/, '');
  return pair.replace(/:( null)?$/, '');
}

/** What follows `key:` for this value: ` text` for one-liners, or a line break and an indented block. */
export function renderYamlPairValue(key: string, value: unknown, prefix: string, style: DocumentStyle): string {
  const full = renderYamlPair(key, value, '', style);
  const head = renderYamlKey(key, style) + ':';
  if (!full.startsWith(head)) throw new Error('unexpected YAML rendering of a pair');
  return indentLines(full.slice(head.length), prefix, style.eol, true);
}

/** `key: value` (plus indented continuation lines). */
export function renderYamlPair(key: string, value: unknown, prefix: string, style: DocumentStyle): string {
  if (isInline(value)) return `${renderYamlKey(key, style)}: ${renderYamlFlow(value, style)}`;
  // A Map keeps a hostile "__proto__" key an ordinary key.
  const body = stringify(new Map([[key, value]]), yamlOptions(style, false)).replace(/\n$/, '');
  return indentLines(body, prefix, style.eol);
}

/** `- value` (plus indented continuation lines). */
export function renderYamlItem(value: unknown, prefix: string, style: DocumentStyle): string {
  if (isInline(value)) return `- ${renderYamlFlow(value, style)}`;
  const body = stringify([value], yamlOptions(style, false)).replace(/\n$/, '');
  return indentLines(body, prefix, style.eol);
}

/** A whole value as a block at the root or in a sequence item (first line unindented). */
export function renderYamlBlock(value: unknown, prefix: string, style: DocumentStyle): string {
  if (isInline(value)) return renderYamlFlow(value, style);
  const body = stringify(value, yamlOptions(style, false)).replace(/\n$/, '');
  return indentLines(body, prefix, style.eol);
}

/** Scalars and empty collections stay on the key's line. */
export function isInline(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return !(typeof value === 'string' && /[\n\r]/.test(value));
  if (Array.isArray(value)) return value.length === 0;
  return Object.keys(value).length === 0;
}

/**
 * Prefixes every line after the first (or every line, with `all`) and converts line breaks.
 * Empty lines get no trailing whitespace.
 */
export function indentLines(text: string, prefix: string, eol: string, skipFirst = true, all = false): string {
  const lines = text.split('\n');
  return lines.map((line, i) => ((i === 0 && skipFirst && !all) || line === '' ? line : prefix + line)).join(eol);
}
