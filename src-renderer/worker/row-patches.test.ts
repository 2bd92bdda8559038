import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RouteRow } from '../../shared/view/design-view';
import { applyRowsUpdate, rowsUpdate } from './row-patches';

const row = (i: number, path: string, errors = 0): RouteRow => ({
  id: i + 1,
  key: `GET ${path}`,
  index: i + 1,
  method: 'get',
  path,
  localPath: path,
  controller: null,
  deprecated: false,
  problems: { error: errors, warning: 0, info: 0 },
});

describe('rows travel as patches', () => {
  it('a keystroke sends one row, and the UI ends with exactly the worker’s rows (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 3 }), fc.nat(2)), { maxLength: 40 }),
        (count, edits) => {
          let worker = Array.from({ length: count }, (_, i) => row(i, `/r${i}`));
          let published = { revision: 0, rows: worker };
          let ui: RouteRow[] = applyRowsUpdate(null, { kind: 'full', rows: worker.slice() }) ?? [];
          edits.forEach(([at, text, errors], step) => {
            // The worker rebuilds every row (new objects); one of them really changed.
            worker = worker.map((r, i) => (i === at % count ? row(i, `${r.path}${text}`, errors) : row(i, r.path, r.problems.error)));
            const update = rowsUpdate(published, worker);
            if (update.kind === 'patch') expect(update.changed.length).toBeLessThanOrEqual(1);
            const next = applyRowsUpdate({ revision: published.revision, rows: ui }, update);
            expect(next).not.toBeNull();
            ui = next ?? [];
            published = { revision: step + 1, rows: worker };
            expect(ui).toEqual(worker);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses a patch made against other rows (the UI then asks for all of them)', () => {
    const rows = [row(0, '/a'), row(1, '/b')];
    const update = rowsUpdate({ revision: 4, rows }, [row(0, '/a'), row(1, '/c')]);
    expect(update.kind).toBe('patch');
    expect(applyRowsUpdate({ revision: 3, rows }, update)).toBeNull();
    expect(applyRowsUpdate({ revision: 4, rows: rows.slice(0, 1) }, update)).toBeNull();
    expect(applyRowsUpdate({ revision: 4, rows }, update)?.map((r) => r.path)).toEqual(['/a', '/c']);
    // Many changes: everything travels.
    const many = Array.from({ length: 200 }, (_, i) => row(i, `/x${i}`));
    expect(rowsUpdate({ revision: 1, rows: Array.from({ length: 200 }, (_, i) => row(i, `/y${i}`)) }, many).kind).toBe('full');
  });
});
