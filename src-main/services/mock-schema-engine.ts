import { createRequire } from 'node:module';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type addFormats from 'ajv-formats';
import { generateSync, type JsonSchema as FakerSchema } from 'json-schema-faker';
import type { JsonSchema, SchemaEngine, SchemaIssue } from '../../shared/mock/schema-engine';

/** At most this many issues per validation: a huge invalid body must not make a huge answer. */
const MAX_ISSUES = 20;

/**
 * The mock's schema work with well-kept libraries: ajv (JSON Schema 2020-12, formats from
 * ajv-formats) validates, json-schema-faker generates. One engine per document version: ajv keeps
 * every schema it compiled, and the engine is dropped with the routing table it belongs to.
 */
export function createSchemaEngine(): SchemaEngine {
  let ajv: Ajv2020 | undefined;
  const validators = new WeakMap<object, ValidateFunction | Error>();

  const compile = (schema: object): ValidateFunction | Error => {
    let v = validators.get(schema);
    if (v === undefined) {
      try {
        ajv ??= newAjv();
        v = ajv.compile(schema);
      } catch (e) {
        v = e instanceof Error ? e : new Error(String(e));
      }
      validators.set(schema, v);
    }
    return v;
  };

  return {
    validate(schema: JsonSchema, value: unknown): SchemaIssue[] {
      if (schema === true) return [];
      if (schema === false) return [{ path: [], keyword: 'false', message: 'no value is allowed here', params: {} }];
      const validate = compile(schema);
      if (validate instanceof Error) return [{ path: [], keyword: 'schema', message: `the schema cannot be used: ${validate.message}`, params: {} }];
      if (validate(value)) return [];
      return (validate.errors ?? []).slice(0, MAX_ISSUES).map((e) => ({
        path: instancePath(e.instancePath),
        keyword: e.keyword,
        message: e.message ?? e.keyword,
        params: e.params as Record<string, unknown>,
      }));
    },
    generate(schema: JsonSchema, seed: number): unknown {
      return generateSync(schema as FakerSchema, {
        seed,
        alwaysFakeOptionals: true,
        useExamplesValue: true,
        useDefaultValue: true,
        maxDefaultItems: 2,
        failOnInvalidTypes: false,
      });
    },
  };
}

/**
 * ajv is loaded and set up on the first validation, not at start: most requests need none, and a
 * document reload (every edit in the app) then costs nothing here. It is CommonJS, so `require`
 * can load it synchronously.
 */
function newAjv(): Ajv2020 {
  const require = createRequire(import.meta.url);
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 };
  const formats = require('ajv-formats') as typeof addFormats;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
  formats.default(ajv);
  return ajv;
}

/** `/tags/0/name` → ['tags', 0, 'name']. */
function instancePath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}
