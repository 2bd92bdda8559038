// The differential comparison (DESIGN §2: the truth about a framework is the framework itself).
// Random route tables (shared/testing/route-table-generator.ts) run through the real framework in
// a harness process, and through matchRequest; every request must get the same answer.
// Used by matcher.differential.test.ts (a fixed seed range) and run.mjs (larger batches).

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiModel } from '../shared/model/api-model';
import { openDocument } from '../shared/model/open-document';
import type { ProfileId } from '../shared/model/x-routecraft';
import { matchRequest } from '../shared/matching/match-request';
import type { MatchResult } from '../shared/matching/match-types';
import { getProfile } from '../shared/profiles/profiles';
import { toHarnessTable, type HarnessRoute } from '../shared/testing/harness-table';
import { generateCase, type GeneratedRequest } from '../shared/testing/route-table-generator';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Debian's packages (python3-fastapi, python3-django) exist only for the system Python. */
const PYTHON = '/usr/bin/python3';

/** The profiles that have a real framework to compare with, and how to start it. */
export const HARNESSES = {
  fastapi: { framework: 'FastAPI', command: [PYTHON, path.join(HERE, 'fastapi_harness.py')] },
  'django-modern-rest': { framework: 'Django', command: [PYTHON, path.join(HERE, 'django_harness.py')] },
  express: { framework: 'Express', command: [process.execPath, path.join(HERE, 'express-harness.mjs')] },
} as const satisfies Partial<Record<ProfileId, { framework: string; command: readonly string[] }>>;

export type HarnessProfile = keyof typeof HARNESSES;
export const HARNESS_PROFILES = Object.keys(HARNESSES) as HarnessProfile[];

export function isHarnessProfile(id: string): id is HarnessProfile {
  return Object.hasOwn(HARNESSES, id);
}

/** One answer as compared: the route is its key. */
export interface Answer {
  status: number | null;
  route: string | null;
  location: string | null;
  allow: string | null;
  /** The harness could not build the table, or matchRequest threw. */
  error?: string;
}

export interface DifferentialCase {
  seed: number;
  profile: HarnessProfile;
  document: string;
  model: ApiModel;
  table: HarnessRoute[];
  requests: GeneratedRequest[];
}

export type DisagreementKind = 'status' | 'route' | 'location' | 'allow' | 'matcher-threw' | 'framework-refused-table';

export interface Disagreement {
  testCase: DifferentialCase;
  request: GeneratedRequest;
  framework: Answer;
  matcher: Answer;
  trace: MatchResult['trace'] | null;
  kinds: DisagreementKind[];
}

export interface CaseResult {
  testCase: DifferentialCase;
  /** The framework's answers, one per request. */
  answers: readonly Answer[];
  agreements: number;
  disagreements: Disagreement[];
}

export function buildCases(profile: HarnessProfile, seeds: Iterable<number>): DifferentialCase[] {
  return [...seeds].map((seed) => {
    const generated = generateCase(seed, profile);
    return caseFromDocument(profile, seed, generated.document, generated.requests);
  });
}

export function caseFromDocument(profile: HarnessProfile, seed: number, document: string, requests: GeneratedRequest[]): DifferentialCase {
  const opened = openDocument(document, { fileName: `case-${seed}.yaml` });
  if (opened.diagnostics.length > 0) {
    const problems = opened.diagnostics.map((d) => `  ${d.rule}: ${d.message}`).join('\n');
    throw new Error(`case ${seed} (${profile}): Routecraft reports problems in the document:\n${problems}\n${document}`);
  }
  return { seed, profile, document, model: opened.model, table: toHarnessTable(opened.model), requests };
}

