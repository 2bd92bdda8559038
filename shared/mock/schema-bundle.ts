import type { OpenApiVersion } from '../model/api-model';
import type { JsonSchema } from './schema-engine';

/** The plain value a local `$ref` points at (see MockSource); undefined when it leads nowhere. */
export type RefValue = (ref: string) => unknown;

/** Keywords whose value is a map of schemas, a list of schemas, or one schema (JSON Schema 2020-12). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems']);
/** Identity keywords would make a second compile of the same schema clash in the validator. */
const DROPPED = new Set(['$schema', '$id', '$anchor', '$dynamicAnchor']);
const MAX_DEPTH = 200;

/**
 * A schema from the document as a self-contained JSON Schema 2020-12 value a library can use:
 * every local `$ref` (`#/components/schemas/User`) is copied under `$defs` and pointed at there
 * (cycles included), a `$ref` that leads nowhere or outside the document accepts anything (nothing is
 * fetched, DESIGN §7), and OpenAPI 3.0's `nullable`, boolean `exclusiveMinimum` and single `example`
 * become their JSON Schema forms.
 */
export function bundleSchema(refValue: RefValue, schema: unknown, version: OpenApiVersion | null): JsonSchema {
  const bundler = new Bundler(refValue, version === '3.0');
  const out = bundler.schema(schema, 0);
  if (bundler.defs.size === 0 || typeof out !== 'object') return out;
  return { ...out, $defs: { ...(isObject(out.$defs) ? out.$defs : {}), ...Object.fromEntries(bundler.defs) } };
}

class Bundler {
  readonly defs = new Map<string, JsonSchema>();
  private readonly names = new Map<string, string>();

  constructor(
    private readonly refValue: RefValue,
    private readonly openapi30: boolean,
  ) {}

  schema(value: unknown, depth: number): JsonSchema {
    if (typeof value === 'boolean') return value;
    if (!isObject(value) || depth > MAX_DEPTH) return {};
    let out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (DROPPED.has(key)) continue;
      if (key === '$ref') {
        const target = typeof v === 'string' ? this.ref(v, depth) : undefined;
        if (target !== undefined) out.$ref = target;
        continue;
      }
      if (SCHEMA_MAPS.has(key) && isObject(v)) out[key] = Object.fromEntries(Object.entries(v).map(([k, s]) => [k, this.schema(s, depth + 1)]));
      else if (SCHEMA_LISTS.has(key) && Array.isArray(v)) out[key] = v.map((s) => this.schema(s, depth + 1));
      else if (key === 'items' && Array.isArray(v)) out.prefixItems = v.map((s) => this.schema(s, depth + 1));
      else if (SCHEMA_ONE.has(key)) out[key] = this.schema(v, depth + 1);
      else out[key] = v;
    }
    if ('example' in out && !('examples' in out)) out.examples = [out.example];
    if (this.openapi30) out = fromOpenApi30(out);
    return out;
  }

  /** The `$defs` reference for a document `$ref`, or undefined when it cannot be followed. */
  private ref(ref: string, depth: number): string | undefined {
    if (!ref.startsWith('#/')) return undefined;
    const known = this.names.get(ref);
    if (known !== undefined) return `#/$defs/${known}`;
    const target = this.refValue(ref);
    if (target === undefined) return undefined;
    const name = this.uniqueName(ref);
    this.names.set(ref, name);
    // Registered before its body is read: a schema that refers to itself finds its own name.
    this.defs.set(name, {});
    this.defs.set(name, this.schema(target, depth + 1));
    return `#/$defs/${name}`;
  }

  private uniqueName(ref: string): string {
    const base = ref.slice(2).replace(/^components\/schemas\//, '').replace(/[^A-Za-z0-9_.-]+/g, '_') || 'def';
    let name = base;
    for (let i = 2; this.defs.has(name); i++) name = `${base}_${i}`;
    return name;
  }
}

/** OpenAPI 3.0's schema dialect as JSON Schema 2020-12. */
function fromOpenApi30(schema: Record<string, unknown>): Record<string, unknown> {
  const out = { ...schema };
  for (const [flag, limit] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true && typeof out[limit] === 'number') {
      out[flag] = out[limit];
      delete out[limit];
    } else delete out[flag];
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
