import type { ProfileId } from '../model/x-routecraft';
import type { Profile } from './profile';

const fastapi: Profile = {
  id: 'fastapi',
  label: 'FastAPI',
  order: 'first-match',
  annotatedParams: 'any-segment',
  convertors: ['str', 'int', 'float', 'uuid', 'path'],
  trailingSlash: { kind: 'redirect', status: 307, appendOnly: false },
  wrongMethod: 405,
  allowFrom: 'first-partial-route',
  caseSensitive: true,
  headRunsGet: false,
  matchDecodedPath: true,
  errorBody: (status, detail) => ({ detail: detail ?? defaultDetail(status) }),
  implicitResponses: [{ status: '422', description: 'Validation Error', when: 'params-or-body', schemaName: 'HTTPValidationError' }],
  openapiVersion: '3.1.0',
};

const djangoModernRest: Profile = {
  id: 'django-modern-rest',
  label: 'django-modern-rest',
  order: 'first-match',
  annotatedParams: 'typed',
  convertors: ['str', 'int', 'slug', 'uuid', 'path'],
  trailingSlash: { kind: 'redirect', status: 301, appendOnly: true },
  wrongMethod: 405,
  allowFrom: 'all-routes-of-path',
  caseSensitive: true,
  headRunsGet: true,
  matchDecodedPath: true,
  errorBody: (status, detail) => ({ detail: [{ msg: typeof detail === 'string' ? detail : defaultDetail(status), type: 'value_error' }] }),
  implicitResponses: [
    { status: '406', description: 'Raised when provided `Accept` header cannot be satisfied', when: 'always', schemaName: 'ErrorModel' },
    { status: '422', description: 'Raised when request or response validation fails', when: 'always', schemaName: 'ErrorModel' },
  ],
  openapiVersion: '3.2.0',
};

const express: Profile = {
  id: 'express',
  label: 'Express',
  order: 'first-match',
  annotatedParams: 'any-segment',
  convertors: [],
  trailingSlash: { kind: 'same-route' },
  wrongMethod: 404,
  allowFrom: 'all-routes-of-path',
  caseSensitive: false,
  headRunsGet: true,
  matchDecodedPath: false,
  errorBody: (status) => `Cannot ${status === 404 ? 'find' : 'serve'} this request`,
  implicitResponses: [],
  openapiVersion: '3.1.0',
};

const openapi: Profile = {
  id: 'openapi',
  label: 'OpenAPI (framework-neutral)',
  order: 'openapi',
  annotatedParams: 'typed',
  convertors: [],
  trailingSlash: { kind: 'strict' },
  wrongMethod: 405,
  allowFrom: 'all-routes-of-path',
  caseSensitive: true,
  headRunsGet: false,
  matchDecodedPath: true,
  errorBody: (status, detail) => ({ status, title: defaultDetail(status), ...(detail !== undefined ? { detail } : {}) }),
  implicitResponses: [],
  openapiVersion: '3.1.0',
};

export const PROFILES: Record<ProfileId, Profile> = { fastapi, 'django-modern-rest': djangoModernRest, express, openapi };

export function getProfile(id: ProfileId): Profile {
  return PROFILES[id];
}

const REASONS: Record<number, string> = { 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 422: 'Unprocessable Entity' };

function defaultDetail(status: number): string {
  return REASONS[status] ?? 'Error';
}