/** Runs the framework's harness once for all cases: Python starts slowly. */
export async function runHarness(profile: HarnessProfile, cases: readonly DifferentialCase[]): Promise<Answer[][]> {
  const [command, ...args] = HARNESSES[profile].command;
  const input = JSON.stringify({ cases: cases.map((c) => ({ routes: c.table, requests: c.requests })) });
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PYTHONHASHSEED: '0' } });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exit = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  child.stdin.end(input);
  const code = await exit;
  const err = Buffer.concat(stderr).toString('utf8');
  if (code !== 0) throw new Error(`${HARNESSES[profile].framework} harness (${[command, ...args].join(' ')}) exited with ${String(code)}:\n${err.slice(-4000)}`);
  const output = JSON.parse(Buffer.concat(stdout).toString('utf8')) as { cases: Answer[][] };
  if (output.cases.length !== cases.length || output.cases.some((answers, i) => answers.length !== cases[i]?.requests.length)) {
    throw new Error(`${HARNESSES[profile].framework} harness answered a different number of cases or requests than it was given`);
  }
  return output.cases;
}

/** What matchRequest says, in the harness' terms. */
export function matcherAnswer(testCase: DifferentialCase, request: GeneratedRequest): { answer: Answer; trace: MatchResult['trace'] | null } {
  try {
    const result = matchRequest(testCase.model, getProfile(testCase.profile), { method: request.method, path: request.path });
    return { answer: { status: result.status, route: result.route?.key ?? null, location: result.location, allow: result.allow }, trace: result.trace };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { answer: { status: null, route: null, location: null, allow: null, error: message }, trace: null };
  }
}

/**
 * Where the two answers differ. The route is compared whenever the framework names one, and must
 * be null on both sides for 404s and redirects. The one answer whose route the framework cannot
 * name is Django's 405: it comes from the View holding all methods of a pattern, not from a route.
 */
export function differences(framework: Answer, matcher: Answer): DisagreementKind[] {
  if (framework.error !== undefined) return ['framework-refused-table'];
  if (matcher.error !== undefined) return ['matcher-threw'];
  const kinds: DisagreementKind[] = [];
  if (framework.status !== matcher.status) kinds.push('status');
  const routeUnknown = framework.route === null && framework.status === 405;
  if (!routeUnknown && framework.route !== matcher.route) kinds.push('route');
  if (framework.location !== matcher.location) kinds.push('location');
  if (framework.allow !== matcher.allow) kinds.push('allow');
  return kinds;
}

export function compareCase(testCase: DifferentialCase, answers: readonly Answer[]): CaseResult {
  const disagreements: Disagreement[] = [];
  let agreements = 0;
  testCase.requests.forEach((request, i) => {
    const framework = answers[i] as Answer;
    const { answer: matcher, trace } = matcherAnswer(testCase, request);
    const kinds = differences(framework, matcher);
    if (kinds.length === 0) agreements += 1;
    else disagreements.push({ testCase, request, framework, matcher, trace, kinds });
  });
  return { testCase, answers, agreements, disagreements };
}

export async function runDifferential(profile: HarnessProfile, seeds: Iterable<number>): Promise<CaseResult[]> {
  const cases = buildCases(profile, seeds);
  const answers = await runHarness(profile, cases);
  return cases.map((testCase, i) => compareCase(testCase, answers[i] as Answer[]));
}

export interface Summary {
  cases: number;
  requests: number;
  agreements: number;
  disagreements: number;
  byKind: Partial<Record<DisagreementKind, number>>;
}

