// Backups and the security settings (shared/backups.ts). The work is in backup.ts and restore.ts,
// which the app's schedule and the command line use too.
import type { backupsContract, SecuritySettings } from '../../../shared/backups';
import type { AppState, HandlersOf } from '../../core/context';
import { backupNow } from './backup';
import { listBackups } from './files';
import { restoreBackup } from './restore';
import { readSettings, writeSettings } from './settings';

/**
 * How the data folder is protected. Until the key file's reader (src/main/security/, brief A) is
 * wired here: encrypted when the database has a key, and no operating-system key store in this process.
 */
function protection(app: AppState): Pick<SecuritySettings, 'mode' | 'encrypted' | 'osKeyAvailable'> {
  return { mode: app.dbKey !== null ? 'password' : 'unset', encrypted: app.dbKey !== null, osKeyAvailable: false };
}

export const backupsHandlers: HandlersOf<typeof backupsContract> = {
  'backups.list': async (_input, ctx) => listBackups(ctx.app.dataDir),
  'backups.create': async (_input, ctx) => backupNow(ctx.app, 'manual'),
  'backups.restore': async ({ file }, ctx) => restoreBackup(ctx.app, file, ctx.session.userId),
  'security.settings': async (_input, ctx) => ({ ...protection(ctx.app), ...readSettings(ctx.app) }),
  'security.saveSettings': async (input, ctx) => writeSettings(ctx.db, input),
};
