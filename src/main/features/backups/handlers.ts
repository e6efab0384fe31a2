// Backups and the security settings (shared/backups.ts). The work is in backup.ts and restore.ts,
// which the app's schedule and the command line use too.
import type { backupsContract, SecuritySettings } from '../../../shared/backups';
import type { AppState, HandlersOf } from '../../core/context';
import { readKeyring } from '../../security/keyring';
import { backupNow } from './backup';
import { listBackups } from './files';
import { restoreBackup } from './restore';
import { readSettings, writeSettings } from './settings';

/** How the data folder is protected (its key file), and whether the operating system could keep a key. */
function protection(app: AppState): Pick<SecuritySettings, 'mode' | 'encrypted' | 'osKeyAvailable'> {
  const keyring = readKeyring(app.dataDir);
  return { mode: keyring?.mode ?? 'unset', encrypted: app.dbKey !== null, osKeyAvailable: app.security?.osKeys.isAvailable() ?? false };
}

export const backupsHandlers: HandlersOf<typeof backupsContract> = {
  'backups.list': async (_input, ctx) => listBackups(ctx.app.dataDir),
  'backups.create': async (_input, ctx) => backupNow(ctx.app, 'manual'),
  'backups.restore': async ({ file }, ctx) => restoreBackup(ctx.app, file, ctx.session.userId),
  'security.settings': async (_input, ctx) => ({ ...protection(ctx.app), ...readSettings(ctx.app) }),
  'security.saveSettings': async (input, ctx) => writeSettings(ctx.db, input),
};
