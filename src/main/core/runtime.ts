// Opens a data folder and returns the dispatcher over it. Electron, the HTTP host, the CLI and
// the tests all start here, so they share one database file and one set of handlers.
// How the folder is protected (src/main/security/keyring.ts) decides when the database opens:
// no key file (never set up) or single-user mode → now, as the built-in owner; password mode →
// at the first successful sign-in, which unwraps the database key; then it stays open.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DB_FILE_NAME, openDatabase, type Db } from '../db/open';
import { readMeta } from '../db/meta';
import { HybridClock } from './hlc';
import { createDispatch, type Dispatch } from './dispatch';
import type { AppState } from './context';
import { handlers } from './handlers';
import { jobsOf } from '../jobs/registry';
import { OWNER_ID, ownerSession } from './session';
import { finishConversion } from '../security/convert';
import { Gate, type SecurityOptions, type TokenCaller } from '../security/gate';
import { readKeyring, type Keyring } from '../security/keyring';
import type { OsKeyStore } from '../security/os-key';
import type { SessionInfo } from '../../shared/permissions';
import type { Channel, Input, Output } from '../../shared/contract';
import { KehuError } from '../../shared/errors';

export const APP_VERSION = '0.1.0';

export interface Runtime {
  /** The open application; 'unauthenticated' while a password-protected database is locked. */
  readonly app: AppState;
  gate: Gate;
  dispatch: Dispatch;
  /**
   * Typed call that throws the KehuError on failure: for the CLI, tests and the demo seeder.
   * Without `session` it acts as this runtime's own caller: the owner where nobody signs in, else
   * whoever signed in through it (auth.login via `call`).
   */
  call<C extends Channel>(channel: C, input: Input<C>, session?: SessionInfo): Promise<Output<C>>;
  close(): Promise<void>;
}

/** This installation's device id, made once and kept in the file. */
async function deviceIdOf(db: Db): Promise<string> {
  const existing = await readMeta(db.kysely, 'device_id');
  if (existing) return existing;
  const id = randomBytes(8).toString('hex');
  await db.kysely.insertInto('meta').values({ key: 'device_id', value: id }).execute();
  return id;
}

async function ensureOwner(db: Db): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('users')
    .values({ id: OWNER_ID, name: ownerSession.userName, role: 'admin', created_at: now, updated_at: now, created_by: OWNER_ID, owner_id: OWNER_ID, deleted_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

async function openApp(dataDir: string, key: string | null, gate: Gate): Promise<AppState> {
  const db = await openDatabase(join(dataDir, DB_FILE_NAME), key);
  const deviceId = await deviceIdOf(db);
  await ensureOwner(db);
  const clock = new HybridClock(deviceId, await readMeta(db.kysely, 'hlc'));
  const app: AppState = {
    db,
    clock,
    deviceId,
    dataDir,
    version: APP_VERSION,
    dbKey: key,
    security: gate,
    async swapDatabase(replace) {
      await jobsOf(app).close();
      const file = app.db.file;
      await app.db.close();
      try {
        await replace(file);
      } finally {
        app.db = await openDatabase(file, app.dbKey);
        // The data and its users may have changed under every session (a restore): all sign in again.
        gate.sessions.endAll();
      }
    },
  };
  return app;
}

/** The key of a folder nobody signs in to: none (plain), or the one the operating system keeps. */
function singleUserKey(keyring: Keyring | null, osKeys: OsKeyStore): string | null {
  if (!keyring?.encrypted || !keyring.osWrapped) return null;
  if (!osKeys.isAvailable()) throw new KehuError({ code: 'unauthenticated', params: { reason: 'os_key_unavailable' } });
  return osKeys.decrypt(Buffer.from(keyring.osWrapped, 'base64')).toString('utf8');
}

export async function createRuntime(dataDir: string, options: SecurityOptions = {}): Promise<Runtime> {
  const keyring = readKeyring(dataDir);
  finishConversion(join(dataDir, DB_FILE_NAME), keyring?.encrypted ?? false);
  const gate: Gate = new Gate(dataDir, options, (key) => openApp(dataDir, key, gate));
  if (keyring?.mode !== 'password') await gate.unlock(singleUserKey(keyring, gate.osKeys));
  const dispatch = createDispatch(gate, handlers);
  const own: TokenCaller = {
    token: null,
    setToken(token) {
      own.token = token;
    },
  };
  return {
    get app() {
      return gate.openedApp();
    },
    gate,
    dispatch,
    async call(channel, input, session) {
      const result = await dispatch(channel, input, session ?? own);
      if (!result.ok) throw new KehuError(result.error);
      return result.data as never;
    },
    async close() {
      if (!gate.app) return;
      await jobsOf(gate.app).close();
      await gate.app.db.close();
    },
  };
}
