import { describe, expect, it } from 'vitest';
import type { ControllerRow, RouteRow } from '../../../shared/view/design-view';
import { routeIds, type SidebarRow } from './sidebar-rows';

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
