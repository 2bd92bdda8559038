/**
 * Issue 7's figures: OpenAPI export (every version, YAML and JSON) and stub generation (every
 * target) for GitHub's REST description and for a 10,000-route design, with Redocly's lint of the
 * export timed separately. Run: `npm run bench -- export`.
 *
 * Every task runs in a fresh process that first opens the document (not timed: that is issue 2's
 * figure), then runs the task once (cold: what a user waits for) and three more times (warm).
 * Peak memory is the process's maximum RSS, next to the RSS it had once the document was open.
 * "cold CPU" is the CPU time of the cold run (all of the process's threads, the garbage collector's
 * included): on a shared machine it says what the task costs when wall time says what it waited.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateStubs, type StubTarget } from '../shared/codegen/generate-stubs';
import { exportOpenApi, type TargetVersion } from '../shared/export/export-openapi';
import { openDocument } from '../shared/model/open-document';
import { syntheticApi } from '../shared/testing/synthetic-api';
import { RedoclyLintService } from '../src-main/services/redocly-lint.service';

const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';
const DATASETS = {
  github: { label: `GitHub REST description (${(fs.statSync(GITHUB).size / 1e6).toFixed(1)} MB JSON, 1,223 operations)`, text: () => fs.readFileSync(GITHUB, 'utf8'), fileName: 'api.github.com.json' },
  synthetic: { label: '10,000-route design (syntheticApi(10000), JSON)', text: () => syntheticApi(10000), fileName: 'synthetic.json' },
} as const;
type Dataset = keyof typeof DATASETS;

const TASKS: Record<string, { label: string; run: (doc: ReturnType<typeof openDocument>) => unknown }> = {};
for (const version of ['3.0', '3.1', '3.2'] as TargetVersion[]) {
  for (const format of ['yaml', 'json'] as const) TASKS[`export-${version}-${format}`] = { label: `export OpenAPI ${version} ${format.toUpperCase()}`, run: (doc) => exportOpenApi(doc, { version, format }) };
}
for (const target of ['fastapi', 'django-modern-rest', 'express'] as StubTarget[]) TASKS[`stubs-${target}`] = { label: `stubs ${target}`, run: (doc) => generateStubs(doc, target) };

const ms = (x: number) => `${x.toFixed(0)} ms`;

async function child(task: string, dataset: Dataset): Promise<void> {
  const data = DATASETS[dataset];
  const doc = openDocument(data.text(), { fileName: data.fileName });
  const openRss = process.resourceUsage().maxRSS / 1024;
  if (task === 'lint') {
    const text = exportOpenApi(doc, { version: '3.1', format: 'json' }).text;
    const exported = openDocument(text, { format: 'json' });
    const start = performance.now();
    const found = await new RedoclyLintService().lint(exported);
    process.stdout.write(JSON.stringify({ coldMs: performance.now() - start, warmMs: [], findings: found.length, openRssMb: openRss, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const t = TASKS[task];
  if (!t) throw new Error(`no task ${task}`);
  let start = performance.now();
  const cpu = process.cpuUsage();
  const result = t.run(doc) as { text?: string; files?: Map<string, string> };
  const coldMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const coldCpuMs = (used.user + used.system) / 1000;
  const warmMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    start = performance.now();
    t.run(doc);
    warmMs.push(performance.now() - start);
  }
  const bytes = result.text !== undefined ? result.text.length : [...(result.files?.values() ?? [])].reduce((n, c) => n + c.length, 0);
  process.stdout.write(JSON.stringify({ coldMs, coldCpuMs, warmMs, bytes, openRssMb: openRss, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] as string, process.argv[4] as Dataset);
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (task: string, dataset: Dataset) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', task, dataset], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  for (const dataset of Object.keys(DATASETS) as Dataset[]) {
    console.log(`${DATASETS[dataset].label}, one fresh process per task:`);
    console.log(`  ${'task'.padEnd(30)}${'cold'.padStart(9)}${'cold CPU'.padStart(10)}${'warm (median)'.padStart(15)}${'output'.padStart(10)}${'peak RSS'.padStart(10)}${'after open'.padStart(12)}`);
    for (const task of Object.keys(TASKS)) {
      const r = run(task, dataset);
      const warm = [...r.warmMs].sort((a: number, b: number) => a - b)[1] as number;
      console.log(`  ${TASKS[task]?.label.padEnd(30)}${ms(r.coldMs).padStart(9)}${ms(r.coldCpuMs).padStart(10)}${ms(warm).padStart(15)}${`${(r.bytes / 1e6).toFixed(1)} MB`.padStart(10)}${`${r.peakRssMb.toFixed(0)} MB`.padStart(10)}${`${r.openRssMb.toFixed(0)} MB`.padStart(12)}`);
    }
    const lint = run('lint', dataset);
    console.log(`  ${'Redocly lint of the 3.1 export'.padEnd(30)}${ms(lint.coldMs).padStart(9)}${''.padStart(10)}${''.padStart(15)}${`${lint.findings} findings`.padStart(10)}${`${lint.peakRssMb.toFixed(0)} MB`.padStart(10)}${`${lint.openRssMb.toFixed(0)} MB`.padStart(12)}`);
    console.log('  goal: export and stubs < 1 s each for the GitHub description (cold), lint reported separately');
  }
}
