import { sameRow, type RouteRow } from '../../shared/view/design-view';
import type { RowsUpdate } from './design-protocol';

/**
 * `rows` as an update against `base` (the rows the UI has): a patch of the rows that differ when
 * few do, else all of them. Rows equal to their base row are replaced by it in `rows`, so the
 * next update compares by identity first.
 */
export function rowsUpdate(base: { revision: number; rows: RouteRow[] } | null, rows: RouteRow[]): RowsUpdate {
  if (base && base.rows.length === rows.length) {
    const changed: [number, RouteRow][] = [];
    const limit = Math.max(64, rows.length >> 3);
    for (let i = 0; i < rows.length && changed.length <= limit; i++) {
      const before = base.rows[i] as RouteRow;
      const row = rows[i] as RouteRow;
      if (before === row || sameRow(before, row)) rows[i] = before;
      else changed.push([i, row]);
    }
    if (changed.length <= limit) return { kind: 'patch', baseRevision: base.revision, length: rows.length, changed };
  }
  return { kind: 'full', rows };
}

/** The rows an update describes, or null when it is a patch against other rows than `base`. */
export function applyRowsUpdate(base: { revision: number; rows: readonly RouteRow[] } | null, update: RowsUpdate): RouteRow[] | null {
  if (update.kind === 'full') return update.rows;
  if (!base || base.revision !== update.baseRevision || base.rows.length !== update.length) return null;
  const rows = base.rows.slice();
  for (const [i, row] of update.changed) rows[i] = row;
  return rows;
}
