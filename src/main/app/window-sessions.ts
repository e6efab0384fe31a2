// Electron keeps who is signed in per window, in main: a session token per webContents, never
// given to the renderer. A window's session ends when the window goes.
import type { TokenCaller } from '../security/gate';
import type { Sessions } from '../security/sessions';

export interface WindowSessions<W extends object> {
  /** The session holder of a window: its sign-in is the one every call from it acts as. */
  callerOf(window: W): TokenCaller;
}

/** `watch` calls `closed` once the window is gone (webContents 'destroyed'). */
export function windowSessions<W extends object>(sessions: Sessions, watch: (window: W, closed: () => void) => void): WindowSessions<W> {
  const tokens = new Map<W, string>();
  const watched = new WeakSet<W>();
  const closed = (window: W) => {
    const token = tokens.get(window);
    if (token) sessions.end(token);
    tokens.delete(window);
  };
  return {
    callerOf: (window) => ({
      token: tokens.get(window) ?? null,
      setToken(token) {
        if (token === null) {
          tokens.delete(window);
          return;
        }
        if (!watched.has(window)) {
          watched.add(window);
          watch(window, () => closed(window));
        }
        tokens.set(window, token);
      },
    }),
  };
}
