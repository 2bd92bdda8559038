/**
 * Python source fragments for values and names that come from a design (DESIGN §7: names and
 * descriptions that end up in generated code are escaped; the generated code always parses).
 * Nothing from a design is ever written into Python source except through these functions.
 */

import { doubleQuoted, isVisible } from './string-literal';

export const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);


/**
 * A double-quoted Python string literal with exactly `s` as its value. Quotes, backslashes, line
 * breaks, control and format characters (bidi overrides included) are escaped, so no text of the
 * design can end the literal or hide in the source. A lone surrogate (possible only through a JSON
 * `\ud800` escape) becomes U+FFFD: Python strings holding one cannot be encoded, and pydantic and
 * Starlette encode names and paths.
 */
export function pyString(s: string): string {
  return doubleQuoted(s, pyEscape);
}

function pyEscape(ch: string, codePoint: number): string {
  let cp = codePoint;
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  else if (cp >= 0x80 && cp !== 0xfffd && isVisible(ch)) return ch;
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** Nesting beyond this is written as `json.loads("…")`: CPython's parser has a nesting limit. */
const MAX_LITERAL_DEPTH = 40;

/** A Python expression for a JSON value: dicts, lists, strings, numbers, True/False/None. */
export function pyLiteral(value: unknown, indent = ''): string {
  if (depthOf(value, 0) > MAX_LITERAL_DEPTH) return `json.loads(${pyString(JSON.stringify(value) ?? 'null')})`;
  return literal(value, indent);
}

/** True when pyLiteral needs `import json` for this value. */
export function pyLiteralNeedsJson(value: unknown): boolean {
  return depthOf(value, 0) > MAX_LITERAL_DEPTH;
}

function depthOf(value: unknown, depth: number): number {
  if (depth > MAX_LITERAL_DEPTH) return depth;
  if (Array.isArray(value)) return value.reduce((max: number, v) => Math.max(max, depthOf(v, depth + 1)), depth + 1);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((max: number, v) => Math.max(max, depthOf(v, depth + 1)), depth + 1);
  return depth;
}

function literal(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
    if (Object.is(value, -0)) return '-0.0';
    return String(value);
  }
  if (typeof value === 'string') return pyString(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return wrap('[', value.map((v) => literal(v, inner)), ']', indent, inner);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return wrap('{', entries.map(([k, v]) => `${pyString(k)}: ${literal(v, inner)}`), '}', indent, inner);
  }
  return 'None';
}

/** Items on one line when they fit in 88 columns, else one per line (black's layout). */
export function wrap(open: string, items: string[], close: string, indent: string, inner: string, width = 88, padFlat = false): string {
  const separator = ', ';
  let length = indent.length + open.length + close.length + (padFlat ? 2 : 0);
  let multiLine = false;
  for (const item of items) {
    length += item.length + separator.length;
    if (length > width || item.includes('\n')) {
      multiLine = true;
      break;
    }
  }
  if (!multiLine) return padFlat ? `${open} ${items.join(separator)} ${close}` : `${open}${items.join(separator)}${close}`;
  // Concatenation, not join: nested literals then cost their size once, not once per level.
  let out = `${open}\n`;
  for (const item of items) out += `${inner}${item},\n`;
  return `${out}${indent}${close}`;
}

/** Words split at case changes and non-alphanumerics, ASCII only: the raw material of names. */
export function words(raw: string): string[] {
  let cached = WORDS.get(raw);
  if (cached === undefined) {
    if (WORDS.size > 50_000) WORDS.clear();
    WORDS.set(raw, (cached = splitWords(raw)));
  }
  return cached;
}

const WORDS = new Map<string, string[]>();

function splitWords(raw: string): string[] {
  return raw
    .normalize('NFKD')
    .replace(/[^ -~]/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** A snake_case Python identifier from any text; `fallback` when nothing usable remains. */
export function pySnake(raw: string, fallback: string): string {
  let name = words(raw)
    .map((w) => w.toLowerCase())
    .join('_');
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `${fallback}_${name}`;
  if (PYTHON_KEYWORDS.has(name)) name += '_';
  return name;
}

/** A PascalCase Python class name from any text. */
export function pyPascal(raw: string, fallback: string): string {
  let name = words(raw)
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .join('');
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `${fallback}${name}`;
  if (PYTHON_KEYWORDS.has(name)) name += '_';
  return name;
}

/** True for a name Python accepts as is (ASCII identifiers only, not keywords). */
export function isPyIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}

/** Hands out unique names: the first `take(x)` gets x, later ones x_2, x_3, … */
export class NameScope {
  private readonly used = new Set<string>();

  /** `shared`: names taken elsewhere too, read but not copied (thousands of models share one). */
  constructor(
    reserved: Iterable<string> = [],
    private readonly shared?: ReadonlySet<string>,
  ) {
    for (const r of reserved) this.used.add(r);
  }

  take(name: string, separator = '_'): string {
    let candidate = name;
    for (let i = 2; this.has(candidate); i++) candidate = `${name}${separator}${i}`;
    this.used.add(candidate);
    return candidate;
  }

  has(name: string): boolean {
    return this.used.has(name) || (this.shared?.has(name) ?? false);
  }
}

/** The Python type of a scalar schema type (a path or query parameter's annotation). */
export function pyScalarType(type: string): string {
  switch (type) {
    case 'integer':
      return 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'uuid':
      return 'UUID';
    default:
      return 'str';
  }
}
