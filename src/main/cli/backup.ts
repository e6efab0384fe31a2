// `kehu backup` and `kehu restore FILE`: the same channels as the app's backup screen
// (backups.create, backups.restore), so the checks, the safety copy and the audit rows are the same.
// A FILE outside the data folder's backups/ is copied in first (as a manual backup) and restored
// from there; if it cannot be restored, that copy is removed again.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Runtime } from '../core/runtime';
import { KehuError } from '../../shared/errors';
import { backupsDir, newBackupName, reasonOf } from '../features/backups/files';

export class BackupUsageError extends Error {}

/** What a refused restore says on a terminal, by the error's i18n key. */
const REFUSALS: Record<string, string> = {
  'backups.errors.corrupt': 'is damaged or not a Kehu database',
  'backups.errors.wrongKey': 'cannot be read with this database\'s key (damaged, or encrypted under another key)',
  'backups.errors.fileName': 'is not a backup name',
  'backups.errors.notFound': 'does not exist',
  'errors.db_too_new': 'was made by a newer version of Kehu CRM (update Kehu CRM first)',
};

export async function runBackupCli(rt: Runtime, print: (text: string) => void): Promise<number> {
  const made = await rt.call('backups.create', {});
  print(`Backed up to ${join(backupsDir(rt.app.dataDir), made.file)} (${made.bytes.toLocaleString('en')} bytes${made.encrypted ? ', encrypted' : ''}).`);
  return 0;
}

/** The backup's name in backups/: FILE itself when it is one there, else a copy of FILE made there. */
function backupName(dataDir: string, file: string): { name: string; copied: boolean } {
  const dir = resolve(backupsDir(dataDir));
  const name = basename(file);
  const bare = name === file || dirname(resolve(file)) === dir;
  if (bare && reasonOf(name) !== null && existsSync(join(dir, name))) return { name, copied: false };
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupUsageError(`No backup named ${file} in ${dir}, and no such file.`);
  mkdirSync(dir, { recursive: true });
  const copy = newBackupName(dataDir, 'manual');
  copyFileSync(file, join(dir, copy));
  return { name: copy, copied: true };
}

export async function runRestoreCli(rt: Runtime, file: string | undefined, print: (text: string) => void, printError: (text: string) => void): Promise<number> {
  if (!file) throw new BackupUsageError('restore needs FILE: a backup name from the backups folder, or a path');
  const { name, copied } = backupName(rt.app.dataDir, file);
  try {
    const { safetyBackup } = await rt.call('backups.restore', { file: name });
    print(`Restored ${name}. The database as it was is kept as ${join(backupsDir(rt.app.dataDir), safetyBackup.file)}.`);
    return 0;
  } catch (e) {
    if (copied) rmSync(join(backupsDir(rt.app.dataDir), name), { force: true });
    const refusal = e instanceof KehuError ? REFUSALS[e.message] : undefined;
    if (!refusal) throw e;
    printError(`Not restored: ${file} ${refusal}. Nothing was changed.`);
    return 1;
  }
}
