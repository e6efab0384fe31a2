// Opens (creating if needed) the one SQLite file, sets the pragmas, refuses a database made by
// a newer Kehu, backs the file up and runs pending migrations.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../../migrations';
import { KehuError } from '../../shared/errors';
import type { Database } from './schema';
import { AUTOCHECKPOINT_PAGES, IdleCheckpoint } from './checkpoint';
import { keptStatements } from './statements';

export type Sqlite = BetterSqlite3.Database;

export interface Db {
  sqlite: Sqlite;
  kysely: Kysely<Database>;
  file: string;
  /** The main connection's: a transaction was committed (checkpoint.ts). Absent in a job thread. */
  wrote?(): void;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'kehu.db';

/**
 * Unlocks an encrypted file (SQLCipher 4 format, better-sqlite3-multiple-ciphers) with a raw
 * 256-bit key given as 64 hex digits. Must run before anything reads the file; null: a plain file.
 */
export function applyKey(sqlite: Sqlite, key: string | null): void {
  if (key === null) return;
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('database key must be 64 lower-case hex digits');
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${key}'"`);
}

export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of pages kept decrypted: past SQLite's own cache an encrypted file decrypts every page it
  // reads again (at 100k contacts: search p95 3.5 → 1.5 ms, tag lists 21 → 6 ms; bench/README.md).
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
}

/** Migration names stored in the file that this build does not know: a newer Kehu made it. */
export function unknownMigrations(sqlite: Sqlite): string[] {
  const table = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`)
    .get();
  if (!table) return [];
  const applied = sqlite.prepare('SELECT name FROM kysely_migration').pluck().all() as string[];
  return applied.filter((name) => !(name in migrations));
}

function pendingMigrations(sqlite: Sqlite): number {
  const table = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`)
    .get();
  const applied = table ? (sqlite.prepare('SELECT count(*) FROM kysely_migration').pluck().get() as number) : 0;
  return Object.keys(migrations).length - applied;
}

export async function openDatabase(file: string, key: string | null = null): Promise<Db> {
  mkdirSync(dirname(file), { recursive: true });
  const existed = existsSync(file);
  const sqlite = new BetterSqlite3(file);
  try {
    applyKey(sqlite, key);
    applyPragmas(sqlite);
    const unknown = unknownMigrations(sqlite);
    if (unknown.length > 0) {
      throw new KehuError({ code: 'db_too_new', params: { file, migrations: unknown.join(', ') } });
    }
    if (existed && pendingMigrations(sqlite) > 0) backupBeforeMigration(sqlite, file);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: keptStatements(sqlite) }) });
  const migrator = new Migrator({ db: kysely, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await kysely.destroy();
    throw error;
  }
  const checkpoint = new IdleCheckpoint(sqlite);
  return {
    sqlite,
    kysely,
    file,
    wrote: () => checkpoint.wrote(),
    close: () => {
      checkpoint.stop();
      return kysely.destroy();
    },
  };
}

function backupBeforeMigration(sqlite: Sqlite, file: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = join(dirname(file), 'backups');
  mkdirSync(dir, { recursive: true });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(file, join(dir, `before-migration-${stamp}.db`));
}

/**
 * SQLite's "the database is locked": another connection (a CLI or a second window on the same
 * folder) held the write lock for all of busy_timeout, or wrote between a transaction's reads and
 * its first write (SQLITE_BUSY_SNAPSHOT). Everything rolled back; trying again can succeed.
 */
export const isSqliteBusy = (e: unknown): boolean => typeof e === 'object' && e !== null && String((e as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
