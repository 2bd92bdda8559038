import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState, type RefObject } from 'react';
import { UNGROUPED } from '../../../shared/view/design-view';
import { design, useDesign } from '../../state/design-store';
import type { DesignApp } from '../../use-routecraft';
import { ControllerHeading, NewControllerForm } from './controller-heading';
import { SCREEN_READER_INSTRUCTIONS, dragAnnouncements } from './drag-announcements';
import { RouteItem } from './route-item';
import type { PendingPress } from './sortable-binding';
import { dropPlacement, routeIds, sidebarRows, type SidebarRow } from './sidebar-rows';

/**
 * Controllers and their routes in declaration order (the order the framework tries them):
 * virtualised, filterable, and reordered by dragging or with Alt+↑/↓.
 */

// The same objects at every render: new options make new sensors, and new sensors make dnd-kit
// hand every sortable line a new context, so every line on screen rendered again at each view
// (three times per keystroke).
const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };
/** Rows per block of the sortable window: the window is three blocks, the screen within the middle one or two (a screen holds < 100 rows). */
const SORTABLE_BLOCK = 128;
/** How long after the list last scrolled the pointer reaching a handle makes the lines sortable. */
const SCROLL_QUIET_MS = 250;
export const Sidebar = memo(function Sidebar({ app, findRoute, addRoute }: { app: DesignApp; findRoute: RefObject<HTMLInputElement | null>; addRoute: () => void }) {
  const view = useDesign((s) => s.view);
  const filter = useDesign((s) => s.filter);
  const selectedKey = useDesign((s) => s.selection.routeKey);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [addingController, setAddingController] = useState(false);
  // Filtering thousands of routes must not hold up the keystroke that changed the filter.
  const deferredFilter = useDeferredValue(filter);
  const rows = useMemo(() => (view ? sidebarRows(view.controllers, view.routes, collapsed, deferredFilter) : []), [view, collapsed, deferredFilter]);

  const scroller = useRef<HTMLDivElement | null>(null);
  // Lines beyond the screen on each side: 8, not 20. While the lines are sortable, every line
  // rendered renders again as lines come and go (dnd-kit's contexts change, memo cannot stop it);
  // lines are rendered in the scroll event itself, so fewer leave no blank edge.
  // oxlint-disable-next-line react/incompatible-library -- the virtualizer's functions are read fresh on every render, never memoised
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 30, overscan: 8 });
  const shown = virtual.getVirtualItems();
  // The sortable list (used while the lines are sortable): the route lines of a window of rows
  // around the screen, which moves a block at a time, and the same array while its lines are the
  // same (see routeIds). dnd-kit hands the list to every sortable line: the lines on screen alone
  // (a new list at each scrolled frame) rendered every line again at each frame, and every route
  // (10,000) made each line that came into view copy thousands of ids, which kept the collector
  // busy (scavenges of 40 ms while scrolling). Lines not rendered have no place to measure;
  // dnd-kit reads the places by index.
  // Lines are known by their row ids, which stay through renames: typing a path renames a route
  // at every keystroke, and a new id would make its line anew.
  const firstShown = shown[0]?.index ?? 0;
  const from = Math.max(0, (Math.floor(firstShown / SORTABLE_BLOCK) - 1) * SORTABLE_BLOCK);
  const lastIds = useRef<number[]>([]);
  const sortableIds = useMemo(() => (lastIds.current = routeIds(rows.slice(from, from + 3 * SORTABLE_BLOCK), lastIds.current)), [rows, from]);
  // Lines get a callback that stays the same (the actions do), so memo keeps them.
  const actions = app.actions;
  const moveRoute = useCallback((routeKey: string, to: number) => void actions.edit({ op: 'moveRoute', route: routeKey, to }), [actions]);
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
  // Lines are sortable only while a drag can start (see SortableBinding): from the moment the
  // pointer reaches a handle, a handle takes focus or is pressed, until the pointer and the focus
  // have left the list and no drag is under way, or the list scrolls.
  const [armed, setArmed] = useState(false);
  const dragging = useRef(false);
  const pending = useRef<PendingPress | null>(null);
  const lastScroll = useRef(Number.NEGATIVE_INFINITY);
  const arm = useCallback((press?: PendingPress) => {
    if (press) pending.current = press;
    setArmed(true);
  }, []);
  // The browser moves hover onto the handles that pass under a resting pointer while the list
  // scrolls: that is no sign of a drag to come, and sortable lines cost the scroll three times the
  // garbage (a wheel scroll of 10,000 routes, sampled: 53 MB unarmed, 166-174 MB armed). A press
  // arms the lines whatever came before, and is handed on.
  const hover = useCallback(() => {
    if (performance.now() - lastScroll.current >= SCROLL_QUIET_MS) arm();
  }, [arm]);
  const onScroll = () => {
    lastScroll.current = performance.now();
    if (armed && !dragging.current && !document.activeElement?.closest('[data-testid="drag-handle"]')) setArmed(false);
  };
  const takePress = useCallback((id: number) => {
    const press = pending.current;
    if (press?.id !== id) return undefined;
    pending.current = null;
    return press;
  }, []);
  // Checked a moment after the pointer or focus left, and after a drag (which may end elsewhere).
  const disarmSoon = () =>
    setTimeout(() => {
      const list = scroller.current;
      if (!dragging.current && list && !list.matches(':hover') && !list.contains(document.activeElement)) setArmed(false);
    }, 300);

  const toggle = (name: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  const announcements = useMemo(() => dragAnnouncements(view?.routes ?? []), [view]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!view || !over || active.id === over.id) return;
    const dragged = view.routes.find((r) => r.id === active.id);
    const target = rows.find((r) => (r.kind === 'route' ? r.route.id : `controller:${r.controller.name}`) === over.id);
    if (!dragged || !target) return;
    const { to, controller } = dropPlacement(view.routes, dragged, target);
    void app.actions.edit({ op: 'moveRoute', route: dragged.key, to, ...(controller !== dragged.controller ? { controller } : {}) });
  };

  return (
    <nav className="sidebar" aria-label="Controllers and routes" data-testid="sidebar">
      <div className="sidebar-tools">
        <input
          ref={findRoute}
          type="search"
          placeholder="Find route (Ctrl+P)"
          aria-label="Find route"
          value={filter}
          onChange={(e) => design.setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') design.setFilter('');
            if (e.key === 'Enter') {
              const first = rows.find((r) => r.kind === 'route');
              if (first?.kind === 'route') design.select(first.route.key);
            }
          }}
          data-testid="route-filter"
        />
        <button type="button" onClick={addRoute} title="New route (Ctrl+Alt+N)" data-testid="add-route">
          + Route
        </button>
        <button type="button" onClick={() => setAddingController(true)} data-testid="add-controller">
          + Controller
        </button>
      </div>
      {addingController && <NewControllerForm app={app} close={() => setAddingController(false)} />}
      <DndContext
        accessibility={{ announcements, screenReaderInstructions: SCREEN_READER_INSTRUCTIONS }}
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={() => (dragging.current = true)}
        onDragEnd={(event) => {
          dragging.current = false;
          disarmSoon();
          onDragEnd(event);
        }}
        onDragCancel={() => {
          dragging.current = false;
          disarmSoon();
        }}
      >
        <SortableContext items={sortableIds} strategy={verticalListSortingStrategy}>
          <div className="virtual-scroller sidebar-list" ref={scroller} data-testid="route-list" onPointerLeave={disarmSoon} onBlur={disarmSoon} onScroll={onScroll}>
            <ul style={{ height: virtual.getTotalSize() }}>
              {shown.map((item) => {
                const row = rows[item.index] as SidebarRow;
                return (
                  <li key={rowKey(row)} data-index={item.index} className="sidebar-row" style={{ transform: `translateY(${item.start}px)` }}>
                    {row.kind === 'controller' ? (
                      <ControllerHeading row={row} app={app} toggle={() => toggle(row.controller.name)} />
                    ) : (
                      <RouteItem route={row.route} selected={row.route.key === selectedKey} total={view?.routes.length ?? 0} onMove={moveRoute} sortable={armed} onHover={hover} onArm={arm} takePress={takePress} />
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        </SortableContext>
      </DndContext>
      {view && view.routes.length === 0 && <p className="muted empty-note">No routes yet. Add one with “+ Route”.</p>}
    </nav>
  );
});

function rowKey(row: SidebarRow): string {
  return row.kind === 'route' ? `route:${row.route.id}` : `controller:${row.controller.name || UNGROUPED}`;
}
