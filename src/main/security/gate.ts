// The data folder's lock: how it is protected (the key file), whether the database is open yet,
// and who is signed in. The runtime has one; the auth channels and every transport's session go
// through it.
import { randomBytes } from 'node:crypto';
import type { AppState } from '../core/context';
import { ownerSession } from '../core/session';
import { readSettings } from '../features/backups/settings';
import { sessionOf } from '../features/users/session-of';
import type { SecurityMode } from '../../shared/auth';
import { KehuError } from '../../shared/errors';
import type { SessionInfo } from '../../shared/permissions';
import { SCRYPT_PARAMS, type ScryptParams } from './crypto';
import { keyringVersion, readKeyring, updateKeyring, type Keyring, type PendingAudit } from './keyring';
import { noOsKeyStore, type OsKeyStore } from './os-key';
import { Sessions } from './sessions';

export interface SecurityOptions {
  /** Electron's safeStorage; none under Node. */
  osKeys?: OsKeyStore;
  /** Cost of new password hashes (tests lower it; stored per user, so checks use the stored one). */
  scrypt?: ScryptParams;
  /** Milliseconds since the epoch (tests move time on). */
  now?: () => number;
}

/** A transport's caller: the session token it holds (a cookie, a window's), which sign-in and sign-out change. */
export interface TokenCaller {
  token: string | null;
  setToken(token: string | null): void;
}

const TICKET_MS = 5 * 60_000;
const MAX_PENDING_AUDIT = 1000;

interface Ticket {
  userId: string;
  login: string;
  expires: number;
}

export class Gate {
  /** null while a password-protected database waits for its first sign-in. */
  app: AppState | null = null;
  readonly sessions = new Sessions();
  /** Per user, the last TOTP step signed in with (a code is taken once). */
  readonly usedTotpSteps = new Map<string, number>();
  readonly osKeys: OsKeyStore;
  readonly scrypt: ScryptParams;
  readonly now: () => number;
  private readonly tickets = new Map<string, Ticket>();
  private opening: Promise<AppState> | null = null;
  private cached: { version: string; keyring: Keyring | null } | null = null;
  private readonly openListeners: ((app: AppState) => void)[] = [];

  constructor(
    readonly dataDir: string,
    options: SecurityOptions,
    private readonly openApp: (key: string | null) => Promise<AppState>,
  ) {
    this.osKeys = options.osKeys ?? noOsKeyStore;
    this.scrypt = options.scrypt ?? SCRYPT_PARAMS;
    this.now = options.now ?? Date.now;
  }

  /** The key file as it is now (read again only when it was replaced: every call asks for the mode). */
  keyring(): Keyring | null {
    const version = keyringVersion(this.dataDir);
    if (this.cached?.version !== version) this.cached = { version, keyring: readKeyring(this.dataDir) };
    return this.cached.keyring;
  }

  mode(): SecurityMode {
    return this.keyring()?.mode ?? 'unset';
  }

  /** The open application, or 'unauthenticated' while the database is locked. */
  openedApp(): AppState {
    if (!this.app) throw new KehuError({ code: 'unauthenticated' });
    return this.app;
  }

  /** Opens the database with its key (once per process), then writes the failed sign-ins kept meanwhile. */
  async unlock(key: string | null): Promise<AppState> {
    if (!this.app) {
      // Two sign-ins at once share one opening (one connection).
      this.opening ??= this.openApp(key).finally(() => (this.opening = null));
      const opened = await this.opening;
      if (!this.app) {
        this.app = opened;
        for (const listener of this.openListeners.splice(0)) listener(opened);
      }
    }
    await this.flushPendingAudit(this.app);
    return this.app;
  }

  /** Runs `listener` once the database is open: now, or at the first sign-in (e.g. the backup schedule). */
  whenOpen(listener: (app: AppState) => void): void {
    if (this.app) listener(this.app);
    else this.openListeners.push(listener);
  }

  /** Who a transport caller is: the owner where nobody signs in, else the user of a live session. */
  async sessionFor(caller: TokenCaller): Promise<SessionInfo | null> {
    if (this.mode() !== 'password') return ownerSession;
    if (!this.app || !caller.token) return null;
    const userId = this.sessions.touch(caller.token, this.now(), readSettings(this.app).idleLockMinutes * 60_000);
    if (!userId) return null;
    return sessionOf(this.app.db.kysely, userId);
  }

  /** Starts a session for the user and hands its token to the caller's transport. */
  signIn(caller: TokenCaller, userId: string): void {
    if (caller.token) this.sessions.end(caller.token);
    caller.setToken(this.sessions.create(userId, this.now()));
  }

  signOut(caller: TokenCaller): void {
    if (caller.token) this.sessions.end(caller.token);
    caller.setToken(null);
  }

  newTicket(userId: string, login: string): string {
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { userId, login, expires: this.now() + TICKET_MS });
    return ticket;
  }

  ticket(ticket: string): Ticket | null {
    const found = this.tickets.get(ticket);
    if (!found || found.expires < this.now()) {
      this.tickets.delete(ticket);
      return null;
    }
    return found;
  }

  endTicket(ticket: string): void {
    this.tickets.delete(ticket);
  }

  /** A sign-in event: into audit_log when the database is open, else kept in the key file until it opens. */
  async recordAuth(event: PendingAudit & { userId: string }): Promise<void> {
    if (this.app) {
      await insertAuthAudit(this.app, event);
      return;
    }
    updateKeyring(this.dataDir, (k) => {
      // Bounded: a flood of wrong passwords must not grow the key file without end.
      k.pendingAudit = [...k.pendingAudit, { at: event.at, action: event.action, login: event.login }].slice(-MAX_PENDING_AUDIT);
    });
  }

  private async flushPendingAudit(app: AppState): Promise<void> {
    const pending = this.keyring()?.pendingAudit ?? [];
    if (pending.length === 0) return;
    const logins = this.keyring()?.users ?? [];
    for (const event of pending) {
      await insertAuthAudit(app, { ...event, userId: logins.find((u) => u.login === event.login)?.userId ?? '' });
    }
    updateKeyring(this.dataDir, (k) => {
      k.pendingAudit = k.pendingAudit.slice(pending.length);
    });
  }
}

/** Sign-in events are not mutations (a failed one must stay even though the call fails). */
export async function insertAuthAudit(app: AppState, event: PendingAudit & { userId: string }): Promise<void> {
  await app.db.kysely
    .insertInto('audit_log')
    .values({
      at: event.at,
      user_id: event.userId,
      action: event.action,
      entity: 'user',
      entity_ids: JSON.stringify(event.userId ? [event.userId] : []),
      before: null,
      after: null,
      input: JSON.stringify({ login: event.login }),
    })
    .execute();
}
