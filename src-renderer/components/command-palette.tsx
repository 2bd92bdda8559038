import { Command as Cmdk } from 'cmdk';
import { commands } from '../commands';
import { design, useDesign } from '../state/design-store';
import type { Routecraft } from '../use-routecraft';

/** Ctrl/Cmd+K: every command, and every route to jump to, by typing part of its name. */
export function CommandPalette({ app, focusFindRoute, addRoute }: { app: Routecraft; focusFindRoute: () => void; addRoute: () => void }) {
  const open = useDesign((s) => s.paletteOpen);
  // Read only while open: closed, it would build its route items for every view (every keystroke).
  const routes = useDesign((s) => (s.paletteOpen ? s.view?.routes : undefined));
  const close = () => design.setPaletteOpen(false);
  const run = (action: () => void) => {
    close();
    action();
  };
  return (
    <Cmdk.Dialog open={open} onOpenChange={design.setPaletteOpen} label="Command palette" className="palette" data-testid="command-palette">
      <Cmdk.Input placeholder="Type a command or a route…" data-testid="palette-input" />
      <Cmdk.List>
        <Cmdk.Empty>Nothing matches.</Cmdk.Empty>
        <Cmdk.Group heading="Commands">
          {commands(app, focusFindRoute, addRoute)
            .filter((c) => c.enabled)
            .map((c) => (
              <Cmdk.Item key={c.id} value={c.title} onSelect={() => run(c.run)} data-testid={`palette-${c.id}`}>
                <span>{c.title}</span>
                {c.shortcut && <kbd>{c.shortcut}</kbd>}
              </Cmdk.Item>
            ))}
        </Cmdk.Group>
        {routes && routes.length > 0 && (
          <Cmdk.Group heading="Routes">
            {/* Enough to jump anywhere by typing; thousands of items would make every keystroke slow. */}
            {routes.slice(0, 500).map((r) => (
              <Cmdk.Item key={r.key} value={`${r.method.toUpperCase()} ${r.path} #${r.index}`} onSelect={() => run(() => design.select(r.key))}>
                <span className={`method method-${r.method}`}>{r.method.toUpperCase()}</span> <code>{r.path}</code>
              </Cmdk.Item>
            ))}
          </Cmdk.Group>
        )}
      </Cmdk.List>
    </Cmdk.Dialog>
  );
}
