import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContractError } from '../../shared/contract/contract-error';
import type { SaveResult } from '../../shared/contract/document-state.schema';
import { windowTitle } from '../../shared/contract/window-title';
import type { NativeDialogs } from '../services/app-handlers';
import { AppServices } from '../services/app-services';
import { documentArgument } from './command-line';
import { forwardEvents, trustedSender, wireIpc } from './ipc-wiring';
import { menuTemplate } from './menu';
import { isSafeExternalUrl, rendererLocation } from './renderer-location';

// The desktop shell: one hardened window around the services that browser mode runs too. It
// cannot be launched on machines without an Electron binary (see e2e/electron-smoke.spec.ts); all
// logic worth testing lives in services and in the Electron-free modules beside this file.

// style-src 'unsafe-inline' is for the code editor: Monaco writes <style> elements (theme colours,
// decorations) and renders its lines as HTML with style="top:…" attributes, and supports no nonce.
// Inline CSS cannot run script, and img-src/font-src/connect-src keep any url() it holds on this
// origin, so it cannot send anything out. Everything else stays 'self' or 'none'.
/** Strict policy for every response the session loads (the dev server's too); index.html repeats it. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

const DOCUMENT_FILTERS = [
  { name: 'OpenAPI documents', extensions: ['yaml', 'yml', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

// Every renderer is sandboxed, whatever a future window forgets to set.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Routecraft runs: it receives our command line ('second-instance') and opens the file.
  app.quit();
} else {
  start();
}

function start(): void {
  const location = rendererLocation(process.env['ELECTRON_RENDERER_URL'], fileURLToPath(new URL('../renderer/index.html', import.meta.url)));
  const development = process.env['ELECTRON_RENDERER_URL'] !== undefined;
  let window: BrowserWindow | undefined;
  /** Set once the user has answered the unsaved-changes question for this close. */
  let closeConfirmed = false;
  let services: AppServices;

  const message = async (options: Electron.MessageBoxOptions) => (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  const showError = (error: unknown) =>
    void message({ type: 'error', message: error instanceof Error ? error.message : String(error), buttons: ['OK'] });

  const dialogs: NativeDialogs = {
    async chooseDocumentToOpen() {
      const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters: DOCUMENT_FILTERS };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const file = result.canceled ? undefined : result.filePaths[0];
      // Chosen by the user: from now on the renderer may name it (Open Recent).
      if (file !== undefined) await services.recent.add(file);
      return file;
    },
    async chooseSavePath(purpose, suggestedPath) {
      const options: Electron.SaveDialogOptions = {
        title: purpose === 'export' ? 'Export OpenAPI' : 'Save',
        defaultPath: suggestedPath,
        filters: DOCUMENT_FILTERS,
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
  };

  /** Save from the menu or on close: dialogs for a new file, a question before replacing a change on disk. */
  const saveFromMain = async (as: boolean): Promise<boolean> => {
    let result: SaveResult;
    if (as || services.documents.path === null) {
      const file = await dialogs.chooseSavePath('save', services.documents.path ?? 'api.yaml');
      if (file === undefined) return false;
      result = await services.documents.saveAs(file, { overwrite: true });
    } else {
      result = await services.documents.save();
    }
    if (result.status === 'conflict') {
      const answer = await message({
        type: 'warning',
        message: result.message,
        detail: 'Overwrite replaces the version on disk with yours. Cancel keeps both as they are; use File → Revert File to see the disk version.',
        buttons: ['Overwrite', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      });
      if (answer.response !== 0) return false;
      result = await services.documents.save({ overwrite: true });
    }
    return result.status === 'saved';
  };

  /** True when the open document may be replaced or closed: saved, or the user said so. */
  const confirmDiscard = async (): Promise<boolean> => {
    if (!services.documents.isDirty) return true;
    const answer = await message({
      type: 'warning',
      message: `Save the changes to ${services.documents.name}?`,
      detail: 'Your changes are lost if you do not save them.',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
    });
    if (answer.response === 0) return saveFromMain(false);
    if (answer.response === 1) {
      await services.documents.discardChanges();
      return true;
    }
    return false;
  };

  const openFile = async (file: string) => {
    if (!(await confirmDiscard())) return;
    await services.documents.open(file).catch(showError);
  };

  const run = (work: () => Promise<unknown>) => () => void work().catch(showError);

  const refreshMenu = () => {
    void services.recent.list().then((recent) => {
      const template = menuTemplate(
        {
          newDocument: run(async () => (await confirmDiscard()) && services.documents.newDocument()),
          open: run(async () => {
            if (!(await confirmDiscard())) return;
            const file = await dialogs.chooseDocumentToOpen();
            if (file !== undefined) await services.documents.open(file);
          }),
          openRecent: (file) => void openFile(file),
          save: run(() => saveFromMain(false)),
          saveAs: run(() => saveFromMain(true)),
          revert: run(() => services.documents.revert()),
          undo: () => services.events.emit('app.command', { command: 'undo' }),
          redo: () => services.events.emit('app.command', { command: 'redo' }),
          command: (command) => services.events.emit('app.command', { command }),
          startServer: run(() => services.live.start()),
          stopServer: run(() => services.live.stop()),
          exportOpenApi: run(async () => {
            const doc = services.documents.document;
            if (!doc) throw new ContractError('unavailable', 'No document is open.');
            const file = await dialogs.chooseSavePath('export', services.documents.path ?? 'openapi.yaml');
            if (file === undefined) return;
            const sourcePath = services.documents.path;
            const result = await (await services.exporter()).exportToFile(doc, file, sourcePath !== null ? { sourcePath } : {});
            if (!result.written) throw new Error(`Not exported: Redocly found ${result.errors} error(s) in the result.`);
          }),
        },
        { recent, hasDocument: services.documents.document !== null, serverRunning: services.live.status().running, development },
        process.platform,
      );
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    });
  };

  const updateTitle = () => {
    if (!window) return;
    const state = services.documents.state();
    window.setTitle(windowTitle(state));
    window.setDocumentEdited(state?.dirty ?? false);
    window.setRepresentedFilename(state?.path ?? '');
  };

  const createWindow = (): BrowserWindow => {
    const created = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 720,
      minHeight: 480,
      title: 'Routecraft',
      show: false,
      webPreferences: {
        preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        // A middle click would open a link in a new window; the window-open handler denies those
        // anyway, and without the feature the click does nothing at all.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    created.once('ready-to-show', () => created.show());
    // The title is main's: file name and dirty marker, whatever the page sets.
    created.on('page-title-updated', (event) => event.preventDefault());
    created.on('close', (event) => {
      if (closeConfirmed || !services.documents.isDirty) return;
      event.preventDefault();
      void confirmDiscard().then((ok) => {
        if (!ok) return;
        closeConfirmed = true;
        created.close();
      }, showError);
    });
    created.on('closed', () => {
      window = undefined;
    });
    void created.loadURL(location.url);
    window = created;
    updateTitle();
    return created;
  };

  // The page may not navigate, open windows or embed anything; http(s) links go to the browser.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!location.isApp(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!location.isApp(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    const file = documentArgument(argv, app.isPackaged, workingDirectory);
    if (file !== undefined) void openFile(file);
  });

  // macOS: a document dropped on the dock icon or opened from Finder, possibly before ready.
  const pendingOpen: string[] = [];
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (services === undefined) pendingOpen.push(file);
    else void openFile(file);
  });

  void app.whenReady().then(async () => {
    services = new AppServices({
      info: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      userDataDir: app.getPath('userData'),
    });
    const isTrusted = trustedSender(() => window?.webContents.mainFrame, location.isApp);
    wireIpc(ipcMain, services.handlers({ dialogs, rendererPaths: 'known' }), isTrusted);
    forwardEvents(services.events, (channel, payload) => {
      if (window && !window.webContents.isDestroyed()) window.webContents.send(channel, payload);
    });
    services.events.subscribe((event) => {
      if (event === 'documents.changed') updateTitle();
      if (event === 'documents.changed' || event === 'server.statusChanged') refreshMenu();
    });

    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    // No camera, notifications, geolocation…; only writing to the clipboard (copy in editors).
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
    session.defaultSession.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');

    const file = pendingOpen.pop() ?? documentArgument(process.argv, app.isPackaged, process.cwd());
    if (file !== undefined) await services.documents.open(path.resolve(file)).catch(showError);
    refreshMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  let shutDown = false;
  app.on('before-quit', (event) => {
    if (shutDown || services === undefined) return;
    // Unsaved changes are in the recovery folder before the process ends, whatever was answered.
    event.preventDefault();
    shutDown = true;
    void services.shutdown().finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
