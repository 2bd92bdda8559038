#!/usr/bin/env node
// Runs every Vitest project (unit and e2e) with the usual console output, then prints one
// summary line that CI logs and people can grep:  tests: N passed, N failed[, N skipped]
// Exit code: Vitest's, and non-zero as well when no test ran at all (a broken include
// pattern must not look green). Extra arguments go to `vitest run`.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{ status: string, assertionResults: { status: string }[] }} FileResult
 * @typedef {{ numPassedTests: number, numFailedTests: number, numPendingTests: number,
 *             numTodoTests: number, testResults: FileResult[] }} JsonReport
 */

/**
 * Counts from Vitest's JSON report. A file that fails outside any test (an import error, a
 * failing beforeAll) has no failed test of its own, so it counts as one failure: otherwise the
 * line would say "0 failed" under a red run.
 * @param {JsonReport} report
 */
export function summarize(report) {
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** @param {{ passed: number, failed: number, skipped: number }} counts */
export function summaryLine({ passed, failed, skipped }) {
  return `tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

async function main() {
  // vitest's bin is not in its package exports, so find it beside its package.json.
  const vitestPackage = createRequire(import.meta.url).resolve('vitest/package.json');
  const vitest = path.join(path.dirname(vitestPackage), 'vitest.mjs');
  const dir = await mkdtemp(path.join(tmpdir(), 'routecraft-tests-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    const args = [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
    const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
    /** @type {number} */
    const code = await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
    });

    /** @type {JsonReport | undefined} */
    let report;
    try {
      report = JSON.parse(await readFile(reportFile, 'utf8'));
    } catch {
      report = undefined; // Vitest died before reporting; the exit code below says so.
    }
    const counts = report ? summarize(report) : { passed: 0, failed: 0, skipped: 0 };
    const ranNothing = counts.passed + counts.failed === 0;
    if (ranNothing) console.error('run-tests: no test ran; check the include patterns in vitest.config.ts');
    console.log(summaryLine(counts));
    process.exitCode = code !== 0 ? code : ranNothing || !report ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
