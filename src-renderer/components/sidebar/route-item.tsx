import { memo, useCallback, useRef } from 'react';
import type { RouteRow } from '../../../shared/view/design-view';
import { design } from '../../state/design-store';
import { ProblemBadge } from './problem-badge';
import { SortableBinding, type PendingPress } from './sortable-binding';

/**
 * One route line: method badge, path relative to its controller, problem badge, drag handle.
 * Sortable (its sortable id is its row id, see the sidebar) while `sortable` is on: the sidebar
 * turns it on when a drag can start: the handle asks for it when the pointer reaches it
 * (`onHover`), when it takes focus, and when it is pressed (`onArm`; that press is then handed to
 * dnd-kit).
 * Memoised: a keystroke that renames one route renders that line only, not every line on screen.
 */
export const RouteItem = memo(function RouteItem({
  route,
  selected,
  total,
  onMove,
  sortable,
  onHover,
  onArm,
  takePress,
}: {
  route: RouteRow;
  selected: boolean;
  total: number;
  onMove: (routeKey: string, to: number) => void;
  sortable: boolean;
  /** The pointer reached the handle (the sidebar ignores it while the list scrolls). */
  onHover: () => void;
  onArm: (press?: PendingPress) => void;
  /** The press that armed the lines, for the line it was made on (once). */
  takePress: (id: number) => PendingPress | undefined;
}) {
  const row = useRef<HTMLDivElement | null>(null);
  const handle = useRef<HTMLButtonElement | null>(null);
  const elements = useCallback(() => ({ row: row.current, handle: handle.current }), []);
  const move = (to: number) => onMove(route.key, to);
  return (
    <div ref={row} className={`route-item${selected ? ' selected' : ''}`} data-testid="route-row" data-route-key={route.key}>
      <button
        type="button"
        className="route-select"
        aria-current={selected ? 'true' : undefined}
        title={`#${route.index} ${route.method.toUpperCase()} ${route.path}${route.summary ? ` — ${route.summary}` : ''}\nAlt+↑/↓ moves it; drag the handle to reorder.`}
        onClick={() => design.select(route.key)}
        onKeyDown={(e) => {
          if (!e.altKey) return;
          if (e.key === 'ArrowUp' && route.index > 1) {
            e.preventDefault();
            move(route.index - 2);
          } else if (e.key === 'ArrowDown' && route.index < total) {
            e.preventDefault();
            move(route.index);
          }
        }}
      >
        <span className="route-index muted">#{route.index}</span>
        <span className={`method method-${route.method}`}>{route.method.toUpperCase()}</span>
        <code className={`route-path${route.deprecated ? ' deprecated' : ''}`}>{route.localPath === '' ? '/' : route.localPath}</code>
        <ProblemBadge counts={route.problems} />
        {route.problems.error + route.problems.warning > 0 && <span className="sr-only">{problemWords(route)}</span>}
      </button>
      <button
        ref={handle}
        type="button"
        className="drag-handle"
        aria-roledescription="sortable"
        aria-label={`Reorder ${route.method.toUpperCase()} ${route.path}`}
        data-testid="drag-handle"
        onPointerEnter={onHover}
        onFocus={() => onArm()}
        onPointerDown={(e) => {
          if (!sortable) onArm({ id: route.id, event: e.nativeEvent });
        }}
      >
        ⠿
      </button>
      {sortable && <SortableBinding id={route.id} elements={elements} takePress={takePress} />}
    </div>
  );
});

function problemWords(route: RouteRow): string {
  const { error, warning } = route.problems;
  const parts = [error ? `${error} error${error > 1 ? 's' : ''}` : '', warning ? `${warning} warning${warning > 1 ? 's' : ''}` : ''].filter(Boolean);
  return parts.length ? `, ${parts.join(', ')}` : '';
}
