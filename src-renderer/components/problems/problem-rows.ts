import type { Severity } from '../../../shared/model/diagnostic';
import type { Problem } from '../../../shared/view/design-view';

export type ProblemSort = 'severity' | 'location' | 'rule';

export type ProblemRow = { kind: 'group'; label: string; severity: Severity | null; count: number } | { kind: 'problem'; problem: Problem };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

/** The flat list the panel virtualises: group headings and problems, in the order asked for. */
export function problemRows(problems: readonly Problem[], sort: ProblemSort, filter: string): ProblemRow[] {
  const needle = filter.trim().toLowerCase();
  const shown = needle === '' ? problems : problems.filter((p) => `${p.rule} ${p.message} ${p.target.routeKey ?? ''}`.toLowerCase().includes(needle));
  if (sort === 'location') return shown.map(problemLine);
  const key = sort === 'severity' ? (p: Problem) => p.severity : (p: Problem) => p.rule;
  const groups = new Map<string, Problem[]>();
  for (const p of shown) {
    const k = key(p);
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  const keys = [...groups.keys()].sort(
    sort === 'severity' ? (a, b) => SEVERITY_RANK[a as Severity] - SEVERITY_RANK[b as Severity] : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const rows: ProblemRow[] = [];
  for (const k of keys) {
    const list = groups.get(k) ?? [];
    rows.push({
      kind: 'group',
      label: sort === 'severity' ? SEVERITY_LABEL[k as Severity] : k,
      severity: sort === 'severity' ? (k as Severity) : null,
      count: list.length,
    });
    for (const problem of list) rows.push(problemLine(problem));
  }
  return rows;
}

/**
 * The panel's entry for a problem, the same object for the same problem: the rows are made again
 * at every view (every keystroke), and Redocly's findings (up to thousands) stay the same objects
 * between its lints.
 */
const problemLines = new WeakMap<Problem, ProblemRow>();
function problemLine(problem: Problem): ProblemRow {
  let line = problemLines.get(problem);
  if (!line) problemLines.set(problem, (line = { kind: 'problem', problem }));
  return line;
}
