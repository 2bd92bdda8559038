import { UNGROUPED, type ControllerRow, type RouteRow } from '../../../shared/view/design-view';

export type SidebarRow = { kind: 'controller'; controller: ControllerRow; collapsed: boolean; shown: number } | { kind: 'route'; route: RouteRow };

/**
 * The sidebar's flat list (what the virtualiser renders): each controller, then its routes in
 * declaration order. A filter keeps the routes whose method, path, summary or operationId
 * contain it (and their controllers); collapsed controllers hide their routes unless filtering.
 */
export function sidebarRows(controllers: readonly ControllerRow[], routes: readonly RouteRow[], collapsed: ReadonlySet<string>, filter: string): SidebarRow[] {
  const needle = filter.trim().toLowerCase();
  const byController = new Map<string, RouteRow[]>();
  for (const c of controllers) byController.set(c.name, []);
  for (const r of routes) {
    if (needle !== '' && !matches(r, needle)) continue;
    const name = r.controller ?? UNGROUPED;
    const list = byController.get(name);
    if (list) list.push(r);
    else byController.set(name, [r]);
  }
  const rows: SidebarRow[] = [];
  for (const c of controllers) {
    const list = byController.get(c.name) ?? [];
    if (needle !== '' && list.length === 0) continue;
    const isCollapsed = needle === '' && collapsed.has(c.name);
    rows.push({ kind: 'controller', controller: c, collapsed: isCollapsed, shown: list.length });
    if (!isCollapsed) for (const route of list) rows.push({ kind: 'route', route });
  }
  return rows;
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
