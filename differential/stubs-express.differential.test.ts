// The generated Express stubs on the real Express 5 (issue 7, "Proof that the stubs are right"):
// each fixture design's project is generated into a temporary folder, type-checked and built with
// `tsc` (the project's own tsconfig.json), started, and sent the requests of differential/stubs.ts;
// every answer must be what the matcher predicts for the express profile (status, route, Location,
// Allow).
//
// The route that answered is read where Express knows it: `req.route` and `req.baseUrl` when the
// response ends (express.response.end is wrapped for the test only, so the stubs stay as generated).

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expressPath } from '../shared/codegen/express-stubs';
import { readStubDesign } from '../shared/codegen/stub-design';
import { loadCase, predict, STUB_CASES, writeStubs, type Answer, type StubRequest } from './stubs';

const TSC = path.resolve('node_modules/.bin/tsc');
const NODE_MODULES = path.resolve('node_modules');

const cases = STUB_CASES.map((c) => ({ file: c.file, ...loadCase(c.file, 'express') }));
const built: { dir: string; tsc: { ok: boolean; output: string } }[] = [];
const answers: Answer[][] = [];

type Routed = express.Response & { req: express.Request };
const originalEnd = express.response.end;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-stubs-express-'));
  for (const [i, c] of cases.entries()) {
    const dir = path.join(root, `project-${i}`);
    writeStubs(c.doc, 'express', dir);
    // The project's dependencies are this repository's (express 5, @types/express, @types/node).
    fs.symlinkSync(NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
    built.push({ dir, tsc: { ok: false, output: '' } });
  }
  // Both projects build at once (two cores).
  await Promise.all(
    built.map(async (b) => {
      try {
        await promisify(execFile)(TSC, ['-p', b.dir]);
        b.tsc.ok = true;
      } catch (e) {
        b.tsc.output = String((e as { stdout?: string }).stdout ?? e);
      }
    }),
  );
  const keyOf = (res: Routed): string | null => {
    const route = (res.req as express.Request & { route?: { path: string; methods: Record<string, boolean> } }).route;
    if (!route) return null;
    return `${Object.keys(route.methods)[0]?.toUpperCase()} ${(res.req.baseUrl + route.path).toLowerCase()}`;
  };
  express.response.end = function (this: Routed, ...args: unknown[]) {
    const key = keyOf(this);
    if (key !== null && !this.headersSent) this.setHeader('x-route-key', key);
    return (originalEnd as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof express.response.end;

  for (const [i, c] of cases.entries()) {
    const b = built[i] as (typeof built)[number];
    if (!b.tsc.ok) {
      answers.push([]);
      continue;
    }
    // Express route paths back to the design's route keys.
    const design = readStubDesign(c.doc);
    const keys = new Map(design.routes.map((r) => [`${r.method.toUpperCase()} ${(expressPath(r.prefix, new Map()) + expressPath(r.localPath, new Map(), r)).toLowerCase()}`, r.route.key]));
    const { createApp } = (await import(pathToFileURL(path.join(b.dir, 'dist/app.js')).href)) as { createApp: () => express.Express };
    answers.push(await serve(createApp(), c.requests, keys));
  }
}, 60_000);

afterAll(() => {
  express.response.end = originalEnd;
});

async function serve(app: express.Express, requests: StubRequest[], keys: Map<string, string>): Promise<Answer[]> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const out: Answer[] = [];
    for (const r of requests) out.push(await send(agent, port, r, keys));
    return out;
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function send(agent: http.Agent, port: number, request: StubRequest, keys: Map<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    // The raw path is the request target: node:http sends it untouched.
    const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        const header = (name: string) => {
          const v = res.headers[name];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
        };
        const routeKey = header('x-route-key');
        resolve({ status: res.statusCode ?? null, route: routeKey === null ? null : (keys.get(routeKey) ?? `unknown: ${routeKey}`), location: header('location'), allow: header('allow') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(cases.map((c, i) => [c.file, i] as const))('%s', (_file, i) => {
  const c = cases[i] as (typeof cases)[number];

  test('the generated project type-checks and builds with tsc', () => {
    expect(built[i]?.tsc.output).toBe('');
    expect(built[i]?.tsc.ok).toBe(true);
  });

  test('the running stub answers every request as the express profile predicts', () => {
    const got = answers[i] ?? [];
    const rows = c.requests.map((r, j) => ({ request: `${r.method} ${r.path}`, express: got[j], predicted: predict(c.doc, 'express', r) }));
    if (process.env['STUBS_VERBOSE']) console.log(JSON.stringify(rows, null, 1));
    const wrong = rows.filter((row) => JSON.stringify(row.express) !== JSON.stringify(row.predicted));
    expect(wrong, JSON.stringify(wrong, null, 2)).toEqual([]);
    expect(got).toHaveLength(c.requests.length);
  });
});
