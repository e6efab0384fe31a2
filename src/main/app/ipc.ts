// The one IPC channel, 'kehu:invoke' → dispatch. Only our own window's main frame, showing our
// own renderer, may call it (VS Code's validatedIpcMain; Electron security checklist item 17).
// Who is signed in is kept here in main, one session token per window (webContents): the renderer
// never sees it.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Runtime } from '../core/runtime';
import type { TokenCaller } from '../security/gate';
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

export interface Ipc {
  /** The session holder of a window: its sign-in is the one every call from it acts as. */
  callerOf(contents: WebContents): TokenCaller;
}

export function registerIpc(options: IpcOptions): Ipc {
  const tokens = new Map<WebContents, string>();
  const callerOf = (contents: WebContents): TokenCaller => ({
    token: tokens.get(contents) ?? null,
    setToken(token) {
      if (token === null) {
        tokens.delete(contents);
        return;
      }
      if (!tokens.has(contents)) contents.once('destroyed', () => endSession(contents));
      tokens.set(contents, token);
    },
  });
  /** A closed window's session ends with it. */
  const endSession = (contents: WebContents) => {
    const token = tokens.get(contents);
    if (token) options.runtime.gate.sessions.end(token);
    tokens.delete(contents);
  };

  ipcMain.handle(IPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event, options.ownContents(), options.devServerUrl)) return refused;
    if (typeof channel !== 'string') return refused;
    const result = await options.runtime.dispatch(channel, input, callerOf(event.sender));
    if (channel === 'app.setLocale' && result.ok) {
      const locale = (input as { locale?: unknown } | null)?.locale;
      if (typeof locale === 'string') options.onLocaleChanged(locale);
    }
    return result;
  });
  return { callerOf };
}
