import { fromPlain, type OValue } from './ordered-value';

/**
 * The component schemas a framework's implicit responses refer to, as the framework writes them:
 * FastAPI's `HTTPValidationError` (as FastAPI 0.92's own /openapi.json has it) and
 * django-modern-rest's `ErrorModel` (`dmr.errors.ErrorModel`, a TypedDict of `ErrorDetail`s).
 */
const SCHEMAS: Record<string, { schema: Record<string, unknown>; uses: string[] }> = {
  HTTPValidationError: {
    uses: ['ValidationError'],
    schema: { title: 'HTTPValidationError', type: 'object', properties: { detail: { title: 'Detail', type: 'array', items: { $ref: '#/components/schemas/ValidationError' } } } },
  },
  ValidationError: {
    uses: [],
    schema: {
      title: 'ValidationError',
      required: ['loc', 'msg', 'type'],
      type: 'object',
      properties: {
        loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
        msg: { title: 'Message', type: 'string' },
        type: { title: 'Error Type', type: 'string' },
      },
    },
  },
  ErrorModel: {
    uses: ['ErrorDetail'],
    schema: { title: 'ErrorModel', description: 'Default error response schema.', type: 'object', properties: { detail: { title: 'Detail', type: 'array', items: { $ref: '#/components/schemas/ErrorDetail' } } }, required: ['detail'] },
  },
  ErrorDetail: {
    uses: [],
    schema: {
      title: 'ErrorDetail',
      description: 'Base schema for error details description.',
      type: 'object',
      properties: {
        msg: { title: 'Msg', type: 'string' },
        type: { title: 'Type', type: 'string' },
        loc: { title: 'Loc', type: 'array', items: { anyOf: [{ type: 'integer' }, { type: 'string' }] } },
      },
      required: ['msg'],
    },
  },
};

/** The named schemas and the ones they refer to, in a stable order. */
export function implicitSchemas(names: readonly string[]): [string, OValue][] {
  const out: [string, OValue][] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    const entry = SCHEMAS[name];
    if (!entry || seen.has(name)) return;
    seen.add(name);
    out.push([name, fromPlain(entry.schema)]);
    for (const used of entry.uses) add(used);
  };
  for (const name of [...names].sort()) add(name);
  return out;
}
