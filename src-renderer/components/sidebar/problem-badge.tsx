import type { ProblemCounts } from '../../../shared/view/design-view';

/** The worst severity and how many: what a sidebar line shows of its problems. */
export function ProblemBadge({ counts }: { counts: ProblemCounts }) {
  if (counts.error > 0) return <span className="badge badge-error" data-testid="problem-badge" data-severity="error" aria-hidden="true">{counts.error}</span>;
  if (counts.warning > 0) return <span className="badge badge-warning" data-testid="problem-badge" data-severity="warning" aria-hidden="true">{counts.warning}</span>;
  return null;
}
