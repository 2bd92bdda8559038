/**
 * What the mock needs from a JSON Schema library. shared/ stays free of code generation (ajv
 * compiles validators with `new Function`), so the Node side implements this with ajv and
 * json-schema-faker and hands it in (src-main/services/mock-schema-engine.ts).
 *
 * Schemas given to an engine are self-contained JSON Schema 2020-12: local `$ref`s of the document
 * are bundled under `$defs` and OpenAPI 3.0 idioms are rewritten (schema-bundle.ts).
 */
export interface SchemaEngine {
  /** Where `value` breaks `schema`: empty when it is valid or the schema cannot be compiled. */
  validate(schema: JsonSchema, value: unknown): SchemaIssue[];
  /** A value for `schema`: always the same for the same seed. */
  generate(schema: JsonSchema, seed: number): unknown;
}

export type JsonSchema = Record<string, unknown> | boolean;

export interface SchemaIssue {
  /** Where in the value: property names and array indexes from the root. */
  path: (string | number)[];
  /** The JSON Schema keyword that failed: `type`, `required`, `minimum`, … or `schema` when the
   * schema itself could not be compiled. */
  keyword: string;
  /** The library's sentence: "must be integer". */
  message: string;
  /** The keyword's details: `{ type: 'integer' }`, `{ missingProperty: 'name' }`, `{ limit: 3 }`. */
  params: Record<string, unknown>;
}

/** An engine that accepts everything and generates nothing: for pure tests and for tools that only route. */
export const NO_SCHEMA_ENGINE: SchemaEngine = {
  validate: () => [],
  generate: () => undefined,
};
