import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/view/design-view';
import { problemRows } from './problem-rows';

const problem = (id: string, severity: Problem['severity'], rule: string): Problem => ({ id, rule, severity, message: `${rule} on ${id}`, target: { pointer: `/${id}` } });

describe('the problems list', () => {
  const problems = [problem('a', 'warning', 'redocly/x'), problem('b', 'error', 'route/shadowed'), problem('c', 'warning', 'route/duplicate')];

  it('groups by severity (worst first) or rule, or lists in order, and filters', () => {
    const labels = (rows: ReturnType<typeof problemRows>) => rows.map((r) => (r.kind === 'group' ? `${r.label} (${r.count})` : r.problem.id));
    expect(labels(problemRows(problems, 'severity', ''))).toEqual(['Errors (1)', 'b', 'Warnings (2)', 'a', 'c']);
    expect(labels(problemRows(problems, 'rule', ''))).toEqual(['redocly/x (1)', 'a', 'route/duplicate (1)', 'c', 'route/shadowed (1)', 'b']);
    expect(labels(problemRows(problems, 'location', ''))).toEqual(['a', 'b', 'c']);
    expect(labels(problemRows(problems, 'severity', 'ROUTE/'))).toEqual(['Errors (1)', 'b', 'Warnings (1)', 'c']);
  });

  it('gives a problem the same entry at every reading (the list is made at every keystroke)', () => {
    const first = problemRows(problems, 'severity', '');
    const again = problemRows([...problems], 'location', '');
    for (const row of again) expect(first).toContain(row);
  });
});
