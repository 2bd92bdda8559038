import { design, useDesign } from './state/design-store';
import type { Routecraft } from './use-routecraft';

/** Something the user can do from the palette, and often from a key. */
export interface Command {
  id: string;
  title: string;
  /** As shown ("Ctrl+S"); the key handler matches it too. */
  shortcut?: string;
  /** False when it makes no sense now (nothing open, nothing to undo). */
  enabled: boolean;
  run(): void;
}

/** Every command of the app, in the order the palette lists them. One list: palette and keys agree. */
export function commands(app: Routecraft, focusFindRoute: () => void, addRoute: () => void): Command[] {
  const { doc, server, actions } = app;
  const state = useDesign.getState();
  const open = doc !== null;
  return [
    { id: 'new-api', title: 'New API', enabled: true, run: () => void actions.newDocument() },
    { id: 'open', title: 'Open…', shortcut: 'Ctrl+O', enabled: true, run: () => void actions.open() },
    { id: 'save', title: 'Save', shortcut: 'Ctrl+S', enabled: open, run: () => void actions.save() },
    { id: 'save-as', title: 'Save As…', shortcut: 'Ctrl+Shift+S', enabled: open, run: () => void actions.saveAs() },
    { id: 'undo', title: 'Undo', shortcut: 'Ctrl+Z', enabled: doc?.canUndo === true, run: () => void actions.undo() },
    { id: 'redo', title: 'Redo', shortcut: 'Ctrl+Shift+Z', enabled: doc?.canRedo === true, run: () => void actions.redo() },
    { id: 'new-route', title: 'New route', shortcut: 'Ctrl+Alt+N', enabled: open, run: addRoute },
    { id: 'find-route', title: 'Find route', shortcut: 'Ctrl+P', enabled: open, run: focusFindRoute },
    {
      id: 'toggle-code',
      title: state.codeViewOpen ? 'Hide code view' : 'Show code view',
      shortcut: 'Ctrl+E',
      enabled: open,
      run: () => design.toggleCodeView(),
    },
    {
      id: 'toggle-server',
      title: server?.running ? 'Stop live server' : 'Start live server',
      shortcut: 'Ctrl+Shift+M',
      enabled: open,
      run: () => {
        design.showPanel('server');
        void (server?.running ? actions.stopServer() : actions.startServer());
      },
    },
    { id: 'show-problems', title: 'Show problems', enabled: open, run: () => design.showPanel('problems') },
    { id: 'show-server', title: 'Show live server', enabled: open, run: () => design.showPanel('server') },
    { id: 'export', title: 'Export OpenAPI…', shortcut: 'Ctrl+Shift+E', enabled: open, run: () => void actions.exportOpenApi() },
  ];
}

/** "Ctrl+Shift+S" for this key event (Cmd counts as Ctrl on macOS), or null without a modifier. */
export function shortcutOf(event: KeyboardEvent): string | null {
  if (!(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  return ['Ctrl', event.altKey ? 'Alt' : '', event.shiftKey ? 'Shift' : '', key].filter(Boolean).join('+');
}
