#!/usr/bin/env node
// A larger differential batch than the test suite runs, with counts of agreements and
// disagreements by kind (differential.ts).
//
//   node differential/run.mjs [--profile fastapi|django-modern-rest|express|all] [--cases N]
//                             [--seed S] [--verbose] [--limit N] [--json]
//
// --seed is the first seed (default 1); cases use seeds S..S+N-1, the same ones the test uses
// for S=1. --verbose prints every disagreeing case (table, request, both answers), --limit caps
// how many (default 20). --json prints the framework's answers and the matcher's for every
// request instead. Exit code 1 when anything disagrees.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'all' },
    cases: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    verbose: { type: 'boolean', default: false },
    limit: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('usage: node differential/run.mjs [--profile P|all] [--cases N] [--seed S] [--verbose] [--limit N] [--json]');
  process.exit(0);
}

/** @type {typeof import('./differential.ts')} */
const differential = await tsImport(path.join(path.dirname(fileURLToPath(import.meta.url)), 'differential.ts'), import.meta.url);
const { HARNESS_PROFILES, isHarnessProfile, runDifferential, summarize, summaryLine, formatCaseReport, matcherAnswer } = differential;

const requested = values.profile === 'all' ? HARNESS_PROFILES : [values.profile];
const profiles = requested.filter((profile) => isHarnessProfile(profile));
if (profiles.length !== requested.length) {
  console.error(`run: no harness for profile ${JSON.stringify(values.profile)}; use one of ${HARNESS_PROFILES.join(', ')} or all`);
  process.exit(2);
}
const count = Number(values.cases);
const first = Number(values.seed);
const limit = Number(values.limit);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(first) || !Number.isInteger(limit)) {
  console.error('run: --cases, --seed and --limit take integers (--cases at least 1)');
  process.exit(2);
}
const seeds = Array.from({ length: count }, (_, i) => first + i);

let disagreed = false;
/** @type {unknown[]} */
const dump = [];
for (const profile of profiles) {
  const started = performance.now();
  const results = await runDifferential(profile, seeds);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = summarize(results);
  if (summary.disagreements > 0) disagreed = true;
  if (values.json) {
    for (const result of results) {
      dump.push({
        profile,
        seed: result.testCase.seed,
        routes: result.testCase.table,
        requests: result.testCase.requests.map((request, i) => ({
          ...request,
          framework: result.answers[i],
          matcher: matcherAnswer(result.testCase, request).answer,
          agree: !result.disagreements.some((d) => d.request === request),
        })),
      });
    }
    continue;
  }
  if (values.verbose) {
    const failing = results.filter((r) => r.disagreements.length > 0);
    for (const result of failing.slice(0, limit)) console.log(`${formatCaseReport(result)}\n`);
    if (failing.length > limit) console.log(`… ${failing.length - limit} more cases disagree (raise --limit)\n`);
  }
  console.log(`${summaryLine(profile, summary)} [${seconds} s, seeds ${first}..${first + count - 1}]`);
}
if (values.json) console.log(JSON.stringify(dump, null, 1));
process.exitCode = disagreed ? 1 : 0;
