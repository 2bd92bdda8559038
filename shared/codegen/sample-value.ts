/**
 * The body a stub handler returns: the design's example when it fits the schema (the generated
 * models validate what a handler returns, so an example that does not fit would make the stub
 * fail), else a value made from the schema. Both are shaped to the schema: properties the schema
 * does not declare are left out, as the models would leave them out.
 */

const COMPONENT_REF = '#/components/schemas/';

type Schemas = Record<string, unknown>;

export function resolveSchema(schema: unknown, schemas: Schemas): Record<string, unknown> | undefined {
  let s = schema;
  for (let i = 0; i < 32 && s && typeof s === 'object' && typeof (s as Record<string, unknown>)['$ref'] === 'string'; i++) {
    const ref = (s as Record<string, unknown>)['$ref'] as string;
    if (!ref.startsWith(COMPONENT_REF)) return undefined;
    const name = ref.slice(COMPONENT_REF.length).replace(/~1/g, '/').replace(/~0/g, '~');
    s = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
  }
  return s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : undefined;
}

/** Whether `value` is valid for `schema` as far as the generated types check it. */
export function conforms(value: unknown, schema: unknown, schemas: Schemas, depth = 0): boolean {
  if (depth > 32 || schema === true || schema === undefined) return true;
  const s = resolveSchema(schema, schemas);
  if (!s) return schema === null || typeof schema !== 'object' ? schema !== false : true;
  if (value === null && (s['nullable'] === true || (Array.isArray(s['type']) && s['type'].includes('null')) || s['type'] === 'null')) return true;
  if ('const' in s && !sameJson(value, s['const'])) return false;
  if (Array.isArray(s['enum']) && !s['enum'].some((e) => sameJson(e, value))) return false;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (Array.isArray(list) && list.length > 0 && !list.some((x) => conforms(value, x, schemas, depth + 1))) return false;
  }
  if (Array.isArray(s['allOf']) && !s['allOf'].every((x) => conforms(value, x, schemas, depth + 1))) return false;
  const types = Array.isArray(s['type']) ? s['type'] : s['type'] !== undefined ? [s['type']] : [];
  if (types.length > 0 && !types.some((t) => hasType(value, t))) return false;
  if (isPlainObject(value)) {
    const props = (s['properties'] ?? {}) as Record<string, unknown>;
    if (Array.isArray(s['required']) && !s['required'].every((r) => typeof r !== 'string' || Object.hasOwn(value, r))) return false;
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      const v = value[k];
      if (Object.hasOwn(props, k)) {
        if (!conforms(v, props[k], schemas, depth + 1)) return false;
      } else if (s['additionalProperties'] && typeof s['additionalProperties'] === 'object' && !conforms(v, s['additionalProperties'], schemas, depth + 1)) return false;
    }
  }
  if (Array.isArray(value) && s['items'] !== undefined && !value.every((v) => conforms(v, s['items'], schemas, depth + 1))) return false;
  return true;
}

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return true;
  }
}

/** The value without properties the schema does not declare (where it declares properties). */
export function shapeToSchema(value: unknown, schema: unknown, schemas: Schemas, depth = 0): unknown {
  if (depth > 32) return value;
  const s = resolveSchema(schema, schemas);
  if (!s) return value;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    // Shaped as the first alternative it fits, as a typed union would take it.
    const fits = Array.isArray(list) ? list.find((branch) => conforms(value, branch, schemas, depth + 1)) : undefined;
    if (fits !== undefined) return shapeToSchema(value, fits, schemas, depth + 1);
  }
  if (Array.isArray(value)) return s['items'] !== undefined ? value.map((v) => shapeToSchema(v, s['items'], schemas, depth + 1)) : value;
  if (!isPlainObject(value)) return value;
  const props = declaredProperties(s, schemas, depth);
  if (!props) return value;
  const extra = s['additionalProperties'];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (Object.hasOwn(props, k)) define(out, k, shapeToSchema(v, props[k], schemas, depth + 1));
    else if (extra === true || (extra && typeof extra === 'object')) define(out, k, extra === true ? v : shapeToSchema(v, extra, schemas, depth + 1));
  }
  return out;
}

