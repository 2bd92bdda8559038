import { UNGROUPED, type ControllerRow, type RouteRow } from '../../../shared/view/design-view';

export type SidebarRow = { kind: 'controller'; controller: ControllerRow; collapsed: boolean; shown: number } | { kind: 'route'; route: RouteRow };

/**
 * The sidebar's flat list (what the virtualiser renders): each controller, then its routes in
 * declaration order. A filter keeps the routes whose method, path, summary or operationId
 * contain it (and their controllers); collapsed controllers hide their routes unless filtering.
 */
export function sidebarRows(controllers: readonly ControllerRow[], routes: readonly RouteRow[], collapsed: ReadonlySet<string>, filter: string): SidebarRow[] {
  const needle = filter.trim().toLowerCase();
  const kept = needle === '' ? routes : routes.filter((r) => matches(r, needle));
  // Counted first, then each route put straight into its controller's place in a list of the
  // right length: this runs at every keystroke, and at 10,000 routes a list per controller and a
  // growing result were most of what it allocated.
  const count = new Map<string, number>();
  for (const c of controllers) count.set(c.name, 0);
  for (const r of kept) {
    const name = r.controller ?? UNGROUPED;
    const n = count.get(name);
    if (n !== undefined) count.set(name, n + 1);
  }
  // Where each controller's next route goes; absent when its routes are not shown.
  const next = new Map<string, number>();
  const heads: [number, SidebarRow][] = [];
  let length = 0;
  for (const c of controllers) {
    const shown = count.get(c.name);
    // A name twice (never made by the view) is listed once: the list must have no gaps.
    if (shown === undefined) continue;
    count.delete(c.name);
    if (needle !== '' && shown === 0) continue;
    const isCollapsed = needle === '' && collapsed.has(c.name);
    heads.push([length, { kind: 'controller', controller: c, collapsed: isCollapsed, shown }]);
    if (!isCollapsed) next.set(c.name, length + 1);
    length += 1 + (isCollapsed ? 0 : shown);
  }
  const rows = Array.from<SidebarRow>({ length });
  for (const [at, head] of heads) rows[at] = head;
  for (const r of kept) {
    const name = r.controller ?? UNGROUPED;
    const at = next.get(name);
    if (at === undefined) continue;
    rows[at] = routeLine(r);
    next.set(name, at + 1);
  }
  return rows;
}

/**
 * The sidebar's entry for a route row, the same object for the same row: the list is made again
 * at every view (every keystroke), and rows an edit left alone are the same objects, so at 10,000
 * routes this saves making 10,000 entries per keystroke.
 */
const routeLines = new WeakMap<RouteRow, SidebarRow & { kind: 'route' }>();
function routeLine(route: RouteRow): SidebarRow {
  let line = routeLines.get(route);
  if (!line) routeLines.set(route, (line = { kind: 'route', route }));
  return line;
}

function matches(r: RouteRow, needle: string): boolean {
  return (
    `${r.method} ${r.path}`.toLowerCase().includes(needle) ||
    (r.summary?.toLowerCase().includes(needle) ?? false) ||
    (r.operationId?.toLowerCase().includes(needle) ?? false) ||
    `#${r.index}` === needle
  );
}

/**
 * Where a route dropped on `target` goes: the target's place in declaration order, in the
 * target's controller (a drop on a controller heading puts it first in that controller).
 */
export function dropPlacement(routes: readonly RouteRow[], dragged: RouteRow, target: SidebarRow): { to: number; controller: string | null } {
  // moveRoute takes the route out and puts it back at `to`: it ends up where the target was.
  if (target.kind === 'route') return { to: target.route.index - 1, controller: target.route.controller };
  const name = target.controller.name === UNGROUPED ? null : target.controller.name;
  const first = routes.find((r) => r.controller === name && r.key !== dragged.key);
  const to = first ? first.index - 1 - (first.index > dragged.index ? 1 : 0) : routes.length - 1;
  return { to, controller: name };
}

/**
 * The ids of the route lines, in order: dnd-kit's sortable list. `previous` itself when they are
 * the same ids: a new list re-renders every sortable line on screen and makes each copy the list
 * from its place on, while typing a path renames a route (its id stays) at every keystroke.
 */
export function routeIds(rows: readonly SidebarRow[], previous: number[]): number[] {
  const ids: number[] = [];
  for (const row of rows) if (row.kind === 'route') ids.push(row.route.id);
  if (ids.length !== previous.length) return ids;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== previous[i]) return ids;
  return previous;
}
