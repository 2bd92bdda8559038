/**
 * `routecraft lint` on GitHub's REST description (13 MB, 1,223 operations): Routecraft's rules, and
 * Redocly's recommended ruleset through RedoclyLintService (Redocly's own lint, then the mapping of
 * each problem onto our document). Then the same for a synthetic 10,000-route document, where
 * Redocly finds 30,000 problems and their mapping is what the app's lint thread spends most on.
 * Run: `npm run bench -- lint`. Not a test: CI never runs Redocly on 13 MB.
 */
import fs from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { openDocument } from '../shared/model/open-document';
import { runRules } from '../shared/rules/run-rules';
import { syntheticApi } from '../shared/testing/synthetic-api';
import { RedoclyLintService } from '../src-main/services/redocly-lint.service';

const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await f();
  return [performance.now() - start, result];
}

const text = fs.readFileSync(GITHUB, 'utf8');
const [openMs, doc] = await time(() => openDocument(text, { fileName: 'api.github.com.json' }));
const rules: number[] = [];
let findings = 0;
for (let i = 0; i < 5; i++) {
  const [ms, found] = await time(() => runRules(doc));
  rules.push(ms);
  findings = found.length;
}
const [configMs, config] = await time(() => createConfig({ extends: ['recommended'] }));
const raw: number[] = [];
for (let i = 0; i < 3; i++) raw.push((await time(() => lintFromString({ source: text, absoluteRef: '/bench/api.github.com.json', config })))[0]);
const service = new RedoclyLintService();
const mapped: number[] = [];
let problems = 0;
for (let i = 0; i < 3; i++) {
  const [ms, found] = await time(() => service.lint(doc, { filePath: GITHUB }));
  mapped.push(ms);
  problems = found.length;
}
console.log(`GitHub REST description (${(text.length / 1024 / 1024).toFixed(1)} MB, ${doc.model.routes.length} routes)`);
console.log(`  open (parse + model)                      ${openMs.toFixed(0).padStart(6)} ms`);
console.log(`  runRules, median of 5                     ${median(rules).toFixed(0).padStart(6)} ms   ${findings} findings`);
console.log(`  Redocly createConfig(recommended)         ${configMs.toFixed(0).padStart(6)} ms`);
console.log(`  Redocly lintFromString, median of 3       ${median(raw).toFixed(0).padStart(6)} ms`);
console.log(`  RedoclyLintService.lint, median of 3      ${median(mapped).toFixed(0).padStart(6)} ms   ${problems} findings (lint + mapping; first call includes the config)`);
console.log(`  peak RSS                                  ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(6)} MB`);

// 10,000 routes: what the designer lints in the background after each pause in typing.
const big = syntheticApi(10_000);
const bigDoc = openDocument(big, { fileName: 'synthetic-10k.json' });
const bigRaw: number[] = [];
const bigMapped: number[] = [];
let bigProblems = 0;
for (let i = 0; i < 3; i++) {
  bigRaw.push((await time(() => lintFromString({ source: big, absoluteRef: '/bench/synthetic-10k.json', config })))[0]);
  const [ms, found] = await time(() => service.lint(bigDoc));
  bigMapped.push(ms);
  bigProblems = found.length;
}
console.log(`Synthetic description (${(big.length / 1024 / 1024).toFixed(1)} MB, ${bigDoc.model.routes.length} routes)`);
console.log(`  Redocly lintFromString, median of 3       ${median(bigRaw).toFixed(0).padStart(6)} ms`);
console.log(`  RedoclyLintService.lint, median of 3      ${median(bigMapped).toFixed(0).padStart(6)} ms   ${bigProblems} findings (lint + mapping)`);
