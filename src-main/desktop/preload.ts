import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The renderer gets exactly two things: call a contract method, and listen to progress.
contextBridge.exposeInMainWorld('api', {
  call: (method: string, params: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', method, params),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown): void => listener(event);
    ipcRenderer.on('rpc:event', wrapped);
    return () => ipcRenderer.removeListener('rpc:event', wrapped);
  },
});
