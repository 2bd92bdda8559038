/**
 * JSON Schema → a small type language the generators print as pydantic models or TypeScript
 * interfaces. Object schemas become named models (component schemas keep their names; inline ones
 * are named after where they appear); everything too dynamic to type (`not`, conditionals, mixed
 * `allOf`) becomes "any", which both targets accept.
 */
export type TypeRef =
  | { k: 'str' }
  | { k: 'int' }
  | { k: 'float' }
  | { k: 'bool' }
  | { k: 'none' }
  | { k: 'any' }
  | { k: 'list'; item: TypeRef }
  | { k: 'dict'; value: TypeRef }
  | { k: 'model'; name: string }
  | { k: 'union'; items: TypeRef[] }
  | { k: 'literal'; values: (string | number | boolean)[] };

export interface ModelDef {
  name: string;
  description?: string;
  fields: FieldDef[];
  /** Types of properties not listed (`additionalProperties`), or null when there are none. */
  extra: TypeRef | null;
}

export interface FieldDef {
  name: string;
  type: TypeRef;
  required: boolean;
  description?: string;
}

const ANY: TypeRef = { k: 'any' };

/** A model name to use if the schema needs one; computed only then (most schemas do not). */
export type Hint = string | (() => string);

function hintText(hint: Hint): string {
  return typeof hint === 'string' ? hint : hint();
}
const COMPONENT_REF = '#/components/schemas/';

export interface SchemaTypesOptions {
  /** A class or interface name from a schema name or a place ("GetUserResponse"). */
  className(raw: string): string;
  /** Names the models must not take (imports, builtins of the target). */
  reserved: Iterable<string>;
}

export class SchemaTypes {
  readonly models: ModelDef[] = [];
  private readonly componentNames = new Map<string, string>();
  private readonly taken: Set<string>;
  /** Non-object components being expanded: a cycle through them is "any". */
  private readonly expanding = new Set<string>();

  constructor(
    private readonly schemas: Record<string, unknown>,
    private readonly options: SchemaTypesOptions,
  ) {
    this.taken = new Set(options.reserved);
    // Component models first, in document order, so their names do not depend on the routes.
    for (const name of Object.keys(schemas)) if (this.isModelSchema(this.resolve(schemas[name]))) this.componentNames.set(name, this.uniqueName(name));
    for (const name of Object.keys(schemas)) {
      const model = this.componentNames.get(name);
      if (model) this.defineModel(model, this.resolve(schemas[name]) as Record<string, unknown>);
    }
  }

  /** An object with properties, or an `allOf` of such (inheritance, as 3.0 documents write it). */
  private isModelSchema(s: unknown): boolean {
    if (isObjectSchema(s)) return true;
    if (!s || typeof s !== 'object' || !Array.isArray((s as Record<string, unknown>)['allOf'])) return false;
    const r = s as Record<string, unknown>;
    if (r['oneOf'] || r['anyOf'] || r['nullable'] === true) return false;
    const merged = this.mergeAllOf(r, 0);
    return merged !== undefined && Object.keys(merged['properties'] as object).length > 0;
  }

