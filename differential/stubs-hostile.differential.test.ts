// Stubs of hostile designs run (DESIGN §7; issue 7: "a stub that does not run … is worse than
// none"). The property test in shared/codegen proves the generated code of random designs full of
// hostile strings compiles; this one starts it: every FastAPI project is imported by the real
// FastAPI (and documents itself), every Express project is built and mounted, and one request per
// route never gets a 500 or a crash.

import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import type express from 'express';
import { beforeAll, expect, test } from 'vitest';
import { sampleOf } from '../shared/codegen/sample-value';
import { readStubDesign } from '../shared/codegen/stub-design';
import { openDocument } from '../shared/model/open-document';
import { hostileDesign, hostileDocument } from '../shared/testing/hostile-design';
import { writeStubs, type StubRequest } from './stubs';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 40);
const HERE = path.dirname(fileURLToPath(import.meta.url));

interface Case {
  dir: string;
  requests: StubRequest[];
}

/** A request for every route: its parameters filled with "1", its body a sample of its schema. */
function requestsFor(text: string): StubRequest[] {
  const design = readStubDesign(openDocument(text, { format: 'json' }));
  const wellFormed = (s: string) => s.replace(/[\ud800-\udfff]/g, '\ufffd');
  return design.routes.map((r) => {
    const target = r.path
      .replace(/\{[^{}]+\}/g, '1')
      .split('/')
      .map((s) => encodeURIComponent(wellFormed(s)))
      .join('/');
    // Lone surrogates in a request make FastAPI itself fail (it cannot encode its 422): not sent.
    const clean = (v: unknown): unknown => (typeof v === 'string' ? wellFormed(v) : Array.isArray(v) ? v.map(clean) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [wellFormed(k), clean(x)])) : v);
    const body = r.body ? clean(sampleOf(r.body.schema, design.schemas)) : undefined;
    return { method: r.method.toUpperCase(), path: target, ...(body !== undefined ? { body } : {}) };
  });
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-stubs-hostile-'));
const cases: { fastapi: Case; express: Case }[] = [];
let fastapiResults: { error?: string; openapi?: { paths?: Record<string, Record<string, unknown>> }; answers?: { status: number | null }[] }[] = [];
/** How many routes each design has (QUERY ones included: FastAPI documents them too). */
const routeCounts: number[] = [];
let tscOutput = '';

beforeAll(async () => {
  fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
  for (const [i, d] of fc.sample(hostileDesign, { numRuns: RUNS, seed: Number(process.env['PROPERTY_SEED'] ?? 3) }).entries()) {
    const text = hostileDocument(d);
    const doc = openDocument(text, { format: 'json' });
    const requests = requestsFor(text);
    routeCounts.push(readStubDesign(doc).routes.length);
    const dir = path.join(root, `case-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'design.json'), text);
    writeStubs(doc, 'fastapi', path.join(dir, 'fastapi'));
    writeStubs(doc, 'express', path.join(dir, 'express'));
    // Node's HTTP parser (client and server) does not know the QUERY method yet.
    const known = requests.filter((r) => r.method !== 'QUERY');
    cases.push({ fastapi: { dir: path.join(dir, 'fastapi'), requests: known }, express: { dir: path.join(dir, 'express'), requests: known } });
  }
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: ['node'], rootDir: '.', outDir: 'dist' }, include: ['case-*/express/src/**/*.ts'] }));
  const python = new Promise<string>((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [path.join(HERE, 'stubs_harness.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.end(JSON.stringify({ cases: cases.map((c) => c.fastapi) }));
  });
  const tsc = promisify(execFile)(path.resolve('node_modules/.bin/tsc'), ['-p', root], { maxBuffer: 64 << 20 }).then(
    () => '',
    (e: { stdout?: string }) => e.stdout ?? String(e),
  );
  const [out, tscOut] = await Promise.all([python, tsc]);
  fastapiResults = (JSON.parse(out) as { cases: typeof fastapiResults }).cases;
  tscOutput = tscOut;
}, 120_000);

test('FastAPI imports every hostile project and no route answers 500', () => {
  const problems = fastapiResults.flatMap((r, i) => {
    const c = cases[i]?.fastapi as Case;
    if (r.error !== undefined) return [`${c.dir}: ${r.error.split('\n').slice(-3).join(' ')}`];
    return (r.answers ?? []).flatMap((a, j) => (a.status === 500 || a.status === null ? [`${c.dir}: ${c.requests[j]?.method} ${c.requests[j]?.path} → ${a.status}`] : []));
  });
  expect(problems).toEqual([]);
  expect(fastapiResults).toHaveLength(cases.length);
  // Every designed route is in the app: none was lost to a name clash.
  const documented = fastapiResults.map((r) => Object.values(r.openapi?.paths ?? {}).reduce((n, item) => n + Object.keys(item).filter((k) => /^(get|put|post|delete|options|head|patch|trace|query)$/.test(k)).length, 0));
  expect(documented).toEqual(routeCounts);
});

test('Express mounts every hostile project and no route answers 500', async () => {
  expect(tscOutput).toBe('');
  const problems: string[] = [];
  for (const [i, c] of cases.entries()) {
    let app: express.Express;
    try {
      app = ((await import(pathToFileURL(path.join(root, 'dist', `case-${i}`, 'express', 'src', 'app.js')).href)) as { createApp: () => express.Express }).createApp();
    } catch (e) {
      problems.push(`${c.express.dir}: ${String(e)}`);
      continue;
    }
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    for (const r of c.express.requests) {
      const body = r.body === undefined ? undefined : JSON.stringify(r.body);
      const status = await new Promise<number | string>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, agent: false, headers: body === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? -1));
        });
        req.on('error', (e) => resolve(e.message));
        req.end(body);
      });
      if (status === 500 || typeof status === 'string') problems.push(`${c.express.dir}: ${r.method} ${r.path} → ${status}`);
    }
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  expect(problems).toEqual([]);
}, 60_000);
