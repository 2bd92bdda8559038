import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useLayoutEffect } from 'react';

/** A press on a handle made before the lines were sortable: the line that comes to life takes it over. */
export interface PendingPress {
  id: number;
  event: PointerEvent;
}

/**
 * dnd-kit's activators take React's event: the pointer one reads its `nativeEvent`, the keyboard
 * one also checks its `target` is the handle and calls `preventDefault` (given the native event
 * alone, Space on a focused handle started no drag).
 */
type Activator = (event: { nativeEvent: Event; target: EventTarget | null; preventDefault(): void }) => void;

function asReactEvent(event: Event): Parameters<Activator>[0] {
  return { nativeEvent: event, target: event.target, preventDefault: () => event.preventDefault() };
}

/**
 * Makes a rendered route line sortable with dnd-kit, renders nothing itself: it takes the line's
 * element and handle by ref, listens on the handle, and moves the line while it is dragged.
 *
 * Why apart from the line: dnd-kit's hooks are the cost of a line. Every line that comes into view
 * or leaves registers with dnd-kit, which copies its map of lines and renders every sortable line
 * again; in a scrolled frame at 10,000 routes that was half the garbage and most of the script.
 * The sidebar mounts these only while a drag can start (the pointer on a handle, a handle
 * focused, a drag under way), and the line's own element never changes, so focus stays put.
 */
export function SortableBinding({ id, elements, takePress }: { id: number; elements: () => { row: HTMLElement | null; handle: HTMLElement | null }; takePress: (id: number) => PendingPress | undefined }) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, transform, transition, isDragging } = useSortable({ id });
  const describedBy = attributes['aria-describedby'];

  useLayoutEffect(() => {
    const { row, handle } = elements();
    setNodeRef(row);
    setActivatorNodeRef(handle);
    return () => {
      setNodeRef(null);
      setActivatorNodeRef(null);
    };
  }, [elements, setNodeRef, setActivatorNodeRef]);

  useLayoutEffect(() => {
    const { handle } = elements();
    if (!handle || !listeners) return;
    const onPointerDown = (event: PointerEvent) => (listeners['onPointerDown'] as Activator | undefined)?.(asReactEvent(event));
    const onKeyDown = (event: KeyboardEvent) => (listeners['onKeyDown'] as Activator | undefined)?.(asReactEvent(event));
    handle.addEventListener('pointerdown', onPointerDown);
    handle.addEventListener('keydown', onKeyDown);
    return () => {
      handle.removeEventListener('pointerdown', onPointerDown);
      handle.removeEventListener('keydown', onKeyDown);
    };
  }, [elements, listeners]);

  // The handle points at dnd-kit's instructions (how to move a route with the keyboard).
  useLayoutEffect(() => {
    const { handle } = elements();
    if (!handle) return;
    handle.setAttribute('aria-describedby', describedBy);
    return () => handle.removeAttribute('aria-describedby');
  }, [elements, describedBy]);

  // The press that made the lines sortable: dnd-kit starts from it as if it had seen it.
  useLayoutEffect(() => {
    if (!listeners) return;
    const press = takePress(id);
    if (press) (listeners['onPointerDown'] as Activator | undefined)?.(asReactEvent(press.event));
  }, [id, takePress, listeners]);

  useLayoutEffect(() => {
    const { row } = elements();
    if (!row) return;
    row.style.transform = CSS.Translate.toString(transform) ?? '';
    row.style.transition = transition ?? '';
    row.classList.toggle('dragging', isDragging);
  }, [elements, transform, transition, isDragging]);

  return null;
}
