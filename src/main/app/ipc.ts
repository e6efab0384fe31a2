// The one IPC channel, 'kehu:invoke' → dispatch. Only our own window's main frame, showing our
// own renderer, may call it (VS Code's validatedIpcMain; Electron security checklist item 17).
// Who is signed in is kept in main, one session per window (window-sessions.ts).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Runtime } from '../core/runtime';
import { windowSessions, type WindowSessions } from './window-sessions';
import type { Result } from '../../shared/errors';
import { isOwnUrl } from './window-options';

export const IPC_CHANNEL = 'kehu:invoke';

export interface IpcOptions {
  runtime: Runtime;
  /** The webContents of our window (null while there is none). */
  ownContents: () => WebContents | null;
  devServerUrl?: string;
  /** After a successful app.setLocale (rebuild the menu). */
  onLocaleChanged: (locale: string) => void;
}

const refused: Result<never> = { ok: false, error: { code: 'forbidden', message: 'errors.forbidden', params: { reason: 'ipc_sender' } } };

export function isTrustedSender(event: IpcMainInvokeEvent, own: WebContents | null, devServerUrl?: string): boolean {
  const frame = event.senderFrame;
  if (!own || event.sender !== own || !frame) return false;
  if (frame.parent !== null || frame !== own.mainFrame) return false;
  return isOwnUrl(frame.url, devServerUrl);
}

export type Ipc = WindowSessions<WebContents>;

export function registerIpc(options: IpcOptions): Ipc {
  const windows = windowSessions<WebContents>(options.runtime.gate.sessions, (contents, closed) => contents.once('destroyed', closed));

  ipcMain.handle(IPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event, options.ownContents(), options.devServerUrl)) return refused;
    if (typeof channel !== 'string') return refused;
    const result = await options.runtime.dispatch(channel, input, windows.callerOf(event.sender));
    if (channel === 'app.setLocale' && result.ok) {
      const locale = (input as { locale?: unknown } | null)?.locale;
      if (typeof locale === 'string') options.onLocaleChanged(locale);
    }
    return result;
  });
  return windows;
}