function declaredProperties(s: Record<string, unknown>, schemas: Schemas, depth: number): Record<string, unknown> | undefined {
  if (Array.isArray(s['allOf'])) {
    const all: Record<string, unknown> = { ...(s['properties'] as Record<string, unknown> | undefined) };
    for (const part of s['allOf']) {
      const r = resolveSchema(part, schemas);
      const p = r ? declaredProperties(r, schemas, depth + 1) : undefined;
      if (!p) return undefined;
      Object.assign(all, p);
    }
    return all;
  }
  if (s['oneOf'] || s['anyOf']) return undefined;
  const props = s['properties'];
  return props && typeof props === 'object' && Object.keys(props).length > 0 ? (props as Record<string, unknown>) : undefined;
}

/** A small value valid for the schema: examples and defaults first, then required properties only. */
export function sampleOf(schema: unknown, schemas: Schemas, depth = 0): unknown {
  if (depth > 12) return null;
  const s = resolveSchema(schema, schemas);
  if (!s) return null;
  for (const candidate of [s['example'], Array.isArray(s['examples']) ? s['examples'][0] : undefined, s['default'], s['const']]) {
    if (candidate !== undefined && conforms(candidate, s, schemas)) return shapeToSchema(candidate, s, schemas);
  }
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (Array.isArray(list) && list.length > 0) return sampleOf(list[0], schemas, depth + 1);
  }
  if (Array.isArray(s['allOf'])) {
    const out: Record<string, unknown> = {};
    for (const part of s['allOf']) {
      const v = sampleOf(part, schemas, depth + 1);
      if (isPlainObject(v)) Object.assign(out, v);
    }
    const own = sampleObject(s, schemas, depth);
    return { ...out, ...(isPlainObject(own) ? own : {}) };
  }
  const type = Array.isArray(s['type']) ? (s['type'].find((t) => t !== 'null') ?? 'null') : s['type'];
  switch (type) {
    case 'string':
      return sampleString(s);
    case 'integer':
      return typeof s['minimum'] === 'number' ? Math.ceil(s['minimum']) : 0;
    case 'number':
      return typeof s['minimum'] === 'number' ? s['minimum'] : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const min = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
      return min > 0 ? Array.from({ length: Math.min(min, 3) }, () => sampleOf(s['items'], schemas, depth + 1)) : [];
    }
    case 'object':
      return sampleObject(s, schemas, depth);
    default:
      return s['properties'] ? sampleObject(s, schemas, depth) : null;
  }
}

function sampleObject(s: Record<string, unknown>, schemas: Schemas, depth: number): Record<string, unknown> {
  const props = (s['properties'] ?? {}) as Record<string, unknown>;
  const required = Array.isArray(s['required']) ? s['required'] : [];
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(props)) if (required.includes(name)) define(out, name, sampleOf(props[name], schemas, depth + 1));
  return out;
}

function sampleString(s: Record<string, unknown>): string {
  switch (s['format']) {
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'uuid':
      return '123e4567-e89b-12d3-a456-426614174000';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/';
    default:
      return typeof s['minLength'] === 'number' && s['minLength'] > 6 ? 'x'.repeat(s['minLength']) : 'string';
  }
}

function define(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The body a handler returns for a response: its example if it fits, else a sample. */
export function responseBody(content: { schema?: unknown; example?: { value: unknown } } | undefined, schemas: Schemas): { value: unknown; fromExample: boolean; valid: boolean } | undefined {
  if (!content) return undefined;
  const { schema, example } = content;
  if (example !== undefined && (schema === undefined || conforms(example.value, schema, schemas))) return { value: schema === undefined ? example.value : shapeToSchema(example.value, schema, schemas), fromExample: true, valid: true };
  if (schema === undefined) return undefined;
  const value = sampleOf(schema, schemas);
  // A schema no finite value satisfies (a required property of its own type) gets its best try.
  return { value, fromExample: false, valid: conforms(value, schema, schemas) };
}
