/**
 * Issue 3's figures: full validation (every Routecraft rule, Redocly excluded) of generated documents
 * with 1k, 10k and 50k routes and of GitHub's REST description, cold — a fresh Validator on a freshly
 * opened model, nothing compiled or analysed before — and, for comparison with earlier figures,
 * `runRules` (the full run every Validator is checked against); the 10k→50k ratio (the shadowing
 * analysis must not be quadratic); re-validation with a warm Validator after one edit at 10k routes,
 * made through a DocumentSession as the app makes it.
 * Run: `npm run bench -- validation`. Each size runs in a fresh process for its peak memory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DocumentSession } from '../shared/document-session';
import type { EditIntent } from '../shared/edit/edit-intent';
import type { Route } from '../shared/model/api-model';
import { openDocument } from '../shared/model/open-document';
import { RULES } from '../shared/rules/registry';
import { runRules } from '../shared/rules/run-rules';
import { Validator } from '../shared/rules/validator';
import { syntheticApi } from '../shared/testing/synthetic-api';

const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(f: () => T): [number, T] {
  const start = performance.now();
  const value = f();
  return [performance.now() - start, value];
}

interface ColdResult {
  validator: number[];
  runRules: number[];
  findings: number;
  /** After the five Validator runs (five documents opened in turn), as the figure was measured before. */
  peakRssMb: number;
}

/**
 * Cold runs, each on a freshly opened model (the open not timed), so nothing compiled or analysed
 * is reused: five with a new Validator, then five with runRules.
 */
function cold(size: string): ColdResult {
  const text = size === 'github' ? fs.readFileSync(GITHUB, 'utf8') : syntheticApi(Number(size));
  const out: ColdResult = { validator: [], runRules: [], findings: 0, peakRssMb: 0 };
  for (let i = 0; i < 5; i++) {
    const doc = openDocument(text, { fileName: 'api.json' });
    const [ms, found] = time(() => new Validator().run(doc));
    out.validator.push(ms);
    out.findings = found.length;
  }
  out.peakRssMb = process.resourceUsage().maxRSS / 1024;
  for (let i = 0; i < 5; i++) {
    const doc = openDocument(text, { fileName: 'api.json' });
    out.runRules.push(time(() => runRules(doc))[0]);
  }
  return out;
}

/** The edits timed after: each picks a route spread over the document and changes one thing. */
const EDITS: Record<string, (route: Route, i: number) => EditIntent> = {
  // The figure measured before the Validator existed: a summary changed.
  summary: (route, i) => ({ op: 'updateRoute', route: route.key, summary: `Edited ${i}` }),
  'path renamed': (route, i) => ({ op: 'updateRoute', route: route.key, path: `${route.path}/v${i}` }),
  'status changed': (route) => {
    const status = route.responses[0]?.status ?? '200';
    return { op: 'updateResponse', route: route.key, status, newStatus: status === '200' ? '203' : status === '201' ? '202' : '200' };
  },
  'response added': (route) => ({ op: 'addResponse', route: route.key, status: '404', response: { description: 'Not found' } }),
};

interface EditResult {
  times: number[];
  /** The Validator's last answer equals runRules' (checked once, after the timing). */
  same: boolean;
}

/** 20 edits of one kind through a session, each followed by re-validation (a warm Validator, or runRules). */
function afterEdits(kind: string, how: 'validator' | 'runRules'): EditResult {
  const edit = EDITS[kind] as (route: Route, i: number) => EditIntent;
  const session = new DocumentSession(syntheticApi(10_000), { fileName: 'api.json' });
  const validator = new Validator();
  const validate = () => (how === 'validator' ? validator.run(session.document) : runRules(session.document));
  validate();
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < 20; i++) {
    const routes = session.document.model.routes;
    session.apply(edit(routes[(i * 487) % routes.length] as Route, i));
    const [ms, found] = time(validate);
    times.push(ms);
    last = found;
  }
  return { times, same: JSON.stringify(last) === JSON.stringify(runRules(session.document)) };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

const arg = process.argv[2];
if (arg === '--child') {
  process.stdout.write(JSON.stringify(cold(process.argv[3] as string)));
} else if (arg === '--child-edit') {
  process.stdout.write(JSON.stringify(afterEdits(process.argv[3] as string, process.argv[4] as 'validator' | 'runRules')));
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  console.log(`Full validation (${RULES.length} rules, Redocly excluded), median of 5 runs, each on a freshly opened model:`);
  console.log(`  ${'document'.padEnd(28)} ${'Validator (cold)'.padStart(17)} ${'runRules'.padStart(10)}   findings   peak RSS after the Validator's 5`);
  const results: Record<string, number> = {};
  for (const size of ['1000', '10000', '50000', 'github']) {
    const r = run('--child', size) as ColdResult;
    results[size] = median(r.validator);
    const label = size === 'github' ? 'GitHub REST (1,223 routes)' : `${Number(size).toLocaleString('en')} routes`;
    console.log(`  ${label.padEnd(28)} ${ms(median(r.validator)).padStart(17)} ${ms(median(r.runRules)).padStart(10)}   ${String(r.findings).padStart(8)}   ${r.peakRssMb.toFixed(0)} MB`);
  }
  console.log(`  10k → 50k time ratio (Validator): ${((results['50000'] as number) / (results['10000'] as number)).toFixed(2)} (5× the routes; goal ≤ 6)`);
  console.log('Re-validation after one edit at 10,000 routes, 20 edits each (median / max): a warm Validator, and runRules after the same edits:');
  for (const kind of Object.keys(EDITS)) {
    const v = run('--child-edit', kind, 'validator') as EditResult;
    const r = run('--child-edit', kind, 'runRules') as EditResult;
    const line = (x: EditResult) => `${ms(median(x.times)).padStart(9)} / ${ms(Math.max(...x.times)).padStart(9)}`;
    console.log(`  ${kind.padEnd(16)} Validator ${line(v)}   runRules ${line(r)}${v.same ? '' : '   DIFFERENT FROM runRules'}`);
  }
}
