import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import type { Problem } from '../../../shared/view/design-view';
import { design, useDesign } from '../../state/design-store';
import type { DesignApp } from '../../use-routecraft';
import { problemRows, type ProblemSort } from './problem-rows';

const ICON = { error: '✕', warning: '⚠', info: 'ℹ' } as const;

/** Every diagnostic, grouped and sorted as asked; a click shows the element, a fix applies (undoable). */
export const ProblemsPanel = memo(function ProblemsPanel({ app }: { app: DesignApp }) {
  const problems = useDesign((s) => s.view?.problems);
  const [sort, setSort] = useState<ProblemSort>('severity');
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => problemRows(problems ?? [], sort, filter), [problems, sort, filter]);
  const scroller = useRef<HTMLDivElement | null>(null);
  // oxlint-disable-next-line react/incompatible-library -- the virtualizer's functions are read fresh on every render, never memoised
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 30, overscan: 12 });

  return (
    <div className="problems" data-testid="problems-panel">
      <div className="panel-toolbar">
        <label>
          Group by{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as ProblemSort)} data-testid="problems-sort">
            <option value="severity">severity</option>
            <option value="rule">rule</option>
            <option value="location">location (no groups)</option>
          </select>
        </label>
        <input type="search" placeholder="Filter problems" aria-label="Filter problems" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {problems && problems.length === 0 ? (
        <p className="muted empty-note" data-testid="no-problems">
          No problems: every route is reachable and every response is consistent under this profile.
        </p>
      ) : (
        <div className="virtual-scroller" ref={scroller}>
          <ul className="problem-list" style={{ height: virtual.getTotalSize() }} aria-label="Problems">
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <li
                  key={row.kind === 'group' ? `g:${row.label}` : row.problem.id}
                  data-index={item.index}
                  ref={virtual.measureElement}
                  className={row.kind === 'group' ? 'problem-group' : 'problem'}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'group' ? (
                    <span className={row.severity ? `severity-${row.severity}` : undefined}>
                      {row.label} <span className="count">{row.count}</span>
                    </span>
                  ) : (
                    <ProblemItem problem={row.problem} app={app} />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
});

function ProblemItem({ problem, app }: { problem: Problem; app: DesignApp }) {
  const show = () => {
    const { routeKey, status, range, pointer } = problem.target;
    if (routeKey !== undefined) design.select(routeKey, status ?? null);
    design.reveal(pointer, range?.start.offset, range?.end.offset);
  };
  return (
    <div className="problem-item" data-testid="problem" data-rule={problem.rule} data-severity={problem.severity}>
      <button type="button" className="problem-main" onClick={show} title="Show it">
        <span className={`severity-${problem.severity}`} aria-label={problem.severity}>
          {ICON[problem.severity]}
        </span>
        <span className="problem-message">{problem.message}</span>
        <span className="muted problem-where">
          {problem.rule}
          {problem.target.range ? ` · line ${problem.target.range.start.line}` : ''}
        </span>
      </button>
      {problem.fixes?.map((fix) => (
        <button key={fix.title} type="button" className="fix" onClick={() => void app.actions.edit(fix.intent)} data-testid="apply-fix">
          {fix.title}
        </button>
      ))}
    </div>
  );
}
