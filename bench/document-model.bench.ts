/**
 * Issue 2's figures: opening GitHub's REST description (13 MB of JSON) into the model, and one visual
 * edit on it (text edits computed + model updated). Issue 6's: typing in the path field of a route of
 * a 10,000-route document, one rename per keystroke. Run: `npm run bench -- document-model`
 * (the rename figures alone, JSON and YAML: `node --import tsx bench/document-model.bench.ts --rename`).
 * Each figure comes from a fresh child process, so peak memory is that of the open alone.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { DocumentSession } from '../shared/document-session';
import { applyIntent } from '../shared/edit/apply-intent';
import { openDocument } from '../shared/model/open-document';
import { updateDocument } from '../shared/model/update-document';
import { syntheticApi } from '../shared/testing/synthetic-api';

const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';
const RUNS = 5;

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return { min: s[0] as number, median: at(0.5), p95: at(0.95), max: s[s.length - 1] as number };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const RENAMES = 60;

/** CPU time of this process (all its threads, the garbage collector's included), in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

if (process.argv[2] === '--child-open') {
  const baseline = process.resourceUsage().maxRSS;
  const start = performance.now();
  const text = fs.readFileSync(GITHUB, 'utf8');
  const read = performance.now();
  const doc = openDocument(text, { fileName: 'api.github.com.json' });
  const end = performance.now();
  if (doc.model.routes.length !== 1223) throw new Error('unexpected document');
  process.stdout.write(JSON.stringify({ readMs: read - start, openMs: end - read, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb: baseline / 1024 }));
} else if (process.argv[2] === '--child-edit') {
  let doc = openDocument(fs.readFileSync(GITHUB, 'utf8'), { fileName: 'api.github.com.json' });
  const targets = doc.model.routes.filter((r) => r.responses.some((x) => !x.ref));
  const times: number[] = [];
  // A session of 60 edits spread over the whole document, each on the result of the previous one.
  for (let i = 0; i < 60; i++) {
    const route = targets[(i * 97) % targets.length]!;
    const status = route.responses.find((x) => !x.ref)!.status;
    const start = performance.now();
    doc = applyIntent(doc, { op: 'updateResponse', route: route.key, status, description: `Edited ${i}` }).document;
    times.push(performance.now() - start);
  }
  process.stdout.write(JSON.stringify({ times, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} else if (process.argv[2] === '--child-rename') {
  // The designer's path field renames the route on every keystroke: the session applies the intent
  // (text edits + its model), then the view's copy of the document takes the same edits.
  // `--yaml`: the same document written as YAML, which most OpenAPI files are.
  const yaml = process.argv.includes('--yaml');
  const text = yaml ? stringify(JSON.parse(syntheticApi(10_000))) : syntheticApi(10_000);
  const fileName = yaml ? 'synthetic.yaml' : 'synthetic.json';
  const session = new DocumentSession(text, { fileName });
  let copy = openDocument(text, { fileName });
  const intent: number[] = [];
  const view: number[] = [];
  const both: number[] = [];
  const cpu: number[] = [];
  // Type into the path of three routes in turn: near the start, the middle and the end of `paths`.
  const targets = [0, 5000, 9999].map((i) => session.document.model.routes[i]!);
  for (let i = 0; i < RENAMES; i++) {
    const t = targets[Math.floor(i / (RENAMES / targets.length))]!;
    const route = session.document.model.routes.find((r) => r.operationId === t.operationId)!;
    const c0 = cpuMs();
    const start = performance.now();
    const change = session.apply({ op: 'updateRoute', route: route.key, path: `${route.path}${'abcdefghij'[i % 10]}` });
    const applied = performance.now();
    copy = updateDocument(copy, change.edits);
    const end = performance.now();
    intent.push(applied - start);
    view.push(end - applied);
    both.push(end - start);
    cpu.push(cpuMs() - c0);
  }
  if (copy.source.text !== session.text || copy.model.routes.length !== 10_000) throw new Error('the copy drifted');
  process.stdout.write(JSON.stringify({ intent, view, both, cpu, bytes: text.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const self = fileURLToPath(import.meta.url);
  const child = (flag: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, flag], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  const renameOnly = process.argv.includes('--rename');
  if (!renameOnly) reportOpenAndEdit(Array.from({ length: RUNS }, () => child('--child-open')));
  const line = (label: string, xs: number[]) => {
    const r = stats(xs);
    console.log(`  ${label.padEnd(24)} median ${ms(r.median)}  p95 ${ms(r.p95)}  max ${ms(r.max)}`);
  };
  for (const format of ['JSON', 'YAML']) {
    const rename = format === 'JSON' ? child('--child-rename') : JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child-rename', '--yaml'], { encoding: 'utf8', maxBuffer: 1 << 24 }));
    console.log(`Path rename at 10,000 routes (synthetic, ${(rename.bytes / 1e6).toFixed(1)} MB of ${format} with an x-routecraft.order list), ${RENAMES} renames in sequence:`);
    line('intent + its model', rename.intent);
    line('updateDocument on a copy', rename.view);
    line('both', rename.both);
    line('CPU time of both', rename.cpu);
    console.log(`  peak RSS ${rename.peakRssMb.toFixed(0)} MB;  goal: a keystroke shows in the sidebar and problems in < 100 ms p95`);
  }
}

function reportOpenAndEdit(opens: { openMs: number; readMs: number; peakRssMb: number; baselineRssMb: number }[]): void {
  const self = fileURLToPath(import.meta.url);
  const child = (flag: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, flag], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  const open = stats(opens.map((o) => o.openMs));
  const read = stats(opens.map((o) => o.readMs));
  const peak = Math.max(...opens.map((o) => o.peakRssMb));
  const baseline = Math.max(...opens.map((o) => o.baselineRssMb));
  console.log(`GitHub REST description (${(fs.statSync(GITHUB).size / 1e6).toFixed(1)} MB, 1,223 operations), ${RUNS} fresh processes:`);
  console.log(`  read file           median ${ms(read.median)}`);
  console.log(`  open into the model median ${ms(open.median)}  (min ${ms(open.min)}, max ${ms(open.max)})  goal < 1500 ms`);
  console.log(`  peak RSS            ${peak.toFixed(0)} MB  (node alone: ${baseline.toFixed(0)} MB)  goal < 500 MB`);
  const edit = child('--child-edit');
  const e = stats(edit.times);
  console.log(`One response edit (text edits + model update), 60 edits in sequence over the document:`);
  console.log(`  median ${ms(e.median)}  p95 ${ms(e.p95)}  max ${ms(e.max)}  goal < 50 ms;  peak RSS ${edit.peakRssMb.toFixed(0)} MB`);
}
