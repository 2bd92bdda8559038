import { useDroppable } from '@dnd-kit/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { UNGROUPED } from '../../../shared/view/design-view';
import { addStarterRoute } from '../../add-route';
import type { DesignApp } from '../../use-routecraft';
import { ProblemBadge } from './problem-badge';
import type { SidebarRow } from './sidebar-rows';

type ControllerRowOf = Extract<SidebarRow, { kind: 'controller' }>;

/** A controller's heading: name, router prefix, route count; collapsible, editable, a drop target. */
export function ControllerHeading({ row, app, toggle }: { row: ControllerRowOf; app: DesignApp; toggle: () => void }) {
  const { controller, collapsed } = row;
  const { setNodeRef, isOver } = useDroppable({ id: `controller:${controller.name}` });
  const [editing, setEditing] = useState(false);
  const ungrouped = controller.name === UNGROUPED;
  if (editing) return <ControllerForm app={app} name={controller.name} prefix={controller.prefix} close={() => setEditing(false)} />;
  return (
    <div ref={setNodeRef} className={`controller-heading${isOver ? ' drop-over' : ''}`} data-testid="controller-heading" data-controller={controller.name}>
      <button type="button" className="collapse" aria-expanded={!collapsed} onClick={toggle} aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${ungrouped ? 'routes without a controller' : controller.name}`}>
        {collapsed ? '▸' : '▾'}
      </button>
      <span className="controller-name">{ungrouped ? 'No controller' : controller.name}</span>
      {controller.prefix !== '' && <code className="controller-prefix">{controller.prefix}</code>}
      <span className="count">{row.shown}</span>
      <ProblemBadge counts={controller.problems} />
      <span className="controller-actions">
        <button
          type="button"
          className="icon"
          onClick={() => void addStarterRoute(app, ungrouped ? null : controller.name)}
          aria-label={`Add a route to ${ungrouped ? 'no controller' : controller.name}`}
          data-testid="add-route-here"
        >
          +
        </button>
      {!ungrouped && (
        <>
          <button type="button" className="icon" onClick={() => setEditing(true)} aria-label={`Edit controller ${controller.name}`} data-testid="edit-controller">
            ✎
          </button>
          <button
            type="button"
            className="icon"
            onClick={() => void app.actions.edit({ op: 'deleteController', name: controller.name })}
            aria-label={`Delete controller ${controller.name} (its routes stay, without a controller)`}
            data-testid="delete-controller"
          >
            ×
          </button>
        </>
      )}
      </span>
    </div>
  );
}

function ControllerForm({ app, name, prefix, close }: { app: DesignApp; name: string; prefix: string; close: () => void }) {
  const [newName, setNewName] = useState(name);
  const [newPrefix, setNewPrefix] = useState(prefix);
  const first = useFocusOnMount();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close();
    const rename = newName.trim() !== name && newName.trim() !== '' ? { rename: newName.trim() } : {};
    const prefixChange = newPrefix.trim() !== prefix ? { prefix: newPrefix.trim() } : {};
    if (Object.keys(rename).length + Object.keys(prefixChange).length > 0) void app.actions.edit({ op: 'updateController', name, ...rename, ...prefixChange });
  };
  return (
    <form className="controller-form" onSubmit={submit} data-testid="controller-form">
      <input ref={first} aria-label="Controller name" value={newName} onChange={(e) => setNewName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && close()} data-testid="controller-name-input" />
      <input aria-label="Router prefix" placeholder="/api" value={newPrefix} onChange={(e) => setNewPrefix(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && close()} data-testid="controller-prefix-input" />
      <button type="submit" data-testid="controller-save">
        Save
      </button>
    </form>
  );
}

export function NewControllerForm({ app, close }: { app: DesignApp; close: () => void }) {
  const [name, setName] = useState('');
  const [prefix, setPrefix] = useState('');
  const first = useFocusOnMount();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    close();
    void app.actions.edit({ op: 'addController', name: name.trim(), ...(prefix.trim() !== '' ? { prefix: prefix.trim() } : {}) });
  };
  return (
    <form className="controller-form" onSubmit={submit} data-testid="new-controller-form">
      <input ref={first} aria-label="New controller name" placeholder="Users" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && close()} data-testid="new-controller-name" />
      <input aria-label="Router prefix" placeholder="/api" value={prefix} onChange={(e) => setPrefix(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && close()} data-testid="new-controller-prefix" />
      <button type="submit" data-testid="new-controller-save">
        Add
      </button>
      <button type="button" onClick={close}>
        Cancel
      </button>
    </form>
  );
}

/** Focus the field a form opened for (instead of autoFocus, which also fires on re-mounts). */
function useFocusOnMount() {
  const ref = useRef<HTMLInputElement | null>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
