// Restoring a backup. Everything that can fail is tried on a copy first (the file is readable
// with this database's key, passes integrity_check, was made by a Kehu that this build can open);
// only then is the current database backed up (before-restore) and the copy put in its place.
// A plain backup (made before the database was encrypted) is encrypted with the current key on the
// copy; an encrypted backup this key cannot read (made under another key, or the database is plain
// now) is refused with backups.errors.wrongKey: its key is gone, nothing here could open it.
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import type { BackupInfo } from '../../../shared/backups';
import { KehuError } from '../../../shared/errors';
import { jobsOf } from '../../jobs/registry';
import type { AppState } from '../../core/context';
import { writeAudit } from '../../core/logs';
import { applyKey, unknownMigrations, type Sqlite } from '../../db/open';
import { isEncryptedFile, rekeyCopy } from '../../security/convert';
import { backupNow } from './backup';
import { backupsDir, reasonOf } from './files';

const failure = (key: 'corrupt' | 'wrongKey' | 'fileName' | 'notFound', file: string) =>
  new KehuError({ code: key === 'notFound' ? 'not_found' : 'invalid_input', message: `backups.errors.${key}`, params: { file } });

/** The path of a backup named `file`, which must be one of ours directly inside backups/. */
function backupPath(dataDir: string, file: string): string {
  const dir = resolve(backupsDir(dataDir));
  const path = resolve(dir, file);
  if (dirname(path) !== dir || basename(path) !== file || reasonOf(file) === null) throw failure('fileName', file);
  if (!existsSync(path) || !statSync(path).isFile()) throw failure('notFound', file);
  return path;
}

const isNotADatabase = (e: unknown) => ['SQLITE_NOTADB', 'SQLITE_CORRUPT'].includes(String((e as { code?: unknown }).code));

/** Reads the copy through: a wrong key or garbage fails here (SQLITE_NOTADB), damage too. */
function checkCopy(sqlite: Sqlite, file: string, plain: boolean): void {
  let result: unknown;
  try {
    result = sqlite.pragma('integrity_check', { simple: true });
  } catch (e) {
    if (isNotADatabase(e)) throw failure(plain ? 'corrupt' : 'wrongKey', file);
    throw e;
  }
  if (result !== 'ok') throw failure('corrupt', file);
  const isKehu = sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('kysely_migration', 'meta')`).pluck().get() === 2;
  if (!isKehu) throw failure('corrupt', file);
  const unknown = unknownMigrations(sqlite);
  if (unknown.length > 0) throw new KehuError({ code: 'db_too_new', params: { file, migrations: unknown.join(', ') } });
}

/** Opens the staged copy with `key` (null: plain) and checks it. */
function checkStaged(staged: string, file: string, key: string | null): void {
  const sqlite = new BetterSqlite3(staged, { fileMustExist: true });
  try {
    applyKey(sqlite, key);
    checkCopy(sqlite, file, key === null);
  } finally {
    sqlite.close();
  }
}

/**
 * Copies the backup to `staged` and makes it ready to become the database: checked, and encrypted
 * like the current one. Throws a translated KehuError (and removes the copy) when it cannot be.
 */
function stageBackup(app: AppState, path: string, staged: string): void {
  const file = basename(path);
  const plain = !isEncryptedFile(path);
  if (!plain && app.dbKey === null) throw failure('wrongKey', file);
  copyFileSync(path, staged);
  try {
    checkStaged(staged, file, plain ? null : app.dbKey);
    if (plain && app.dbKey !== null) {
      rekeyCopy(staged, null, app.dbKey);
      checkStaged(staged, file, app.dbKey);
    }
  } catch (e) {
    rmSync(staged, { force: true });
    throw e;
  }
}

/**
 * Puts the backup `file` (a name in backups/) in place of the database, keeping the current one
 * as a before-restore backup first. Must run outside any transaction on app.db (it closes it).
 * The restored database records the restore in its own audit log.
 */
export async function restoreBackup(app: AppState, file: string, userId: string): Promise<{ safetyBackup: BackupInfo }> {
  const path = backupPath(app.dataDir, file);
  // A job's transaction holds the write lock, and swapping the file would cancel the job.
  if (jobsOf(app).holdsWriteLock()) throw new KehuError({ code: 'busy' });
  const staged = join(app.dataDir, 'kehu.db.restore.part');
  rmSync(staged, { force: true });
  stageBackup(app, path, staged);
  let safetyBackup: BackupInfo;
  try {
    safetyBackup = backupNow(app, 'before-restore');
    await app.swapDatabase((db) => {
      // A WAL left beside the file would be replayed into the restored one.
      for (const extra of ['-wal', '-shm', '-journal']) rmSync(db + extra, { force: true });
      renameSync(staged, db);
    });
  } finally {
    rmSync(staged, { force: true });
  }
  await app.db.kysely.transaction().execute(async (trx) => {
    await writeAudit(trx, { at: new Date().toISOString(), userId, channel: 'backups.restore', entity: 'backup', records: [], input: { file, safetyBackup: safetyBackup.file } });
    // The clock only moves forward: the restored file's stored clock is older than the changes this
    // device already made (and may have sent), and the next start reads it from there.
    await sql`INSERT INTO meta (key, value) VALUES ('hlc', ${app.clock.current()})
              ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`.execute(trx);
  });
  return { safetyBackup };
}
