import type { Announcements, UniqueIdentifier } from '@dnd-kit/core';
import { UNGROUPED, type RouteRow } from '../../../shared/view/design-view';

/** What the drag handles are described by: how to move a route with the keyboard. */
export const SCREEN_READER_INSTRUCTIONS = {
  draggable: 'To move a route, press Space on its handle, move it with the arrow keys, and press Space again to drop it or Escape to cancel. Alt+Up and Alt+Down on a route move it one place.',
};

/**
 * What a screen reader hears during a drag in the sidebar: routes by method, path and place
 * ("GET /users/me (#3) is over GET /users/{user_id} (#2)."), not dnd-kit's numeric ids.
 */
export function dragAnnouncements(routes: readonly RouteRow[]): Announcements {
  const name = (id: UniqueIdentifier) => describeDragged(id, routes);
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${name(active.id)} is over ${name(over.id)}.` : `${name(active.id)} is over no route.`),
    onDragEnd: ({ active, over }) => (over && over.id !== active.id ? `${name(active.id)} was dropped on ${name(over.id)}.` : `${name(active.id)} was dropped where it was.`),
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled: it is back in its place.`,
  };
}

/** A route line or controller heading by its sortable id: "GET /users/me (#3)", "controller Users". */
function describeDragged(id: UniqueIdentifier, routes: readonly RouteRow[]): string {
  if (typeof id === 'string' && id.startsWith('controller:')) {
    const controller = id.slice('controller:'.length);
    return controller === UNGROUPED ? 'the routes without a controller' : `controller ${controller}`;
  }
  const route = routes.find((r) => r.id === id);
  return route ? `${route.method.toUpperCase()} ${route.path} (#${route.index})` : 'a route';
}
