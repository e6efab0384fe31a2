// A job's write transaction, shaped exactly like the dispatcher's runMutation (core/dispatch.ts):
// ChangeSet → change_log + field clocks → audit row → meta 'hlc', all in one transaction on the
// job's own connection. BEGIN IMMEDIATE takes the write lock up front (no SQLITE_BUSY_SNAPSHOT
// half-way through a long import); the UI keeps reading through WAL meanwhile.
import type { Kysely } from 'kysely';
import { contract, type Channel } from '../../shared/contract';
import type { Database } from '../db/schema';
import { ChangeSet } from '../core/changes';
import type { AppState } from '../core/context';
import { writeAudit, writeChangeLog } from '../core/logs';

export async function inJobMutation<T>(
  app: AppState,
  channel: Channel,
  auditInput: unknown,
  userId: string,
  fn: (db: Kysely<Database>, now: string, changes: ChangeSet) => Promise<T>,
): Promise<T> {
  const sqlite = app.db.sqlite;
  const db = app.db.kysely;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    // Another thread may have moved the persisted clock since the job was started.
    const stored = (sqlite.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).get() as { value: string } | undefined)?.value;
    if (stored && stored > app.clock.current()) app.clock.recv(stored);
    const now = new Date().toISOString();
    const changes = new ChangeSet(db, userId, now);
    const data = await fn(db, now, changes);
    const records = changes.records();
    await writeChangeLog(db, app, records);
    await writeAudit(db, { at: now, userId, channel, entity: contract[channel].entity ?? null, records, input: auditInput, notes: changes.notes() });
    sqlite
      .prepare(`INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
      .run(app.clock.current());
    sqlite.exec('COMMIT');
    return data;
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  }
}
