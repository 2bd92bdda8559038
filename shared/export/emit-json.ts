import { isMap, type OValue } from './ordered-value';

/**
 * JSON text of an ordered value, formatted as `JSON.stringify(value, null, 2)` formats a plain
 * object (two-space indentation, a final newline), but keeping every object's key order.
 * Non-finite numbers (YAML `.inf`, `.nan`) have no JSON form and become null, as in JSON.stringify.
 */
export function emitJson(value: OValue): string {
  const w = new JsonWriter();
  w.write(value, 0);
  return `${w.out}\n`;
}

const INDENTS: string[] = [''];
function indent(level: number): string {
  while (INDENTS.length <= level) INDENTS.push(`${INDENTS[INDENTS.length - 1] as string}  `);
  return INDENTS[level] as string;
}

// oxlint-disable-next-line no-control-regex -- control characters are exactly what needs escaping
const ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal; the common case (nothing to escape) without JSON.stringify's cost. */
export function jsonString(s: string): string {
  return ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

class JsonWriter {
  // One growing string: V8 appends to it cheaply, much faster than collecting parts and joining.
  out = '';

  write(value: OValue, level: number): void {
    if (value === null) {
      this.out += 'null';
      return;
    }
    switch (typeof value) {
      case 'string':
        this.out += jsonString(value);
        return;
      case 'number':
        this.out += Number.isFinite(value) ? JSON.stringify(value) : 'null';
        return;
      case 'boolean':
        this.out += value ? 'true' : 'false';
        return;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) {
        this.out += '[]';
        return;
      }
      const inner = indent(level + 1);
      this.out += '[\n';
      for (let i = 0; i < value.length; i++) {
        this.out += inner;
        this.write(value[i] as OValue, level + 1);
        this.out += i < value.length - 1 ? ',\n' : '\n';
      }
      this.out += `${indent(level)}]`;
      return;
    }
    if (isMap(value)) {
      if (value.size === 0) {
        this.out += '{}';
        return;
      }
      const inner = indent(level + 1);
      this.out += '{\n';
      let i = 0;
      const last = value.size;
      for (const [k, v] of value) {
        this.out += `${inner}${jsonString(k)}: `;
        this.write(v, level + 1);
        this.out += ++i < last ? ',\n' : '\n';
      }
      this.out += `${indent(level)}}`;
    }
  }
}
