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
  allowHeader: { order: 'declared', always: [] },
  wrongMethod: 405,
  allowFrom: 'first-partial-route',
  caseSensitive: true,
  headRunsGet: false,
  dollarAllowsFinalNewline: true,
  matchDecodedPath: true,
  brokenEscapes: 'replace',
  locationSafe: ":/%#?=@[]!$&'()*+,;",
  errorBody: (status, detail) => ({ detail: detail ?? defaultDetail(status) }),
  implicitResponses: [{ status: '422', description: 'Validation Error', when: 'params-or-body', schemaName: 'HTTPValidationError' }],
  openapiVersion: '3.1.0',
};

const djangoModernRest: Profile = {
  id: 'django-modern-rest',
  label: 'django-modern-rest',
  order: 'first-match',
  // A parameter without a convertor is `<str:x>`; django-modern-rest then validates it against its
  // declared type (pydantic), so a bad value is a 422 from that route, not a miss.
  annotatedParams: 'any-segment',
  // django/urls/converters.py
  convertors: { str: '[^/]+', int: '[0-9]+', slug: '[-a-zA-Z0-9_]+', uuid: UUID_PATTERN, path: '.+' },
  defaultPattern: () => '[^/]+',
  restPattern: '.+',
  accepts: acceptsPython,
  trailingSlash: { kind: 'redirect', status: 301, appendOnly: true },
  methodDispatch: 'per-path',
  // django.views.View.http_method_names; HEAD comes with GET, OPTIONS always.
  allowHeader: { order: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'], always: ['OPTIONS'] },
  wrongMethod: 405,
  allowFrom: 'all-routes-of-path',
  caseSensitive: true,
  headRunsGet: true,
  dollarAllowsFinalNewline: false,
  matchDecodedPath: true,
  brokenEscapes: 'keep',
  locationSafe: "/:@&+$,!*'()",
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
  // A catch-all is Express 5's wildcard (`*rest`): one or more characters, slashes included.
  convertors: { path: '.+' },
  defaultPattern: () => '[^/]+?',
  restPattern: '.+',
  accepts: () => true,
  trailingSlash: { kind: 'same-route' },
  methodDispatch: 'per-route',
  allowHeader: { order: 'alphabetical', always: [] },
  wrongMethod: 404,
  allowFrom: 'all-routes-of-path',
  caseSensitive: false,
  headRunsGet: true,
  dollarAllowsFinalNewline: false,
  matchDecodedPath: false,
  brokenEscapes: 'keep',
  locationSafe: "/:@&+$,!*'()",
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
  allowHeader: { order: 'declared', always: [] },
  wrongMethod: 405,
  allowFrom: 'all-routes-of-path',
  caseSensitive: true,
  headRunsGet: false,
  dollarAllowsFinalNewline: false,
  matchDecodedPath: true,
  brokenEscapes: 'replace',
  locationSafe: "/:@&+$,!*'()",
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
