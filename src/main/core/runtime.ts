// Opens a data folder and returns the dispatcher over it. Electron, the HTTP host, the CLI and
// the tests all start here, so they share one database file and one set of handlers.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DB_FILE_NAME, openDatabase, type Db } from '../db/open';
import { HybridClock } from './hlc';
import { createDispatch, type Dispatch } from './dispatch';
import type { AppState } from './context';
import { handlers } from './handlers';
import { jobsOf } from '../jobs/registry';
import { OWNER_ID, ownerSession } from './session';
import type { SessionInfo } from '../../shared/permissions';
import type { Channel, Input, Output } from '../../shared/contract';
import { KehuError } from '../../shared/errors';

export const APP_VERSION = '0.1.0';

export interface Runtime {
  app: AppState;
  dispatch: Dispatch;
  /** Typed call that throws the KehuError on failure: for the CLI, tests and the demo seeder. */
  call<C extends Channel>(channel: C, input: Input<C>, session?: SessionInfo): Promise<Output<C>>;
  close(): Promise<void>;
}

async function readMeta(db: Db, key: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** This installation's device id, made once and kept in the file. */
async function deviceIdOf(db: Db): Promise<string> {
  const existing = await readMeta(db, 'device_id');
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

export async function createRuntime(dataDir: string): Promise<Runtime> {
  const db = await openDatabase(join(dataDir, DB_FILE_NAME));
  const deviceId = await deviceIdOf(db);
  await ensureOwner(db);
  const clock = new HybridClock(deviceId, await readMeta(db, 'hlc'));
  const app: AppState = {
    db,
    clock,
    deviceId,
    dataDir,
    version: APP_VERSION,
    dbKey: null,
    async swapDatabase(replace) {
      await jobsOf(app).close();
      const file = app.db.file;
      await app.db.close();
      try {
        await replace(file);
      } finally {
        app.db = await openDatabase(file, app.dbKey);
      }
    },
  };
  const dispatch = createDispatch(app, handlers);
  return {
    app,
    dispatch,
    async call(channel, input, session = ownerSession) {
      const result = await dispatch(channel, input, session);
      if (!result.ok) throw new KehuError(result.error);
      return result.data as never;
    },
    async close() {
      await jobsOf(app).close();
      await db.close();
    },
  };
}
