// The backup files in <dataDir>/backups/: their names, what the list shows of them, and which ones
// retention removes. Names: kehu-<YYYYMMDD-HHmmss UTC>-<reason>[-n].db; db/open.ts's older
// before-migration-<ISO stamp>.db copies are listed too.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/backups';
import { backupStamp, isEncryptedFile } from '../../security/convert';

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

const REASONS = ['daily', 'quit', 'manual', 'before-restore', 'before-migration', 'before-encryption'] as const satisfies readonly BackupReason[];
const NAME = new RegExp(`^kehu-\\d{8}-\\d{6}-(${REASONS.join('|')})(-\\d+)?\\.db$`);
const MIGRATION_COPY = /^before-migration-[\dT-]+Z\.db$/;

/** The reason a backup file was made, from its name; null: not one of ours. */
export function reasonOf(file: string): BackupReason | null {
  const m = NAME.exec(file);
  if (m) return m[1] as BackupReason;
  return MIGRATION_COPY.test(file) ? 'before-migration' : null;
}

/** Safety copies made before a risky change are kept apart from the regular ones. */
export const isSafetyCopy = (reason: BackupReason) => reason.startsWith('before-');

/** A new file name for now (a number is added when that second already has one). */
export function newBackupName(dataDir: string, reason: BackupReason, at = new Date()): string {
  const stamp = backupStamp(at);
  const dir = backupsDir(dataDir);
  let name = `kehu-${stamp}-${reason}.db`;
  for (let n = 2; existsSync(join(dir, name)) || existsSync(join(dir, `${name}.part`)); n++) name = `kehu-${stamp}-${reason}-${n}.db`;
  return name;
}

export function backupInfo(dataDir: string, file: string): BackupInfo {
  const path = join(backupsDir(dataDir), file);
  const st = statSync(path);
  return { file, at: st.mtime.toISOString(), bytes: st.size, reason: reasonOf(file) ?? 'manual', encrypted: isEncryptedFile(path) };
}

/** Every backup, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => reasonOf(f) !== null)
    .map((f) => backupInfo(dataDir, f))
    .sort((a, b) => b.at.localeCompare(a.at) || b.file.localeCompare(a.file));
}
