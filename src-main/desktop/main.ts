import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { join } from 'node:path';
import { createContext } from '../api/app-context';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import type { HandlerContext } from '../api/context';
import { registerIpc } from './ipc';
import { startPlanning } from '../workers/run-planner';

export const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
let win: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Lưu Động',
    webPreferences: {
      preload: join(__dirname, '../preload/preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // No remote content: the window never navigates away and opens no other window (the
  // app has no links out; handing URLs to the system browser would be a way out of the sandbox).
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.on('will-redirect', (e) => e.preventDefault());
  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  w.webContents.on('will-attach-webview', (e) => e.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void w.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void w.loadFile(join(__dirname, '../renderer/index.html'));
  return w;
}

function buildMenu(ctx: HandlerContext): void {
  const resetDemo = async (): Promise<void> => {
    const answer = await dialog.showMessageBox({
      type: 'warning',
      buttons: ['Hủy / Cancel', 'Khôi phục / Reset'],
      defaultId: 0,
      cancelId: 0,
      message: 'Khôi phục dữ liệu mẫu? / Reset the demo data?',
      detail: 'Mọi dữ liệu và kế hoạch hiện có sẽ bị thay thế. / All current data and plans will be replaced.',
    });
    if (answer.response !== 1) return;
    await dispatch(handlers, 'demo.reset', { confirm: true }, ctx);
    win?.webContents.reload();
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'Tệp / File', submenu: [{ label: 'Khôi phục dữ liệu mẫu… / Reset demo data…', click: () => void resetDemo() }, { role: 'quit' }] },
      { role: 'editMenu' },
      { role: 'viewMenu' },
    ]),
  );
}

// One window on one database: a second launch would race the first on the same file.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.whenReady().then(start).catch((err: unknown) => {
    console.error(err);
    app.quit();
  });
}

function start(): void {
  const { defaultSession } = session;
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP], 'X-Frame-Options': ['DENY'] } });
  });
  // Camera, microphone, location, notifications ...: the app asks for none, so none is granted.
  defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  let ctx: HandlerContext;
  try {
    ctx = createContext(app.getPath('userData'), 'desktop', (event) => win?.webContents.send('rpc:event', event), {
      start: startPlanning,
    });
  } catch (err) {
    dialog.showErrorBox('Lưu Động', err instanceof Error ? err.message : String(err));
    app.quit();
    return;
  }
  registerIpc(() => win, ctx);
  buildMenu(ctx);
  win = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
