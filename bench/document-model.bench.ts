/**
 * Issue 2's figures: opening GitHub's REST description (13 MB of JSON) into the model, and one visual
 * edit on it (text edits computed + model updated). Run: `npm run bench -- document-model`.
 * Each figure comes from a fresh child process, so peak memory is that of the open alone.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyIntent } from '../shared/edit/apply-intent';
import { openDocument } from '../shared/model/open-document';

const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';
const RUNS = 5;

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return { min: s[0] as number, median: at(0.5), p95: at(0.95), max: s[s.length - 1] as number };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

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
} else {
  const self = fileURLToPath(import.meta.url);
  const child = (flag: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, flag], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  const opens = Array.from({ length: RUNS }, () => child('--child-open'));
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
