import { ipcMain, type BrowserWindow } from 'electron';
import type { HandlerContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';

/** One channel, `rpc`; only our own window's main frame may call it. */
export function registerIpc(getWindow: () => BrowserWindow | null, ctx: HandlerContext): void {
  ipcMain.handle('rpc', async (event, method: unknown, params: unknown) => {
    const win = getWindow();
    if (!win || event.sender !== win.webContents || event.senderFrame !== win.webContents.mainFrame) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'unknown sender' } };
    }
    return dispatch(handlers, typeof method === 'string' ? method : '', params, ctx);
  });
}
