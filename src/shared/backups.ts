// Backups and security settings (issue #5): automatic daily and at-quit backups kept to a count,
// "back up now", restore after an integrity check; the auto-lock time and the encryption mode.
import { z } from 'zod';
import type { SecurityMode } from './auth';
import { channel } from './contract-kit';

export type BackupReason = 'daily' | 'quit' | 'manual' | 'before-restore' | 'before-migration' | 'before-encryption';

export interface BackupInfo {
  /** File name inside the data folder's backups/ (never a path). */
  file: string;
  at: string;
  bytes: number;
  reason: BackupReason;
  encrypted: boolean;
}

export interface SecuritySettings {
  mode: SecurityMode;
  encrypted: boolean;
  osKeyAvailable: boolean;
  /** 0 = never lock. */
  idleLockMinutes: number;
  backupDaily: boolean;
  backupAtQuit: boolean;
  /** Automatic backups kept (older ones are removed); manual ones count too. */
  backupKeep: number;
}

export const SettingsInput = z.object({
  idleLockMinutes: z.number().int().min(0).max(24 * 60),
  backupDaily: z.boolean(),
  backupAtQuit: z.boolean(),
  backupKeep: z.number().int().min(1).max(365),
});

const backupFile = z.string().regex(/^[\w.-]{1,200}\.db$/, 'backups.errors.fileName');

export const backupsContract = {
  'backups.list': channel<BackupInfo[]>()({ kind: 'query', permission: 'backup.run', input: z.object({}) }),
  'backups.create': channel<BackupInfo>()({ kind: 'mutation', permission: 'backup.run', input: z.object({}), entity: 'backup' }),
  /**
   * Checks the backup, backs up the current database, then puts the backup in its place. Everyone signs in again.
   * Kind 'query' (like io.startExport): it closes and replaces the database, which cannot happen inside the
   * dispatcher's transaction; it writes its own audit row, into the restored database.
   */
  'backups.restore': channel<{ safetyBackup: BackupInfo }>()({
    kind: 'query',
    permission: 'security.admin',
    input: z.object({ file: backupFile }),
    entity: 'backup',
  }),
  'security.settings': channel<SecuritySettings>()({ kind: 'query', permission: 'security.admin', input: z.object({}) }),
  'security.saveSettings': channel<void>()({ kind: 'mutation', permission: 'security.admin', input: SettingsInput, entity: 'setting' }),
};
