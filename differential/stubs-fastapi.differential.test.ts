// The generated FastAPI stubs run on the real FastAPI (issue 7, "Proof that the stubs are right"):
// for each fixture design, the stub project is generated into a temporary folder and imported by
// Debian's FastAPI 0.92 (differential/stubs_harness.py, one Python process for every design), then
//  1. the app's own /openapi.json has the same paths, methods, status codes and response headers
//     as `routecraft export --as-framework` for the fastapi profile;
//  2. every request gets the answer our matcher predicts: status, route, Location and Allow.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportOpenApi } from '../shared/export/export-openapi';
import { loadCase, outline, predict, STUB_CASES, writeStubs, type Answer, type StubRequest } from './stubs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';

interface HarnessResult {
  openapi?: unknown;
  answers?: Answer[];
  error?: string;
}

function runHarness(cases: { dir: string; requests: StubRequest[] }[]): Promise<HarnessResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [path.join(HERE, 'stubs_harness.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`stubs_harness.py exited ${code}:\n${err}`));
      else resolve((JSON.parse(out) as { cases: HarnessResult[] }).cases);
    });
    child.stdin.end(JSON.stringify({ cases }));
  });
}

const cases = STUB_CASES.map((c) => ({ file: c.file, ...loadCase(c.file, 'fastapi') }));
let results: HarnessResult[] = [];

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-stubs-fastapi-'));
  const dirs = cases.map((c, i) => {
    const dir = path.join(root, `project-${i}`);
    writeStubs(c.doc, 'fastapi', dir);
    return dir;
  });
  results = await runHarness(cases.map((c, i) => ({ dir: dirs[i] as string, requests: c.requests })));
});

describe.each(cases.map((c, i) => [c.file, i] as const))('%s', (_file, i) => {
  const c = cases[i] as (typeof cases)[number];

  test('FastAPI imports the generated project', () => {
    expect(results[i]?.error).toBeUndefined();
  });

  test("the app's /openapi.json documents what the export for FastAPI documents", () => {
    const ours = JSON.parse(exportOpenApi(c.doc, { asFramework: 'fastapi', format: 'json' }).text);
    expect(outline(results[i]?.openapi)).toEqual(outline(ours));
  });

  test('every request gets the answer the matcher predicts', () => {
    const answers = results[i]?.answers ?? [];
    const rows = c.requests.map((r, j) => ({ request: `${r.method} ${r.path}`, fastapi: answers[j], predicted: predict(c.doc, 'fastapi', r) }));
    if (process.env['STUBS_VERBOSE']) console.log(JSON.stringify(rows, null, 1));
    const wrong = rows.filter((row) => JSON.stringify(row.fastapi) !== JSON.stringify(row.predicted));
    expect(wrong, JSON.stringify(wrong, null, 2)).toEqual([]);
    expect(answers).toHaveLength(c.requests.length);
  });
});
