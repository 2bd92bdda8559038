import { app, BrowserWindow, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { encodeAppInfoArg } from './app-info-args';

// Every renderer is sandboxed, whatever a future window forgets to set.
app.enableSandbox();

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
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
      webSecurity: true,
      additionalArguments: [
        encodeAppInfoArg({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
      ],
    },
  });
  window.once('ready-to-show', () => window.show());

  // electron-vite sets this only for `electron-vite dev` (the Vite dev server).
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devServerUrl !== undefined) {
    void window.loadURL(devServerUrl);
  } else {
    void window.loadFile(fileURLToPath(new URL('../renderer/index.html', import.meta.url)));
  }
  return window;
}

// The app is a single page: nothing it shows may navigate away, open windows or
// embed webviews. External links get their own checked path later (DESIGN §7).
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(() => {
  // No camera, notifications, geolocation…; only writing to the clipboard, which
  // copy in the code editor needs.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );

  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
