// Making a backup: `VACUUM INTO` a .part file, then rename. VACUUM cannot run inside a transaction
// (and a mutation's handler runs inside the dispatcher's), so it runs on a short-lived second
// connection to the same file: through WAL it sees exactly what is committed, and opened with the
// database key it writes a copy encrypted with that same key (a plain database gives a plain copy).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { BackupInfo, BackupReason } from '../../../shared/backups';
import type { AppState } from '../../core/context';
import { applyKey } from '../../db/open';
import { backupInfo, backupsDir, isSafetyCopy, listBackups, newBackupName } from './files';
import { readSettings } from './settings';

/** Copies the database into `target` (which must not exist), readable with the same key. */
function copyDatabase(app: AppState, target: string): void {
  const sqlite = new BetterSqlite3(app.db.file, { readonly: true, fileMustExist: true });
  try {
    applyKey(sqlite, app.dbKey);
    sqlite.prepare('VACUUM INTO ?').run(target);
  } finally {
    sqlite.close();
  }
}

/** Makes a backup now, then applies retention (`backup_keep`); the new one is never removed. */
export function backupNow(app: AppState, reason: BackupReason): BackupInfo {
  const dir = backupsDir(app.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = newBackupName(app.dataDir, reason);
  const part = join(dir, `${file}.part`);
  try {
    copyDatabase(app, part);
    renameSync(part, join(dir, file));
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
  pruneBackups(app, readSettings(app).backupKeep, file);
  return backupInfo(app.dataDir, file);
}

/** Safety copies kept, whatever `backupKeep` says. */
export const SAFETY_COPIES_KEPT = 5;

/** A backup's .part this old was left by a crash (writing one takes seconds, not a day). */
const STALE_PART_MS = 24 * 60 * 60_000;

/**
 * Removes the regular backups beyond the newest `keep` and the safety copies beyond the newest
 * SAFETY_COPIES_KEPT; `except` (the one just made) always stays. Returns the removed names.
 * Stale .part files go too.
 */
export function pruneBackups(app: AppState, keep: number, except: string | null = null): string[] {
  const dir = backupsDir(app.dataDir);
  const all = listBackups(app.dataDir);
  const regular = all.filter((b) => !isSafetyCopy(b.reason)).slice(keep);
  const safety = all.filter((b) => isSafetyCopy(b.reason)).slice(SAFETY_COPIES_KEPT);
  const doomed = [...regular, ...safety].filter((b) => b.file !== except);
  for (const b of doomed) rmSync(join(dir, b.file), { force: true });
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    if (f.endsWith('.db.part') && Date.now() - statSync(join(dir, f)).mtimeMs > STALE_PART_MS) rmSync(join(dir, f), { force: true });
  }
  return doomed.map((b) => b.file);
}
