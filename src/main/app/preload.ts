// The sandboxed preload: one function, nothing else. The renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('kehu', {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke('kehu:invoke', String(channel), input),
});
