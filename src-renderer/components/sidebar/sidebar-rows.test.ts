import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ControllerRow, RouteRow } from '../../../shared/view/design-view';
import { routeIds, sidebarRows, type SidebarRow } from './sidebar-rows';

const route = (id: number, path: string): SidebarRow => ({ kind: 'route', route: { id, key: `GET ${path}`, path } as RouteRow });
const heading: SidebarRow = { kind: 'controller', controller: { name: 'Users' } as ControllerRow, collapsed: false, shown: 2 };

describe('the ids dnd-kit sorts', () => {
  it('are the route lines in order, the same array while they stay the same', () => {
    const first = routeIds([heading, route(1, '/a'), route(2, '/b')], []);
    expect(first).toEqual([1, 2]);
    // A rename keeps the ids: the same array, so no sortable line renders again.
    expect(routeIds([heading, route(1, '/a2'), route(2, '/b')], first)).toBe(first);
    // A move, an addition or a removal makes a new one.
    expect(routeIds([heading, route(2, '/b'), route(1, '/a')], first)).toEqual([2, 1]);
    expect(routeIds([heading, route(1, '/a'), route(2, '/b'), route(3, '/c')], first)).toEqual([1, 2, 3]);
    expect(routeIds([heading, route(1, '/a')], first)).toEqual([1]);
  });
});

/** What the sidebar lists, said plainly: each controller, then its routes in order (the filter keeps matching routes and their controllers; collapsing hides routes unless filtering). */
function plainRows(controllers: ControllerRow[], routes: RouteRow[], collapsed: ReadonlySet<string>, filter: string): unknown[] {
  const needle = filter.trim().toLowerCase();
  const out: unknown[] = [];
  for (const c of controllers) {
    const mine = routes.filter((r) => (r.controller ?? '') === c.name && (needle === '' || `${r.method} ${r.path}`.toLowerCase().includes(needle) || `#${r.index}` === needle));
    if (needle !== '' && mine.length === 0) continue;
    const isCollapsed = needle === '' && collapsed.has(c.name);
    out.push({ kind: 'controller', controller: c, collapsed: isCollapsed, shown: mine.length });
    if (!isCollapsed) for (const route of mine) out.push({ kind: 'route', route });
  }
  return out;
}

describe('the sidebar list', () => {
  it('is each controller followed by its routes in declaration order, filtered and collapsed as asked', () => {
    const names = ['', 'Users', 'Orders', 'Admin'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ controller: fc.constantFrom(...names, 'Undeclared'), path: fc.constantFrom('/a', '/users/me', '/orders', '/b/c') }), { maxLength: 40 }),
        fc.subarray(names),
        fc.subarray(names),
        fc.constantFrom('', 'users', 'ORD', '#3', 'zzz', ' /a '),
        (specs, declared, folded, filter) => {
          const controllers = declared.map((name) => ({ name }) as ControllerRow);
          const routes = specs.map((s, i) => ({ id: i, index: i + 1, key: `GET ${s.path}`, method: 'get', path: s.path, controller: s.controller === '' ? null : s.controller }) as RouteRow);
          const rows = sidebarRows(controllers, routes, new Set(folded), filter);
          expect(rows).toEqual(plainRows(controllers, routes, new Set(folded), filter));
          // The entry of a route is the same object at the next reading: the list is made at every keystroke.
          const again = sidebarRows(controllers, routes, new Set(folded), filter);
          rows.forEach((row, i) => row.kind === 'route' && expect(again[i]).toBe(row));
        },
      ),
    );
  });

  it('lists a controller named twice once, with no gaps', () => {
    const users = { name: 'Users' } as ControllerRow;
    const routes = [{ id: 1, index: 1, key: 'GET /a', method: 'get', path: '/a', controller: 'Users' }] as RouteRow[];
    const rows = sidebarRows([users, users], routes, new Set(), '');
    expect(rows.map((r) => r.kind)).toEqual(['controller', 'route']);
  });
});
