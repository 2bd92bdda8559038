import { describe, expect, it } from 'vitest';
import { findingsOf, judge, parseCsv } from './electronegativity.mjs';

const CSV = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","FIRM","src-renderer/index.html","5:0","default-src 'none', ""quoted""","One or more CSP directives detected seems to be vulnerable",https://x
PRELOAD_JS_CHECK,"MEDIUM","FIRM","src-main/electron/main.ts","173:8","preload: x,","Review the use of preload scripts",https://x
NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","src-main/electron/main.ts","170:8","nodeIntegration: true","Disable nodeIntegration",https://x
`;

describe('the Electronegativity gate', () => {
  it('reads the scanner CSV, quotes and commas included', () => {
    expect(parseCsv('a,"b,c","d""e"\n')).toEqual([['a', 'b,c', 'd"e']]);
    expect(findingsOf(CSV).map((f) => [f.check, f.severity, f.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'src-renderer/index.html'],
      ['PRELOAD_JS_CHECK', 'MEDIUM', 'src-main/electron/main.ts'],
      ['NODE_INTEGRATION_JS_CHECK', 'HIGH', 'src-main/electron/main.ts'],
    ]);
  });

  it('fails on medium or above unless excepted, and on exceptions that match nothing', () => {
    const findings = findingsOf(CSV);
    const verdict = judge(findings, {
      inputs: [],
      severity: 'medium',
      exceptions: ['PRELOAD_JS_CHECK src-main/electron/main.ts: narrow preload', 'OPEN_EXTERNAL_JS_CHECK src-main/electron/main.ts: checked'],
    });
    expect(verdict.failing.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(verdict).toMatchObject({ accepted: 1, below: 1, stale: ['OPEN_EXTERNAL_JS_CHECK src-main/electron/main.ts: checked'] });
    expect(() => judge(findings, { inputs: [], severity: 'medium', exceptions: ['no reason here'] })).toThrow(/CHECK_ID path: reason/);
  });
});
