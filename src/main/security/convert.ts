// Changing the database file's encryption (plain ↔ encrypted), safely:
//   1. a backup of the file as it is (backups/kehu-<stamp>-before-encryption.db);
//   2. with the database closed, a COPY (kehu.db.converting) is rekeyed and integrity-checked;
//   3. `commit` records the new setting (the key file), and only then
//   4. the copy is renamed over kehu.db.
// A failure before 3 removes the copy and changes nothing. A crash between 3 and 4 leaves a
// verified copy that matches the key file: `finishConversion` completes the rename at the next start.
// Going plain also decrypts the backups (their key is forgotten). Going encrypted leaves older plain
// backups plain (they are what they were; see the report of issue #5).
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyKey, type Sqlite } from '../db/open';
import type { AppState } from '../core/context';
import { backupNow } from '../features/backups/backup';
import { backupsDir } from '../features/backups/files';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0');

/** An SQLite file that is not plain (an encrypted one has random-looking first bytes). */
export function isEncryptedFile(file: string): boolean {
  const head = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return !head.equals(PLAIN_HEADER);
}

const convertingPath = (file: string) => `${file}.converting`;

/** `YYYYMMDD-HHmmss` in UTC, as backup names use. */
export function backupStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Re-encrypts a closed database file in place: from key `from` to key `to` (null: plain). */
export function rekeyCopy(copy: string, from: string | null, to: string | null): void {
  const sqlite = new BetterSqlite3(copy);
  try {
    applyKey(sqlite, from);
    // rekey rewrites the file in place, which needs a rollback journal (not WAL).
    sqlite.pragma('journal_mode = DELETE');
    if (to === null) {
      sqlite.pragma(`rekey=''`);
    } else {
      if (from === null) setCipher(sqlite);
      sqlite.pragma(`rekey="x'${to}'"`);
    }
  } finally {
    sqlite.close();
  }
}

/** The cipher a plain connection encrypts with (applyKey sets the same for reading). */
function setCipher(sqlite: Sqlite): void {
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
}

function checkCopy(copy: string, key: string | null): void {
  const sqlite = new BetterSqlite3(copy, { readonly: true });
  try {
    applyKey(sqlite, key);
    const result = sqlite.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the converted copy failed its integrity check: ${String(result)}`);
  } finally {
    sqlite.close();
  }
}

/**
 * Re-encrypts the open database with `nextKey` (null: plain). `commit` runs once the converted copy
 * is verified and before it replaces the file; app.dbKey is `nextKey` afterwards.
 */
export async function convertDatabase(app: AppState, nextKey: string | null, commit: () => void): Promise<void> {
  backupNow(app, 'before-encryption');
  app.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const from = app.dbKey;
  await app.swapDatabase((file) => {
    const copy = convertingPath(file);
    try {
      rmSync(copy, { force: true });
      copyFileSync(file, copy);
      rekeyCopy(copy, from, nextKey);
      checkCopy(copy, nextKey);
      commit();
    } catch (e) {
      rmSync(copy, { force: true });
      throw e;
    }
    replaceFile(copy, file);
    app.dbKey = nextKey;
  });
  if (from !== nextKey) rekeyBackups(app.dataDir, from, nextKey);
}

/**
 * Backups follow the database: a plain copy beside an encrypted database would hand its customers
 * to whoever finds the laptop, and a copy under a forgotten key would never open again. Those made
 * under the old setting are converted; one that cannot be (another folder's, damaged) stays as it is.
 */
function rekeyBackups(dataDir: string, from: string | null, to: string | null): void {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.db'))) {
    const file = join(dir, name);
    if (isEncryptedFile(file) !== (from !== null)) continue;
    const copy = convertingPath(file);
    try {
      copyFileSync(file, copy);
      rekeyCopy(copy, from, to);
      checkCopy(copy, to);
      renameSync(copy, file);
    } catch (e) {
      rmSync(copy, { force: true });
      console.error(`[kehu] backup ${name} keeps its old protection:`, e);
    }
  }
}

function replaceFile(copy: string, file: string): void {
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  renameSync(copy, file);
}

/**
 * At start, before opening: a converted copy left by a crash replaces the file when the key file
 * already describes it (step 3 happened); any other leftover is an unfinished copy and goes.
 */
export function finishConversion(file: string, encrypted: boolean): void {
  const copy = convertingPath(file);
  if (!existsSync(copy)) return;
  const done = existsSync(file) && isEncryptedFile(file) === encrypted;
  if (!done && isEncryptedFile(copy) === encrypted) replaceFile(copy, file);
  else rmSync(copy, { force: true });
}
