import { describe, expect, it } from 'vitest';
import { summarize, summaryLine } from './run-tests.mjs';

const file = (status: string, ...tests: string[]) => ({ status, assertionResults: tests.map((s) => ({ status: s })) });

describe('run-tests summary', () => {
  it('prints passed and failed, and skipped only when some were', () => {
    expect(summaryLine({ passed: 12, failed: 0, skipped: 0 })).toBe('tests: 12 passed, 0 failed');
    expect(summaryLine({ passed: 3, failed: 1, skipped: 2 })).toBe('tests: 3 passed, 1 failed, 2 skipped');
  });

  it('counts a file that failed outside its tests (e.g. in beforeAll) as a failure', () => {
    const report = {
      numPassedTests: 4,
      numFailedTests: 1,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [file('passed', 'passed', 'passed'), file('failed', 'passed', 'passed', 'failed'), file('failed', 'skipped')],
    };
    expect(summarize(report)).toEqual({ passed: 4, failed: 2, skipped: 1 });
  });
});
