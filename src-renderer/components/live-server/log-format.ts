import type { TraceOutcome } from '../../../shared/matching/match-types';
import type { MockLogEvent } from '../../../shared/mock/request-log';
import type { Problem } from '../../../shared/view/design-view';

const entryKeys = new WeakMap<MockLogEvent, number>();
let nextEntryKey = 1;

/**
 * A key of its own for each log entry. Event ids start again at 1 with every server run (a restart,
 * another port or profile) and the log keeps entries of several runs, so ids are not unique.
 */
export function entryKey(event: MockLogEvent): number {
  let key = entryKeys.get(event);
  if (key === undefined) {
    key = nextEntryKey++;
    entryKeys.set(event, key);
  }
  return key;
}

/** `ls-status-2xx` … `ls-status-5xx`; `ls-status-none` when there was no answer (status 0). */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `ls-status ls-status-${Math.floor(status / 100)}xx` : 'ls-status ls-status-none';
}

/** Local wall-clock time with milliseconds: requests a few ms apart stay apart. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The trace's outcomes in plain words. */
export const OUTCOME_LABEL: Record<TraceOutcome, string> = {
  matched: 'matched',
  'method-mismatch': 'path fits, method does not',
  'invalid-param': 'fits, but a parameter is invalid',
  'literal-mismatch': 'path differs',
  'param-mismatch': 'parameter does not fit',
  'shape-mismatch': 'different number of segments',
  'not-reached': 'not reached',
};

/**
 * The log entries a filter keeps, newest first. Every word of the filter must appear in the entry's
 * method, path, status or route (case ignored); `4xx` stands for every status of that class.
 */
export function filterLog(log: readonly MockLogEvent[], filter: string): MockLogEvent[] {
  const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const out: MockLogEvent[] = [];
  for (let i = log.length - 1; i >= 0; i--) {
    const event = log[i];
    if (event && (words.length === 0 || matches(event, words))) out.push(event);
  }
  return out;
}

function matches(event: MockLogEvent, words: readonly string[]): boolean {
  const text = `${event.method} ${event.path} ${event.status} ${event.route ?? ''}`.toLowerCase();
  const statusClassWord = `${Math.floor(event.status / 100)}xx`;
  return words.every((word) => text.includes(word) || word === statusClassWord);
}

/** Route keys that a shadowing problem names, with the problem's sentence. */
export function shadowedRoutes(problems: readonly Problem[] | undefined): Map<string, Problem> {
  const out = new Map<string, Problem>();
  for (const problem of problems ?? []) {
    if ((problem.rule === 'route/shadowed' || problem.rule === 'route/partially-shadowed') && problem.target.routeKey !== undefined) {
      if (!out.has(problem.target.routeKey) || problem.rule === 'route/shadowed') out.set(problem.target.routeKey, problem);
    }
  }
  return out;
}

/** Header lines `Name: value` as pairs, or the first line that is not one. */
export function parseHeaderLines(text: string): { headers: [string, string][] } | { error: string } {
  const headers: [string, string][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { error: `Header line ${i + 1} should read Name: value (such as Accept: application/json).` };
    headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { headers };
}

/** A body shown as sent, or indented when it is JSON. */
export function prettyBody(body: string, contentType: string | undefined): string {
  const looksJson = contentType?.toLowerCase().includes('json') === true || /^\s*[[{]/.test(body);
  if (!looksJson || body.length > 1024 * 1024) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
