import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The desktop shell, started against a stand-in for Electron (the binary cannot run here):
 * what it asks of the window, the session and the app is recorded and judged.
 */
type Handler = (...args: unknown[]) => unknown;
const shell = vi.hoisted(() => ({
  userData: '',
  windowOptions: null as null | { webPreferences: Record<string, unknown> },
  contents: new Map<string, Handler>(),
  openHandler: null as null | Handler,
  headers: null as null | Handler,
  permissionRequest: null as null | Handler,
  permissionCheck: null as null | Handler,
  ipc: new Map<string, Handler>(),
  exposed: new Map<string, Record<string, unknown>>(),
  singleInstanceAsked: false,
  openedOutside: [] as string[],
  ready: null as null | Promise<void>,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (event: string, fn: Handler) => shell.contents.set(event, fn),
      setWindowOpenHandler: (fn: Handler) => { shell.openHandler = fn; },
      send: () => undefined,
      reload: () => undefined,
      mainFrame: {},
    };
    constructor(options: { webPreferences: Record<string, unknown> }) { shell.windowOptions = options; }
    loadFile(): Promise<void> { return Promise.resolve(); }
    loadURL(): Promise<void> { return Promise.resolve(); }
    static getAllWindows(): unknown[] { return []; }
  }
  return {
    app: {
      requestSingleInstanceLock: () => { shell.singleInstanceAsked = true; return true; },
      on: () => undefined,
      quit: () => undefined,
      whenReady: () => { shell.ready = Promise.resolve(); return shell.ready; },
      getPath: () => shell.userData,
    },
    BrowserWindow,
    dialog: { showErrorBox: (_t: string, message: string) => { throw new Error(message); }, showMessageBox: () => Promise.resolve({ response: 0 }) },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: Handler) => { shell.headers = fn; } },
        setPermissionRequestHandler: (fn: Handler) => { shell.permissionRequest = fn; },
        setPermissionCheckHandler: (fn: Handler) => { shell.permissionCheck = fn; },
      },
    },
    shell: { openExternal: (url: string) => { shell.openedOutside.push(url); return Promise.resolve(); } },
    ipcMain: { handle: (channel: string, fn: Handler) => shell.ipc.set(channel, fn) },
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => shell.exposed.set(key, api) },
    ipcRenderer: { invoke: () => Promise.resolve(), on: () => undefined, removeListener: () => undefined },
  };
});

beforeAll(async () => {
  shell.userData = mkdtempSync(join(tmpdir(), 'luudong-shell-'));
  await import('../../src-main/desktop/main');
  await shell.ready;
  await new Promise((resolve) => setTimeout(resolve, 0));
}, 60_000);
afterAll(() => rmSync(shell.userData, { recursive: true, force: true }));

describe('desktop shell', () => {
  it('opens one sandboxed, isolated window without Node, and asks for a single-instance lock', () => {
    expect(shell.singleInstanceAsked).toBe(true);
    expect(shell.windowOptions?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('refuses navigation, redirects, webviews and every new window, whatever the URL', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      shell.contents.get(event)!({ preventDefault });
      expect(preventDefault).toHaveBeenCalled();
    }
    for (const url of ['https://example.com', 'http://127.0.0.1:1/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(shell.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openedOutside).toEqual([]);
  });

  it('serves every page with the strict CSP, no framing, and grants no permission', () => {
    let headers: Record<string, string[]> = {};
    shell.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r: { responseHeaders: Record<string, string[]> }) => { headers = r.responseHeaders; });
    expect(headers['Content-Security-Policy']![0]).toMatch(/default-src 'self'; img-src 'self' data:/);
    expect(headers['Content-Security-Policy']![0]).toContain("frame-ancestors 'none'");
    expect(headers['X-Frame-Options']).toEqual(['DENY']);
    const granted = vi.fn();
    shell.permissionRequest!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(shell.permissionCheck!({}, 'geolocation')).toBe(false);
  });

  it('answers the rpc channel only for its own window’s main frame', async () => {
    const answer = await shell.ipc.get('rpc')!({ sender: {}, senderFrame: {} }, 'app.info', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('gives the page exactly two things: call a contract method, listen to events', async () => {
    await import('../../src-main/desktop/preload');
    expect([...shell.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(shell.exposed.get('api')!).sort()).toEqual(['call', 'onEvent']);
  });
});
