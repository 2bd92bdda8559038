import type { MenuItemConstructorOptions } from 'electron';
import type { RecentFile } from '../../shared/contract/document-state.schema';

/** What the menu can ask for; main implements each with the same services the renderer calls. */
export interface MenuActions {
  newDocument(): void;
  open(): void;
  openRecent(file: string): void;
  save(): void;
  saveAs(): void;
  revert(): void;
  /** Routed to the renderer, which undoes the focused field's typing or else the document. */
  undo(): void;
  redo(): void;
  /** Designer commands, carried out by the renderer. */
  command(name: 'toggle-code-view' | 'find-route' | 'new-route' | 'command-palette' | 'show-problems' | 'show-server'): void;
  startServer(): void;
  stopServer(): void;
  exportOpenApi(): void;
}

export interface MenuState {
  recent: RecentFile[];
  hasDocument: boolean;
  serverRunning: boolean;
  /** Reload and developer tools only in development builds. */
  development: boolean;
}

/** The native menu with the usual shortcuts (CmdOrCtrl is Cmd on macOS, Ctrl elsewhere). */
export function menuTemplate(actions: MenuActions, state: MenuState, platform: string): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => actions.newDocument() },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
        {
          label: 'Open Recent',
          enabled: state.recent.length > 0,
          submenu: state.recent.map((file) => ({ label: file.path, click: () => actions.openRecent(file.path) })),
        },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', enabled: state.hasDocument, click: () => actions.save() },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasDocument, click: () => actions.saveAs() },
        { label: 'Revert File', enabled: state.hasDocument, click: () => actions.revert() },
        { type: 'separator' },
        { label: 'Export OpenAPI…', accelerator: 'CmdOrCtrl+Shift+E', enabled: state.hasDocument, click: () => actions.exportOpenApi() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.undo() },
        { label: 'Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: () => actions.redo() },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&Server',
      submenu: [
        { label: 'Start Mock Server', accelerator: 'CmdOrCtrl+Shift+M', enabled: state.hasDocument && !state.serverRunning, click: () => actions.startServer() },
        { label: 'Stop Mock Server', enabled: state.serverRunning, click: () => actions.stopServer() },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(state.development ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', enabled: state.hasDocument, click: () => actions.command('command-palette') },
        { label: 'Find Route', accelerator: 'CmdOrCtrl+P', enabled: state.hasDocument, click: () => actions.command('find-route') },
        { label: 'New Route', accelerator: 'CmdOrCtrl+Alt+N', enabled: state.hasDocument, click: () => actions.command('new-route') },
        { label: 'Toggle Code View', accelerator: 'CmdOrCtrl+E', enabled: state.hasDocument, click: () => actions.command('toggle-code-view') },
        { label: 'Problems', enabled: state.hasDocument, click: () => actions.command('show-problems') },
        { label: 'Live Server', enabled: state.hasDocument, click: () => actions.command('show-server') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}
