// The sign-in gate: which screen shows before the app (first start, sign-in, lock) and the moves
// between them. The main process decides who is signed in; this only follows auth.status and the
// 'unauthenticated' answers of any channel.
import { create } from 'zustand';
import type { AuthStatus } from '../../../shared/auth';
import type { SessionInfo } from '../../../shared/permissions';
import { call, onUnauthenticated } from '../../api';
import { useApp } from '../app/store';

export type Gate = 'setup' | 'signIn' | 'app';

/** Who was signed in when the screen locked: the lock screen greets them. */
interface Locked {
  userId: string;
  name: string;
  /** The session ended by itself (idle expiry in the main process, a restore, a disabled user). */
  expired: boolean;
}

interface AuthStore {
  status: AuthStatus | null;
  gate: Gate;
  locked: Locked | null;
  /** The sign-in name last used on this computer, offered again on the sign-in and lock screens. */
  lastLogin: string;
  boot(): Promise<void>;
  /** After setup, sign-in or the second factor answered signed_in. */
  signedIn(session: SessionInfo, login: string): Promise<void>;
  lock(): Promise<void>;
  signOut(): Promise<void>;
  /** Re-reads auth.status (e.g. after the auto-lock time or the security mode changed). */
  refresh(): Promise<void>;
}

const LAST_LOGIN = 'kehu.lastLogin';

function gateOf(status: AuthStatus): Gate {
  if (status.state === 'setup') return 'setup';
  return status.state === 'signed_in' ? 'app' : 'signIn';
}

/** Hides the app behind `gate`; the lock screen greets whoever was signed in. */
function leaveApp(gate: Gate, expired: boolean): void {
  const session = useApp.getState().info?.session;
  // Left already (a lock and an ended session can race): keep greeting the same person.
  const locked = session ? { userId: session.userId, name: session.userName, expired } : useAuth.getState().locked;
  useAuth.setState({ gate, locked });
  useApp.getState().clear();
}

export const useAuth = create<AuthStore>((set, get) => {
  const enter = async (status: AuthStatus) => {
    set({ status });
    const gate = gateOf(status);
    if (gate === 'app') await useApp.getState().load();
    set({ gate, locked: gate === 'app' ? null : get().locked });
  };

  return {
    status: null,
    gate: 'signIn',
    locked: null,
    lastLogin: localStorage.getItem(LAST_LOGIN) ?? '',
    async boot() {
      const status = await call('auth.status', {});
      if (status.state !== 'signed_in' && status.locale) useApp.getState().showLocale(status.locale);
      await enter(status);
    },
    async signedIn(session, login) {
      if (login) {
        localStorage.setItem(LAST_LOGIN, login);
        set({ lastLogin: login });
      }
      // Someone else unlocked: start the renderer afresh so nothing the previous user loaded
      // lingers in a screen's memory (the new session survives the reload).
      const locked = get().locked;
      if (locked && locked.userId !== session.userId) return window.location.reload();
      await enter(await call('auth.status', {}));
    },
    async lock() {
      // The session may have ended already (idle expiry in the main process): lock regardless.
      await call('auth.logout', {}).catch(() => undefined);
      leaveApp('signIn', false);
    },
    async signOut() {
      await call('auth.logout', {}).catch(() => undefined);
      // A fresh start: the next person sees nothing of this one's data.
      window.location.reload();
    },
    async refresh() {
      set({ status: await call('auth.status', {}) });
    },
  };
});

// Any channel answering 'unauthenticated' while the app shows: back to the lock screen, unless
// the folder has no sign-in (single-user mode after a restore), where the app just reloads its state.
// Several calls fail at once: the first one decides.
let checking = false;
onUnauthenticated(() => {
  if (checking || useAuth.getState().gate !== 'app') return;
  checking = true;
  call('auth.status', {})
    .then((status) => {
      useAuth.setState({ status });
      if (status.state === 'signed_in') return useApp.getState().load();
      leaveApp(gateOf(status), true);
    })
    // Not even the status answers: the sign-in screen is the safe place to be.
    .catch(() => leaveApp('signIn', true))
    .finally(() => {
      checking = false;
    });
});
