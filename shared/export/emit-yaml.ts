import { isMap, type OValue } from './ordered-value';

/**
 * YAML text of an ordered value, in block style with two-space indentation: what people write by
 * hand and what diffs well. Written directly rather than with the `yaml` package's stringify, which
 * takes seconds on GitHub's 13 MB description.
 *
 * Scalars are plain only when every YAML 1.1 and 1.2 reader agrees they are that string; otherwise
 * they are double-quoted (JSON's escapes are valid YAML, plus `\u` escapes for characters YAML does
 * not allow raw). Multi-line text becomes a literal block (`|`) when that is exact.
 */
export function emitYaml(value: OValue): string {
  const out = new Out();
  if (isMap(value) && value.size > 0) writeMapBody(value, 0, out);
  else if (Array.isArray(value) && value.length > 0) writeSeqBody(value, 0, out);
  else out.push(`${inlineScalar(value)}\n`);
  return out.s;
}

/** One growing string: V8 appends to it much faster than it joins an array of parts. */
class Out {
  s = '';
  push(part: string): void {
    this.s += part;
  }
}

const INDENTS: string[] = [''];
function indent(level: number): string {
  while (INDENTS.length <= level) INDENTS.push(`${INDENTS[INDENTS.length - 1] as string}  `);
  return INDENTS[level] as string;
}

function isCollection(v: OValue): v is OValue[] | Map<string, OValue> {
  return (Array.isArray(v) && v.length > 0) || (isMap(v) && v.size > 0);
}

/** Lines `key: value` at `level`; the caller has written nothing on the current line. */
function writeMapBody(map: Map<string, OValue>, level: number, out: Out, firstInline = false): void {
  let first = true;
  for (const [k, v] of map) {
    if (!(first && firstInline)) out.push(indent(level));
    first = false;
    out.push(`${yamlKey(k)}:`);
    writeValueAfterKey(v, level, out);
  }
}

function writeSeqBody(seq: OValue[], level: number, out: Out, firstInline = false): void {
  let first = true;
  for (const item of seq) {
    if (!(first && firstInline)) out.push(indent(level));
    first = false;
    out.push('-');
    if (isMap(item) && item.size > 0) {
      out.push(' ');
      writeMapBody(item, level + 1, out, true);
    } else if (Array.isArray(item) && item.length > 0) {
      out.push(' ');
      writeSeqBody(item, level + 1, out, true);
    } else {
      out.push(' ');
      writeScalar(item, level + 1, out);
    }
  }
}

function writeValueAfterKey(v: OValue, level: number, out: Out): void {
  const flow = Array.isArray(v) ? flowSeq(v) : undefined;
  if (flow !== undefined) {
    out.push(` ${flow}\n`);
    return;
  }
  if (isCollection(v)) {
    out.push('\n');
    if (Array.isArray(v)) writeSeqBody(v, level + 1, out);
    else writeMapBody(v, level + 1, out);
    return;
  }
  out.push(' ');
  writeScalar(v, level + 1, out);
}

/** A scalar (or empty collection) and its line end; block text is indented at `level`. */
function writeScalar(v: OValue, level: number, out: Out): void {
  if (typeof v === 'string' && v.includes('\n')) {
    const block = literalBlock(v, level);
    if (block !== undefined) {
      out.push(block);
      return;
    }
  }
  out.push(`${inlineScalar(v)}\n`);
}

function inlineScalar(v: OValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return String(v);
  }
  if (typeof v === 'string') return v.length <= 64 ? yamlKey(v) : isPlainSafe(v) ? v : quoted(v);
  if (Array.isArray(v)) return '[]';
  return '{}';
}

/** A short list of one-line scalars as `[a, b]`, as people write `required:` and `enum:`. */
function flowSeq(seq: OValue[]): string | undefined {
  if (seq.length === 0 || seq.length > 12) return undefined;
  const items: string[] = [];
  let length = 0;
  for (const item of seq) {
    if (item !== null && typeof item === 'object') return undefined;
    // Flow context forbids `{`, `}`, `[`, `]` and `,` in plain scalars.
    const text = typeof item === 'string' && /[{}]/.test(item) ? quoted(item) : inlineScalar(item);
    length += text.length + 2;
    if (length > 72 || text.includes('\n')) return undefined;
    items.push(text);
  }
  return `[${items.join(', ')}]`;
}

/** Keys repeat (`type`, `description`, status codes): each is written once and remembered. */
const KEYS = new Map<string, string>();

function yamlKey(k: string): string {
  let written = KEYS.get(k);
  if (written === undefined) {
    written = isPlainSafe(k) ? k : quoted(k);
    if (KEYS.size < 100_000) KEYS.set(k, written);
  }
  return written;
}

/** Characters a plain scalar may contain here: letters, digits and a few harmless signs. */
const PLAIN = /^[\p{L}_/$][\p{L}\p{N}_ \-./${}()+@=]*$/u;
/** Words some YAML reader (1.1 or 1.2) reads as something other than a string. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

/** Version numbers such as 3.1.0: two dots make them strings for every YAML reader. */
const DOTTED = /^\d+\.\d+\.\d+$/;

function isPlainSafe(s: string): boolean {
  if (DOTTED.test(s)) return true;
  return s.length > 0 && s.length <= 512 && PLAIN.test(s) && !s.endsWith(' ') && !RESERVED.test(s);
}

/** Characters YAML does not allow unescaped inside double quotes (or that readers treat as line breaks). */
const NEEDS_ESCAPE = /[\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/g;

function quoted(s: string): string {
  // JSON.stringify escapes quotes, backslashes, C0 controls and lone surrogates.
  const json = JSON.stringify(s);
  return json.replace(NEEDS_ESCAPE, (c) => {
    // Surrogates that JSON.stringify left alone are well-formed pairs: keep them.
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return c;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Characters that a literal block cannot hold exactly. */
// oxlint-disable-next-line no-control-regex -- control characters are exactly what a block cannot hold
const NOT_IN_BLOCK = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/**
 * `|` block text for a multi-line string at `level`, or undefined when it cannot be exact: then
 * the string is double-quoted.
 */
function literalBlock(s: string, level: number): string | undefined {
  if (NOT_IN_BLOCK.test(s) || /^\s*$/.test(s) || hasLoneSurrogate(s)) return undefined;
  const lines = s.split('\n');
  let chomp: string;
  let body: string[];
  if (!s.endsWith('\n')) {
    chomp = '-';
    body = lines;
  } else if (s.endsWith('\n\n')) {
    chomp = '+';
    body = lines.slice(0, -1);
  } else {
    chomp = '';
    body = lines.slice(0, -1);
  }
  // A whitespace-only line, or a first line starting with a space, would need an indentation
  // indicator whose meaning depends on the parent's indentation: quote those instead.
  if (body.some((l) => l.length > 0 && /^[ \t]*$/.test(l)) || (body.find((l) => l.length > 0) ?? '').startsWith(' ')) return undefined;
  const pad = indent(Math.max(level, 1));
  const text = body.map((l) => (l.length === 0 ? '' : pad + l)).join('\n');
  return `|${chomp}\n${text}\n`;
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}
