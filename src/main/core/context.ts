// What every handler receives, and the types that make a missing handler a compile error.
import type { Kysely } from 'kysely';
import type { authContract } from '../../shared/auth';
import type { Channel, Output, ParsedInput } from '../../shared/contract';
import type { SessionInfo } from '../../shared/permissions';
import type { Db } from '../db/open';
import type { Database } from '../db/schema';
import type { ScryptParams } from '../security/crypto';
import type { Gate, TokenCaller } from '../security/gate';
import type { OsKeyStore } from '../security/os-key';
import type { ChangeSet } from './changes';
import type { HybridClock } from './hlc';

/** The open application: its database, clock and folders. One per data folder. */
export interface AppState {
  db: Db;
  clock: HybridClock;
  deviceId: string;
  dataDir: string;
  version: string;
  /** The database key, 64 hex digits (null: a plain file). Job threads and backups open the file with it. */
  dbKey: string | null;
  /**
   * Closes the database, lets `replace` change the closed file (restore a backup, change the
   * encryption), then opens it again with `dbKey` (which `replace` may have changed).
   */
  swapDatabase(replace: (file: string) => Promise<void> | void): Promise<void>;
  /**
   * The runtime's sign-in settings: cost of new password hashes, the clock of lockouts, whether the
   * operating system can keep the database key (absent, in a job thread: the defaults, no OS key).
   */
  security?: { scrypt: ScryptParams; now(): number; osKeys: OsKeyStore };
}

export interface Ctx {
  /** The transaction in a mutation, the database in a query. Never reach for another handle. */
  db: Kysely<Database>;
  session: SessionInfo;
  /** Writes to synced tables (records change_log and audit). Refuses to write in a query. */
  changes: ChangeSet;
  /** The mutation's time, ISO-8601 UTC: use it for created_at/updated_at/deleted_at. */
  now: string;
  app: AppState;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: Ctx) => Promise<Output<C>>;

/** The handlers of a domain: exactly the channels of its contract table. */
export type HandlersOf<T> = { [C in keyof T & Channel]: Handler<C> };

/** Sign-in and the data folder's protection: they answer while the database is still locked. */
export type AuthChannel = keyof typeof authContract & Channel;

export interface AuthCtx {
  gate: Gate;
  /** null: nobody is signed in (only `public` channels get here without a session). */
  session: SessionInfo | null;
  /** The transport's session token holder: sign-in sets it, sign-out clears it. */
  caller: TokenCaller;
  /** Runs `fn` as a mutation of this channel on the open database (one transaction, change_log, audit). */
  mutate<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
}

export type AuthHandler<C extends AuthChannel> = (input: ParsedInput<C>, ctx: AuthCtx) => Promise<Output<C>>;

export type AuthHandlersOf<T> = { [C in keyof T & AuthChannel]: AuthHandler<C> };

export type Handlers = HandlersOf<Record<Exclude<Channel, AuthChannel>, unknown>> & AuthHandlersOf<typeof authContract>;
