// matchRequest against the real frameworks (DESIGN §2, §3): for each profile with a harness, a
// fixed range of generated route tables runs once through the framework, and every request must
// get the same status, route, Location and Allow from matchRequest. A failure prints the table,
// the request and both answers; replay one case with the command it prints.
// What the frameworks do, and how each behaviour was checked: differential/FINDINGS.md.

import { beforeAll, describe, expect, test } from 'vitest';
import { HARNESSES, HARNESS_PROFILES, buildCases, compareCase, formatReport, runHarness, type Answer, type CaseResult, type DifferentialCase } from './differential';

/** Seeds 1..CASES_PER_PROFILE for every profile: about 20 requests each. */
const CASES_PER_PROFILE = 100;
const SEEDS = Array.from({ length: CASES_PER_PROFILE }, (_, i) => i + 1);

describe.each(HARNESS_PROFILES)('%s', (profile) => {
  const framework = HARNESSES[profile].framework;
  let cases: DifferentialCase[] = [];
  let answers: Answer[][] = [];

  beforeAll(async () => {
    cases = buildCases(profile, SEEDS);
    answers = await runHarness(profile, cases);
  });

  test(`${framework} accepts every generated table and answers every request`, () => {
    const refused = cases.flatMap((c, i) => {
      const error = answers[i]?.find((a) => a.error !== undefined)?.error;
      return error !== undefined ? [`seed ${c.seed}: ${error}`] : [];
    });
    expect(refused, `${framework} refused tables:\n${refused.join('\n')}`).toEqual([]);
    const unanswered = answers.flat().filter((a) => typeof a.status !== 'number');
    expect(unanswered).toEqual([]);
  });

  test(`matchRequest agrees with ${framework} on every request`, () => {
    const results: CaseResult[] = cases.map((c, i) => compareCase(c, answers[i] as Answer[]));
    const failing = results.filter((r) => r.disagreements.length > 0);
    if (failing.length > 0) expect.fail(formatReport(profile, results));
    expect(results.reduce((n, r) => n + r.agreements, 0)).toBe(cases.reduce((n, c) => n + c.requests.length, 0));
  });
});
