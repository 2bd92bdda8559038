/**
 * Issue 3's figures: full validation (every Routecraft rule, Redocly excluded) of generated documents
 * with 1k, 10k and 50k routes and of GitHub's REST description; the 10k→50k ratio (the shadowing
 * analysis must not be quadratic); re-validation after one edit at 10k routes.
 * Run: `npm run bench -- validation`. Each size runs in a fresh process for its peak memory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyIntent } from '../shared/edit/apply-intent';
import { openDocument } from '../shared/model/open-document';
import { RULES } from '../shared/rules/registry';
import { routePartiallyShadowedRule } from '../shared/rules/route-partially-shadowed.rule';
import { routeShadowedRule } from '../shared/rules/route-shadowed.rule';
import { runRules } from '../shared/rules/run-rules';
import { syntheticApi } from '../shared/testing/synthetic-api';

const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';
const ALL_RULES = RULES.some((r) => r.id === routeShadowedRule.id) ? RULES : [...RULES, routeShadowedRule, routePartiallyShadowedRule];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function child(size: string): { ms: number[]; findings: number; peakRssMb: number; baselineRssMb: number } {
  const baselineRssMb = process.resourceUsage().maxRSS / 1024;
  const text = size === 'github' ? fs.readFileSync(GITHUB, 'utf8') : syntheticApi(Number(size));
  const ms: number[] = [];
  let findings = 0;
  for (let i = 0; i < 5; i++) {
    // A fresh model each time: nothing compiled or analysed is reused between runs.
    const doc = openDocument(text, { fileName: 'api.json' });
    const start = performance.now();
    findings = runRules(doc, { rules: ALL_RULES }).length;
    ms.push(performance.now() - start);
  }
  return { ms, findings, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb };
}

function afterEdit(): number[] {
  let doc = openDocument(syntheticApi(10_000), { fileName: 'api.json' });
  runRules(doc, { rules: ALL_RULES });
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const route = doc.model.routes[(i * 487) % doc.model.routes.length]!;
    doc = applyIntent(doc, { op: 'updateRoute', route: route.key, summary: `Edited ${i}` }).document;
    const start = performance.now();
    runRules(doc, { rules: ALL_RULES });
    times.push(performance.now() - start);
  }
  return times;
}

const arg = process.argv[2];
if (arg === '--child') {
  process.stdout.write(JSON.stringify(child(process.argv[3] as string)));
} else if (arg === '--child-edit') {
  process.stdout.write(JSON.stringify(afterEdit()));
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  console.log(`Full validation (${ALL_RULES.length} rules, Redocly excluded), median of 5 runs on a fresh model each:`);
  const results: Record<string, number> = {};
  for (const size of ['1000', '10000', '50000', 'github']) {
    const r = run('--child', size);
    results[size] = median(r.ms);
    const label = size === 'github' ? 'GitHub REST (1,223 routes)' : `${Number(size).toLocaleString('en')} routes`;
    console.log(`  ${label.padEnd(28)} ${median(r.ms).toFixed(1).padStart(7)} ms   ${String(r.findings).padStart(5)} findings   peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  }
  console.log(`  10k → 50k time ratio: ${((results['50000'] as number) / (results['10000'] as number)).toFixed(2)} (5× the routes; goal ≤ 6)`);
  const edits = run('--child-edit') as number[];
  console.log(`Re-validation after one edit at 10,000 routes (20 edits): median ${median(edits).toFixed(1)} ms, max ${Math.max(...edits).toFixed(1)} ms (goal < 16 ms)`);
}
