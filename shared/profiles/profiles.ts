import type { ProfileId } from '../model/x-routecraft';
import type { Profile } from './profile';
import { acceptsPython, UUID_PATTERN } from './param-domains';

const fastapi: Profile = {
  id: 'fastapi',
  label: 'FastAPI',
  order: 'first-match',
  annotatedParams: 'any-segment',
  // starlette/convertors.py
  convertors: { str: '[^/]+', int: '[0-9]+', float: '[0-9]+(?:\\.[0-9]+)?', uuid: UUID_PATTERN, path: '.*' },
  defaultPattern: () => '[^/]+',
  restPattern: '.*',
  accepts: acceptsPython,
  trailingSlash: { kind: 'redirect', status: 307, appendOnly: false },
  methodDispatch: 'per-route',
  allowOrder: null,
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
  // django/urls/converters.py
  convertors: { str: '[^/]+', int: '[0-9]+', slug: '[-a-zA-Z0-9_]+', uuid: UUID_PATTERN, path: '.+' },
  defaultPattern: (type) => (type === 'integer' ? '[0-9]+' : type === 'uuid' ? UUID_PATTERN : '[^/]+'),
  restPattern: '.+',
  accepts: () => true,
  trailingSlash: { kind: 'redirect', status: 301, appendOnly: true },
  methodDispatch: 'per-path',
  // django.views.View.http_method_names; HEAD comes with GET, OPTIONS always.
  allowOrder: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'],
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
  convertors: {},
  defaultPattern: () => '[^/]+?',
  restPattern: '.+',
  accepts: () => true,
  trailingSlash: { kind: 'same-route' },
  methodDispatch: 'per-route',
  allowOrder: null,
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
  convertors: {},
  defaultPattern: (type) => (type === 'integer' ? '-?[0-9]+' : type === 'number' ? '-?[0-9]+(?:\\.[0-9]+)?' : type === 'uuid' ? UUID_PATTERN : '[^/]+'),
  restPattern: '.+',
  accepts: () => true,
  trailingSlash: { kind: 'strict' },
  methodDispatch: 'per-route',
  allowOrder: null,
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