export function summarize(results: readonly CaseResult[]): Summary {
  const byKind: Partial<Record<DisagreementKind, number>> = {};
  let requests = 0;
  let agreements = 0;
  for (const result of results) {
    requests += result.testCase.requests.length;
    agreements += result.agreements;
    for (const d of result.disagreements) for (const kind of d.kinds) byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return { cases: results.length, requests, agreements, disagreements: requests - agreements, byKind };
}

export function summaryLine(profile: HarnessProfile, summary: Summary): string {
  const kinds = Object.entries(summary.byKind)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return `${profile} vs ${HARNESSES[profile].framework}: ${summary.cases} cases, ${summary.requests} requests, ${summary.agreements} agree, ${summary.disagreements} disagree${kinds ? ` (${kinds})` : ''}`;
}

/** The route table as a numbered list, the way users see it ("#3"). */
export function formatTable(table: readonly HarnessRoute[]): string {
  const width = Math.max(...table.map((r) => r.fullPath.length), 4);
  return table
    .map((r, i) => {
      const params = r.params.map((p) => `${p.name}: ${p.type}${p.convertor ? ` :${p.convertor}` : ''}`).join(', ');
      const where = `${r.controller || '-'}${r.prefix ? ` ${r.prefix}` : ''}`;
      return `  #${String(i + 1).padEnd(3)} ${r.method.padEnd(7)} ${r.fullPath.padEnd(width)}  → ${r.defaultStatus}  [${where}]${params ? `  ${params}` : ''}`;
    })
    .join('\n');
}

export function formatAnswer(answer: Answer, table: readonly HarnessRoute[]): string {
  if (answer.error !== undefined) return `error: ${answer.error}`;
  const index = answer.route === null ? -1 : table.findIndex((r) => r.id === answer.route);
  const route = answer.route === null ? 'null' : `${answer.route}${index >= 0 ? ` (#${index + 1})` : ''}`;
  return `${String(answer.status)}  route=${route}  location=${answer.location ?? 'null'}  allow=${answer.allow ?? 'null'}`;
}

export function replayCommand(testCase: DifferentialCase): string {
  return `node differential/run.mjs --profile ${testCase.profile} --seed ${testCase.seed} --cases 1 --verbose`;
}

/** One case's disagreements, with the table once: enough to see what went wrong without a rerun. */
export function formatCaseReport(result: CaseResult, limit = Infinity): string {
  const { testCase } = result;
  const framework = HARNESSES[testCase.profile].framework;
  const lines = [
    `── ${testCase.profile}, seed ${testCase.seed}: ${result.disagreements.length} of ${testCase.requests.length} requests disagree (replay: ${replayCommand(testCase)})`,
    '  routes in declaration order:',
    formatTable(testCase.table),
  ];
  for (const d of result.disagreements.slice(0, limit)) {
    lines.push(`  ${d.request.method} ${d.request.path}    differs in: ${d.kinds.join(', ')}`);
    lines.push(`    ${framework.padEnd(8)} ${formatAnswer(d.framework, testCase.table)}`);
    lines.push(`    ${'matcher'.padEnd(8)} ${formatAnswer(d.matcher, testCase.table)}`);
    for (const step of d.trace ?? []) lines.push(`      trace #${step.index} ${step.outcome}: ${step.detail}`);
  }
  if (result.disagreements.length > limit) lines.push(`  … and ${result.disagreements.length - limit} more in this case`);
  return lines.join('\n');
}

/**
 * The failure message of a differential run: counts by kind, then the first cases in full. When
 * matchRequest throws the same error everywhere (not implemented yet), that is said once.
 */
export function formatReport(profile: HarnessProfile, results: readonly CaseResult[], maxCases = 3, maxPerCase = 8): string {
  const failing = results.filter((r) => r.disagreements.length > 0);
  const lines = [summaryLine(profile, summarize(results))];
  const thrown = new Map<string, number>();
  for (const r of failing) for (const d of r.disagreements) if (d.matcher.error !== undefined) thrown.set(d.matcher.error, (thrown.get(d.matcher.error) ?? 0) + 1);
  for (const [message, count] of thrown) lines.push(`matchRequest threw on ${count} requests: ${message}`);
  for (const r of failing.slice(0, maxCases)) lines.push('', formatCaseReport(r, maxPerCase));
  if (failing.length > maxCases) lines.push('', `… ${failing.length - maxCases} more cases disagree: seeds ${failing.slice(maxCases).map((r) => r.testCase.seed).join(', ')}`);
  return lines.join('\n');
}
