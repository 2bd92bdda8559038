import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo } from 'react';
import type { RouteRow } from '../../../shared/view/design-view';
import { design } from '../../state/design-store';
import { ProblemBadge } from './problem-badge';

/**
 * One route line: method badge, path relative to its controller, problem badge. Draggable: its
 * sortable id is its row id (see the sidebar). Memoised: a keystroke that renames one route
 * renders that line only, not every line on screen.
 */
export const RouteItem = memo(function RouteItem({ route, selected, total, onMove }: { route: RouteRow; selected: boolean; total: number; onMove: (routeKey: string, to: number) => void }) {
  const { setNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({ id: route.id });
  const move = (to: number) => onMove(route.key, to);
  return (
    <div
      ref={setNodeRef}
      className={`route-item${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="route-row"
      data-route-key={route.key}
    >
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
      <span className="drag-handle" {...attributes} {...listeners} aria-label={`Reorder ${route.method.toUpperCase()} ${route.path}`} data-testid="drag-handle">
        ⠿
      </span>
    </div>
  );
});

function problemWords(route: RouteRow): string {
  const { error, warning } = route.problems;
  const parts = [error ? `${error} error${error > 1 ? 's' : ''}` : '', warning ? `${warning} warning${warning > 1 ? 's' : ''}` : ''].filter(Boolean);
  return parts.length ? `, ${parts.join(', ')}` : '';
}