  /** The type of a schema; inline objects become models named from `hint`. */
  typeOf(schema: unknown, hint: Hint, depth = 0): TypeRef {
    if (depth > 64) return ANY;
    if (schema === true || schema === undefined) return ANY;
    if (schema === false || schema === null || typeof schema !== 'object' || Array.isArray(schema)) return ANY;
    const s = schema as Record<string, unknown>;
    const ref = s['$ref'];
    if (typeof ref === 'string') return this.refType(ref, depth);
    if ('const' in s) return literalOf([s['const']]) ?? ANY;
    if (Array.isArray(s['enum'])) {
      const lit = literalOf(s['enum']);
      if (lit) return s['nullable'] === true ? union([lit, { k: 'none' }]) : lit;
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const list = s[key];
      if (Array.isArray(list) && list.length > 0) return this.nullable(s, union(list.map((x, i) => this.typeOf(x, () => `${hintText(hint)}Option${i + 1}`, depth + 1))));
    }
    const allOf = s['allOf'];
    if (Array.isArray(allOf) && allOf.length > 0) {
      if (allOf.length === 1 && !s['properties']) return this.nullable(s, this.typeOf(allOf[0], hint, depth + 1));
      const merged = this.mergeAllOf(s, depth);
      return merged ? this.nullable(s, this.inlineModel(merged, hint)) : ANY;
    }
    const types = Array.isArray(s['type']) ? (s['type'] as unknown[]) : [s['type']];
    const parts: TypeRef[] = [];
    for (const t of types) {
      if (t === undefined) {
        if (s['properties'] || s['additionalProperties']) parts.push(this.objectType(s, hint, depth));
        else if (s['items']) parts.push({ k: 'list', item: this.typeOf(s['items'], () => `${hintText(hint)}Item`, depth + 1) });
        else parts.push(ANY);
      } else if (t === 'string') parts.push({ k: 'str' });
      else if (t === 'integer') parts.push({ k: 'int' });
      else if (t === 'number') parts.push({ k: 'float' });
      else if (t === 'boolean') parts.push({ k: 'bool' });
      else if (t === 'null') parts.push({ k: 'none' });
      else if (t === 'array') parts.push({ k: 'list', item: s['items'] !== undefined ? this.typeOf(s['items'], () => `${hintText(hint)}Item`, depth + 1) : ANY });
      else if (t === 'object') parts.push(this.objectType(s, hint, depth));
      else parts.push(ANY);
    }
    return this.nullable(s, union(parts));
  }

  private nullable(s: Record<string, unknown>, t: TypeRef): TypeRef {
    return s['nullable'] === true ? union([t, { k: 'none' }]) : t;
  }

  private objectType(s: Record<string, unknown>, hint: Hint, depth: number): TypeRef {
    const props = s['properties'];
    if (props && typeof props === 'object' && Object.keys(props).length > 0) return this.inlineModel(s, hint);
    const extra = s['additionalProperties'];
    if (extra && typeof extra === 'object') return { k: 'dict', value: this.typeOf(extra, () => `${hintText(hint)}Value`, depth + 1) };
    return { k: 'dict', value: ANY };
  }

  private refType(ref: string, depth: number): TypeRef {
    if (!ref.startsWith(COMPONENT_REF)) return ANY;
    const name = decodeRefName(ref.slice(COMPONENT_REF.length));
    const model = this.componentNames.get(name);
    if (model) {
      const target = this.resolve(this.schemas[name]) as Record<string, unknown>;
      const nullable = target['nullable'] === true || (Array.isArray(target['type']) && target['type'].includes('null'));
      return nullable ? union([{ k: 'model', name: model }, { k: 'none' }]) : { k: 'model', name: model };
    }
    if (!Object.hasOwn(this.schemas, name) || this.expanding.has(name)) return ANY;
    this.expanding.add(name);
    try {
      return this.typeOf(this.schemas[name], this.options.className(name), depth + 1);
    } finally {
      this.expanding.delete(name);
    }
  }

  private inlineModel(s: Record<string, unknown>, hint: Hint): TypeRef {
    const name = this.uniqueName(hintText(hint));
    this.defineModel(name, s);
    return { k: 'model', name };
  }

  private defineModel(name: string, s: Record<string, unknown>): void {
    // Registered before its fields are typed, so self-references resolve to it.
    const model: ModelDef = { name, fields: [], extra: null, ...(typeof s['description'] === 'string' ? { description: s['description'] } : {}) };
    this.models.push(model);
    const merged = Array.isArray(s['allOf']) ? this.mergeAllOf(s, 0) : s;
    const props = (merged?.['properties'] ?? {}) as Record<string, unknown>;
    const required = new Set<unknown>();
    for (const list of [s['required'], merged?.['required']]) if (Array.isArray(list)) for (const r of list) required.add(r);
    for (const prop in props) {
      if (!Object.hasOwn(props, prop)) continue;
      const propSchema = props[prop];
      const description = propSchema !== null && typeof propSchema === 'object' ? (propSchema as Record<string, unknown>)['description'] : undefined;
      const field: FieldDef = { name: prop, type: this.typeOf(propSchema, () => `${name}${this.options.className(prop)}`, 1), required: required.has(prop) };
      if (typeof description === 'string') field.description = description;
      model.fields.push(field);
    }
    const extra = merged?.['additionalProperties'];
    if (extra === true || (extra && typeof extra === 'object')) model.extra = extra === true ? ANY : this.typeOf(extra, () => `${name}Value`, 1);
  }

