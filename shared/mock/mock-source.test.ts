import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { openDocument, type ApiDocument } from '../model/open-document';
import { detachedSource, liveSource, type MockSource } from './mock-source';
import { bundleSchema } from './schema-bundle';

/**
 * `routecraft mock` answers from a detached copy so it can drop the document; the app answers from
 * the live tree. Both must bundle every schema and read every latency the same way.
 */
function everySchema(doc: ApiDocument): unknown[] {
  const out: unknown[] = [];
  for (const route of doc.model.routes) {
    for (const p of route.params) out.push(p.schema);
    for (const c of route.requestBody?.content ?? []) out.push(c.schema);
    for (const r of route.responses) {
      for (const c of r.content) out.push(c.schema);
      for (const h of r.headers) out.push(h.schema);
    }
  }
  return out.filter((s) => s !== undefined);
}

/** Compares both sources on every schema and response of `doc`; returns how many schemas it bundled. */
function expectSame(doc: ApiDocument, live: MockSource, detached: MockSource): number {
  const schemas = everySchema(doc);
  for (const schema of schemas) {
    expect(bundleSchema(detached.refValue, schema, doc.model.version)).toEqual(bundleSchema(live.refValue, schema, doc.model.version));
  }
  for (const route of doc.model.routes) {
    for (const r of route.responses) expect(detached.responseLatency(r), `${route.key} ${r.status}`).toBe(live.responseLatency(r));
  }
  return schemas.length;
}

const WITH_SETTINGS = `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          x-routecraft-mock: {latencyMs: 120}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Tree'}
        '404': {$ref: '#/components/responses/Missing'}
  /b:
    $ref: '#/components/pathItems/B'
  /c:
    post:
      requestBody:
        content:
          application/json:
            # A $ref into another operation: rare, but it must resolve like any other.
            schema: {$ref: '#/paths/~1a/get/responses/200/content/application~1json/schema'}
      responses:
        '201': {description: made, x-routecraft-mock: {latencyMs: -5}}
components:
  schemas:
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
        tag: {$ref: '#/components/schemas/Tag'}
        gone: {$ref: '#/components/schemas/Nowhere'}
    Tag: {type: string}
  responses:
    Missing: {description: no, x-routecraft-mock: {latencyMs: 7}}
  pathItems:
    B:
      get:
        responses:
          '200': {description: b, x-routecraft-mock: {latencyMs: 3}}
`;

describe('the detached copy answers as the live document', () => {
  test('refs into components, responses and operations; latencies on inline, $ref and invalid settings', () => {
    const doc = openDocument(WITH_SETTINGS);
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const detached = detachedSource(doc);
    expectSame(doc, liveSource(doc), detached);
    const a = doc.model.routes.find((r) => r.key === 'GET /a');
    expect(a?.responses.map((r) => detached.responseLatency(r))).toEqual([120, 7]);
    // Through a path item that is itself a $ref.
    expect(doc.model.routes.find((r) => r.key === 'GET /b')?.responses.map((r) => detached.responseLatency(r))).toEqual([3]);
    expect(detached.refValue('#/components/schemas/Nowhere')).toBeUndefined();
  });

  for (const file of ['users-api.yaml', 'petstore.yaml', 'shop-api.yaml', 'features-3.1.yaml', 'conversions-3.0.yaml']) {
    test(file, () => {
      const doc = openDocument(fs.readFileSync(`fixtures/openapi/${file}`, 'utf8'), { fileName: file });
      expect(expectSame(doc, liveSource(doc), detachedSource(doc))).toBeGreaterThan(0);
    });
  }

  test('holds nothing of the document, so its text and tree can be collected', async () => {
    let doc: ApiDocument | undefined = openDocument(fs.readFileSync('fixtures/openapi/users-api.yaml', 'utf8'), { fileName: 'users-api.yaml' });
    const ranges = doc.model.routes.map((r) => r.range);
    const text = new WeakRef(doc.source);
    const detached = detachedSource(doc);
    doc = undefined;
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    // A WeakRef holds its target until the current job ends; a collection running alongside (other
    // test files share the process) can leave it for the next one: a few rounds, each in a new job.
    for (let round = 0; round < 5 && text.deref() !== undefined; round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    expect(text.deref()).toBeUndefined();
    // Its routes kept their ranges as values.
    expect(detached.model.routes.map((r) => r.range)).toEqual(ranges);
  });

  test("GitHub's REST description", () => {
    const doc = openDocument(fs.readFileSync('node_modules/@octokit/openapi/generated/api.github.com.json', 'utf8'), { fileName: 'api.github.com.json' });
    const detached = detachedSource(doc);
    // Checked on a spread of routes: bundling all ~1,000 routes' schemas twice would take a minute.
    const sample = { ...doc, model: { ...doc.model, routes: doc.model.routes.filter((_, i) => i % 25 === 0) } } as ApiDocument;
    expect(expectSame(sample, liveSource(doc), detached)).toBeGreaterThan(100);
  }, 60_000);
});
