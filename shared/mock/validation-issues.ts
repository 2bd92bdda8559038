import type { Profile } from '../profiles/profile';
import type { SchemaIssue } from './schema-engine';

/** Why a request is refused with 422: a path parameter or the JSON body breaks its schema. */
export interface ValidationIssue {
  in: 'path' | 'body';
  /** The parameter's name, or the property path inside the body (empty: the body itself). */
  path: (string | number)[];
  /** A JSON Schema keyword (`type`, `required`, `minimum`, …), or `missing` / `jsondecode`. */
  keyword: string;
  /** A neutral sentence: "must be integer". */
  message: string;
  params: Record<string, unknown>;
}

/** A path parameter whose value fails the type it is validated as (FastAPI's annotation). */
export function paramIssue(name: string, type: string, value: string): ValidationIssue {
  return { in: 'path', path: [name], keyword: 'type', message: `must be ${type}, not "${value}"`, params: { type } };
}

/** A schema library's issue, seen from the body: a missing property is located at the property. */
export function bodyIssue(issue: SchemaIssue): ValidationIssue {
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
    return { in: 'body', path: [...issue.path, issue.params.missingProperty], keyword: 'missing', message: 'is required', params: issue.params };
  }
  if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
    return { in: 'body', path: [...issue.path, issue.params.additionalProperty], keyword: 'additionalProperties', message: 'is not allowed', params: issue.params };
  }
  return { in: 'body', path: issue.path, keyword: issue.keyword, message: issue.message, params: issue.params };
}

/**
 * The 422 body in the profile's framework's shape. FastAPI's is pydantic's error list (`loc`, `msg`,
 * `type`), written as pydantic 1 writes it (Debian's python3-fastapi 0.92, which the differential
 * tests run); the others go through the profile's `errorBody` with a readable detail.
 */
export function validationErrorBody(profile: Profile, issues: readonly ValidationIssue[]): unknown {
  if (profile.id === 'fastapi') return profile.errorBody(422, issues.map(pydanticError));
  if (profile.id === 'django-modern-rest') return profile.errorBody(422, issues.map((i) => `${where(i)}: ${i.message}`).join('; '));
  return profile.errorBody(422, issues.map((i) => ({ loc: [i.in, ...i.path], msg: i.message })));
}

function where(issue: ValidationIssue): string {
  return [issue.in, ...issue.path].join('.');
}

interface PydanticError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const PYDANTIC_TYPES: Record<string, [string, string]> = {
  integer: ['value is not a valid integer', 'type_error.integer'],
  number: ['value is not a valid float', 'type_error.float'],
  uuid: ['value is not a valid uuid', 'type_error.uuid'],
  boolean: ['value could not be parsed to a boolean', 'type_error.bool'],
  string: ['str type expected', 'type_error.str'],
  array: ['value is not a valid list', 'type_error.list'],
  object: ['value is not a valid dict', 'type_error.dict'],
  null: ['none is not an allowed value', 'type_error.none.not_allowed'],
};

const PYDANTIC_LIMITS: Record<string, [(limit: unknown) => string, string]> = {
  minimum: [(n) => `ensure this value is greater than or equal to ${String(n)}`, 'value_error.number.not_ge'],
  exclusiveMinimum: [(n) => `ensure this value is greater than ${String(n)}`, 'value_error.number.not_gt'],
  maximum: [(n) => `ensure this value is less than or equal to ${String(n)}`, 'value_error.number.not_le'],
  exclusiveMaximum: [(n) => `ensure this value is less than ${String(n)}`, 'value_error.number.not_lt'],
  minLength: [(n) => `ensure this value has at least ${String(n)} characters`, 'value_error.any_str.min_length'],
  maxLength: [(n) => `ensure this value has at most ${String(n)} characters`, 'value_error.any_str.max_length'],
  minItems: [(n) => `ensure this value has at least ${String(n)} items`, 'value_error.list.min_items'],
  maxItems: [(n) => `ensure this value has at most ${String(n)} items`, 'value_error.list.max_items'],
};

/** One error as pydantic 1 words it (pydantic/errors.py). */
export function pydanticError(issue: ValidationIssue): PydanticError {
  const loc = [issue.in, ...issue.path];
  const p = issue.params;
  switch (issue.keyword) {
    case 'missing':
      return { loc, msg: 'field required', type: 'value_error.missing' };
    case 'jsondecode':
      return { loc, msg: issue.message, type: 'value_error.jsondecode' };
    case 'type': {
      const type = Array.isArray(p.type) ? String(p.type[0]) : String(p.type);
      const known = PYDANTIC_TYPES[type];
      return known ? { loc, msg: known[0], type: known[1] } : { loc, msg: issue.message, type: 'type_error' };
    }
    case 'format':
      if (p.format === 'uuid') return { loc, msg: 'value is not a valid uuid', type: 'type_error.uuid' };
      if (p.format === 'email') return { loc, msg: 'value is not a valid email address', type: 'value_error.email' };
      return { loc, msg: issue.message, type: 'value_error' };
    case 'pattern':
      return { loc, msg: `string does not match regex "${String(p.pattern)}"`, type: 'value_error.str.regex' };
    case 'enum':
      return { loc, msg: `value is not a valid enumeration member; permitted: ${(Array.isArray(p.allowedValues) ? p.allowedValues : []).map(pythonRepr).join(', ')}`, type: 'type_error.enum' };
    case 'const':
      return { loc, msg: `unexpected value; permitted: ${pythonRepr(p.allowedValue)}`, type: 'value_error.const' };
    case 'additionalProperties':
      return { loc, msg: 'extra fields not permitted', type: 'value_error.extra' };
    default: {
      const limit = PYDANTIC_LIMITS[issue.keyword];
      if (limit) return { loc, msg: limit[0](p.limit), type: limit[1] };
      return { loc, msg: issue.message, type: 'value_error' };
    }
  }
}

function pythonRepr(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return JSON.stringify(v) ?? String(v);
}