  /** `allOf` of object schemas as one object schema, or undefined when the parts are not all objects. */
  private mergeAllOf(s: Record<string, unknown>, depth: number): Record<string, unknown> | undefined {
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    const add = (part: Record<string, unknown>) => {
      Object.assign(properties, part['properties'] ?? {});
      if (Array.isArray(part['required'])) required.push(...part['required'].filter((r): r is string => typeof r === 'string'));
    };
    for (const part of [...(s['allOf'] as unknown[]), { properties: s['properties'], required: s['required'] }]) {
      const resolved = this.resolve(part, depth);
      if (!resolved || typeof resolved !== 'object') return undefined;
      const r = resolved as Record<string, unknown>;
      if (Array.isArray(r['allOf'])) {
        const inner = this.mergeAllOf(r, depth + 1);
        if (!inner) return undefined;
        add(inner);
      } else if (isObjectSchema(r) || r['properties'] === undefined) add(r);
      else return undefined;
    }
    return { type: 'object', properties, required };
  }

  /** Follows component references (bounded). */
  resolve(schema: unknown, depth = 0): unknown {
    let s = schema;
    for (let i = 0; i < 16 + depth && s && typeof s === 'object' && typeof (s as Record<string, unknown>)['$ref'] === 'string'; i++) {
      const ref = (s as Record<string, unknown>)['$ref'] as string;
      if (!ref.startsWith(COMPONENT_REF)) return undefined;
      const name = decodeRefName(ref.slice(COMPONENT_REF.length));
      s = Object.hasOwn(this.schemas, name) ? this.schemas[name] : undefined;
    }
    return s;
  }

  private uniqueName(raw: string): string {
    const base = this.options.className(raw);
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    return name;
  }
}

function decodeRefName(s: string): string {
  let name = s.replace(/~1/g, '/').replace(/~0/g, '~');
  try {
    name = decodeURIComponent(name);
  } catch {
    // Keep it as written.
  }
  return name;
}

function isObjectSchema(s: unknown): boolean {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return false;
  const r = s as Record<string, unknown>;
  const type = r['type'];
  const props = r['properties'];
  const hasProps = props !== null && typeof props === 'object' && Object.keys(props).length > 0;
  if (type === 'object' || (Array.isArray(type) && type.includes('object') && type.filter((t) => t !== 'null').length === 1)) return hasProps;
  return type === undefined && hasProps && !r['oneOf'] && !r['anyOf'];
}

function literalOf(values: unknown[]): TypeRef | undefined {
  const lits = values.filter((v): v is string | number | boolean => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v)));
  if (lits.length === 0 || lits.length !== values.filter((v) => v !== null).length) return undefined;
  const unique = [...new Set(lits)];
  const t: TypeRef = { k: 'literal', values: unique };
  return values.includes(null) ? union([t, { k: 'none' }]) : t;
}

/** A union, flattened and deduplicated; one member is itself; "any" absorbs the rest. */
export function union(items: TypeRef[]): TypeRef {
  if (items.length === 1 && items[0]?.k !== 'union') return items[0] as TypeRef;
  const flat: TypeRef[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const t of item.k === 'union' ? item.items : [item]) {
      if (t.k === 'any') return ANY;
      const key = typeKey(t);
      if (!seen.has(key)) {
        seen.add(key);
        flat.push(t);
      }
    }
  }
  if (flat.length === 0) return ANY;
  return flat.length === 1 ? (flat[0] as TypeRef) : { k: 'union', items: flat };
}

function typeKey(t: TypeRef): string {
  switch (t.k) {
    case 'list':
      return `[${typeKey(t.item)}]`;
    case 'dict':
      return `{${typeKey(t.value)}}`;
    case 'model':
      return `m:${t.name}`;
    case 'union':
      return `(${t.items.map(typeKey).join('|')})`;
    case 'literal':
      return `l:${JSON.stringify(t.values)}`;
    default:
      return t.k;
  }
}

/** Whether a type can hold null (Optional in Python, `| null` in TypeScript). */
export function allowsNone(t: TypeRef): boolean {
  return t.k === 'none' || t.k === 'any' || (t.k === 'union' && t.items.some(allowsNone));
}
