// Shared by the real-framework tests of the generated stubs (issue 7, "Proof that the stubs are
// right"): the fixture designs, the requests sent to them, and what Routecraft predicts for each:
// the matcher's answer (shared/matching) and, when a route answers, the Location its stub sets.

import fs from 'node:fs';
import path from 'node:path';
import { generateStubs, type StubTarget } from '../shared/codegen/generate-stubs';
import { sampleOf } from '../shared/codegen/sample-value';
import { headerValue, isRedirect } from '../shared/codegen/stub-types';
import { isJson, readStubDesign } from '../shared/codegen/stub-design';
import { matchRequest } from '../shared/matching/match-request';
import { openDocument, type ApiDocument } from '../shared/model/open-document';
import type { ProfileId } from '../shared/model/x-routecraft';
import { getProfile } from '../shared/profiles/profiles';

export interface StubRequest {
  method: string;
  path: string;
  /** A JSON body, sent when the route the matcher predicts takes one (else FastAPI answers 422). */
  body?: unknown;
}

export interface Answer {
  status: number | null;
  route: string | null;
  location: string | null;
  allow: string | null;
}

/** The fixture designs and the requests each gets: every status case, matches, misses, 405s, redirects. */
export const STUB_CASES: { file: string; requests: [string, string][] }[] = [
  {
    file: 'fixtures/openapi/shop-api.yaml',
    requests: [
      ['GET', '/api/v1/products'],
      ['GET', '/api/v1/products?limit=5&tag=a&tag=b'],
      ['GET', '/api/v1/products/'],
      ['POST', '/api/v1/products'],
      ['PUT', '/api/v1/products'],
      ['OPTIONS', '/api/v1/products'],
      ['GET', '/API/V1/products'],
      ['GET', '/api/v1/products/12'],
      ['GET', '/api/v1/products/abc'],
      ['GET', '/api/v1/products/featured'],
      ['PUT', '/api/v1/products/3'],
      ['DELETE', '/api/v1/products/5'],
      ['PATCH', '/api/v1/products/5'],
      ['GET', '/api/v1/orders/7'],
      ['GET', '/api/v1/orders/latest'],
      ['GET', '/api/v1/orders/-1'],
      ['POST', '/api/v1/orders'],
      ['GET', '/api/v1/orders/by-ref/123e4567-e89b-12d3-a456-426614174000'],
      ['GET', '/api/v1/orders/by-ref/nope'],
      ['GET', '/old-products'],
      ['GET', '/old-products/3'],
      ['GET', '/old-products/x'],
      ['GET', '/promo'],
      ['POST', '/checkout'],
      ['GET', '/checkout'],
      ['GET', '/files/a/b/c.txt'],
      ['PUT', '/files/notes.txt'],
      ['GET', '/health'],
      ['HEAD', '/health'],
      ['GET', '/health/'],
      ['GET', '/nowhere'],
    ],
  },
  {
    file: 'fixtures/openapi/users-api.yaml',
    requests: [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['GET', '/api/users/1'],
      ['GET', '/api/users/me'],
      ['DELETE', '/api/users/2'],
      ['PUT', '/api/users/2'],
      ['GET', '/health'],
      ['GET', '/api/users/?page=2'],
    ],
  },
];

export function loadCase(file: string, profile: ProfileId): { doc: ApiDocument; requests: StubRequest[] } {
  const doc = openDocument(fs.readFileSync(file, 'utf8'), { fileName: file });
  const entry = STUB_CASES.find((c) => c.file === file);
  if (!entry) throw new Error(`no requests for ${file}`);
  const design = readStubDesign(doc);
  const requests = entry.requests.map(([method, p]) => {
    const predicted = matchRequest(doc.model, getProfile(profile), { method, path: p });
    const route = design.routes.find((r) => r.route === predicted.route);
    // Sent as JSON: FastAPI reads a JSON string into a text body parameter too.
    const body = route?.body ? (isJson(route.body.mediaType) ? sampleOf(route.body.schema, design.schemas) : 'text') : undefined;
    return { method, path: p, ...(body !== undefined ? { body } : {}) };
  });
  return { doc, requests };
}

/**
 * What the running stub must answer: the matcher's status, route and Allow; Location from the
 * matcher for the framework's own redirects, and from the route's designed header when its handler
 * answers (what its stub sends).
 */
export function predict(doc: ApiDocument, profile: ProfileId, request: StubRequest): Answer {
  const result = matchRequest(doc.model, getProfile(profile), request);
  let location = result.location;
  const route = result.route;
  if (route && String(result.status) === route.defaultStatus) {
    const header = route.responses.find((r) => r.status === route.defaultStatus)?.headers.find((h) => h.name.toLowerCase() === 'location');
    const value = headerValue(header?.example);
    location = value ?? (isRedirect(result.status) ? '/' : null);
  }
  return { status: result.status, route: route?.key ?? null, location, allow: result.allow };
}

/** Writes the generated project into `dir`. */
export function writeStubs(doc: ApiDocument, target: StubTarget, dir: string): string[] {
  const result = generateStubs(doc, target);
  for (const [file, contents] of result.files) {
    const dest = path.join(dir, file);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, contents);
  }
  return result.warnings;
}

/** An OpenAPI document reduced to what the comparison looks at: paths, methods, statuses, response headers. */
export function outline(doc: unknown): Record<string, Record<string, Record<string, string[]>>> {
  const out: Record<string, Record<string, Record<string, string[]>>> = {};
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  const components = (doc as { components?: { responses?: Record<string, unknown> } }).components?.responses ?? {};
  for (const [p, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) continue;
      const responses = ((op as { responses?: Record<string, unknown> }).responses ?? {}) as Record<string, Record<string, unknown>>;
      const statuses: Record<string, string[]> = {};
      for (const [status, res] of Object.entries(responses)) {
        const ref = typeof res['$ref'] === 'string' ? (res['$ref'] as string).split('/').pop() : undefined;
        const resolved = (ref !== undefined ? components[ref] : res) as { headers?: Record<string, unknown> } | undefined;
        statuses[status] = Object.keys(resolved?.headers ?? {}).sort();
      }
      (out[p] ??= {})[method] = statuses;
    }
  }
  return out;
}
