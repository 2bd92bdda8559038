import { words, wrap } from './python-syntax';
import { doubleQuoted, isVisible } from './string-literal';

/**
 * TypeScript source fragments for values and names from a design (DESIGN §7): nothing from a
 * design reaches generated TypeScript except through these functions.
 */

export const TS_RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'as', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await', 'async', 'any', 'boolean', 'constructor', 'declare', 'get', 'module', 'require', 'number', 'set', 'string', 'symbol', 'type', 'from', 'of', 'unknown', 'never', 'object', 'bigint', 'undefined', 'arguments', 'eval', 'namespace', 'keyof', 'readonly', 'infer', 'is', 'asserts', 'satisfies', 'accessor', 'out', 'override', 'abstract', 'global',
]);


/** A double-quoted TypeScript string literal with exactly `s` as its value (see pyString). */
export function tsString(s: string): string {
  return doubleQuoted(s, tsEscape);
}

function tsEscape(ch: string, cp: number): string {
  if (cp >= 0x80 && !(cp >= 0xd800 && cp <= 0xdfff) && isVisible(ch)) return ch;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\u{${cp.toString(16)}}`;
}

/** A property name in a type or an object literal: bare when it is an identifier, else quoted. */
export function tsKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsString(name);
}

const MAX_LITERAL_DEPTH = 40;

/** A TypeScript expression for a JSON value. */
export function tsLiteral(value: unknown, indent = ''): string {
  if (depthOf(value, 0) > MAX_LITERAL_DEPTH) return `JSON.parse(${tsString(JSON.stringify(value) ?? 'null')})`;
  return literal(value, indent);
}

function depthOf(value: unknown, depth: number): number {
  if (depth > MAX_LITERAL_DEPTH) return depth;
  if (Array.isArray(value)) return value.reduce((max: number, v) => Math.max(max, depthOf(v, depth + 1)), depth + 1);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((max: number, v) => Math.max(max, depthOf(v, depth + 1)), depth + 1);
  return depth;
}

function literal(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '-0' : String(value)) : 'null';
  if (typeof value === 'string') return tsString(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return wrap('[', value.map((v) => literal(v, inner)), ']', indent, inner, 96);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    // `__proto__: x` in an object literal sets the prototype; a computed key makes a property.
    const items = entries.map(([k, v]) => `${k === '__proto__' ? `[${tsString(k)}]` : tsKey(k)}: ${literal(v, inner)}`);
    return wrap('{', items, '}', indent, inner, 96, true);
  }
  return 'null';
}

/** A camelCase TypeScript identifier from any text. */
export function tsCamel(raw: string, fallback: string): string {
  const parts = words(raw);
  let name = parts.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `${fallback}${name}`;
  if (TS_RESERVED.has(name)) name += '_';
  return name;
}

/** A PascalCase TypeScript type name from any text. */
export function tsPascal(raw: string, fallback: string): string {
  let name = words(raw)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `${fallback}${name}`;
  if (TS_RESERVED.has(name.toLowerCase()) || TS_RESERVED.has(name)) name += '_';
  return name;
}

/** A kebab-case file name (without extension) from any text. */
export function fileStem(raw: string, fallback: string): string {
  const name = words(raw)
    .map((w) => w.toLowerCase())
    .join('-');
  return name === '' ? fallback : name;
}
