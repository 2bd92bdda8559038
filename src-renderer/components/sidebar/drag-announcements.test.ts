import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import type { RouteRow } from '../../../shared/view/design-view';
import { dragAnnouncements } from './drag-announcements';

const routes = [
  { id: 7, index: 1, method: 'get', path: '/users/{user_id}' },
  { id: 9, index: 2, method: 'get', path: '/users/me' },
] as RouteRow[];
const active = (id: number | string) => ({ id }) as Active;
const over = (id: number | string) => ({ id }) as Over;

describe('what a screen reader hears during a drag', () => {
  const say = dragAnnouncements(routes);
  it('names routes by method, path and place, and controllers by name', () => {
    expect(say.onDragStart({ active: active(9) })).toBe('Picked up GET /users/me (#2).');
    expect(say.onDragOver({ active: active(9), over: over(7) })).toBe('GET /users/me (#2) is over GET /users/{user_id} (#1).');
    expect(say.onDragOver({ active: active(9), over: over('controller:Users') })).toBe('GET /users/me (#2) is over controller Users.');
    expect(say.onDragOver({ active: active(9), over: over('controller:') })).toBe('GET /users/me (#2) is over the routes without a controller.');
  });
  it('says when a drop changes nothing, and when a drag is cancelled', () => {
    expect(say.onDragEnd({ active: active(9), over: over(7) })).toBe('GET /users/me (#2) was dropped on GET /users/{user_id} (#1).');
    expect(say.onDragEnd({ active: active(9), over: over(9) })).toBe('GET /users/me (#2) was dropped where it was.');
    expect(say.onDragEnd({ active: active(9), over: null })).toBe('GET /users/me (#2) was dropped where it was.');
    expect(say.onDragCancel({ active: active(9), over: null })).toBe('Moving GET /users/me (#2) was cancelled: it is back in its place.');
  });
});
