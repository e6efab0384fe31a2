// The security settings kept in `meta` (local to this device, never synced): auto-lock minutes and
// the backup schedule. Read synchronously on the raw connection so the backup timer and the quit
// hook need no async plumbing; written by security.saveSettings inside its transaction.
import type { Kysely } from 'kysely';
import type { SecuritySettings } from '../../../shared/backups';
import type { AppState } from '../../core/context';
import type { Database } from '../../db/schema';
import { writeMeta } from '../../db/meta';

export type StoredSettings = Pick<SecuritySettings, 'idleLockMinutes' | 'backupDaily' | 'backupAtQuit' | 'backupKeep'>;

const KEYS = { idleLockMinutes: 'idle_lock_minutes', backupDaily: 'backup_daily', backupAtQuit: 'backup_at_quit', backupKeep: 'backup_keep' } as const;

const DEFAULT_SETTINGS: StoredSettings = { idleLockMinutes: 15, backupDaily: true, backupAtQuit: true, backupKeep: 10 };

/** A stored value that is missing or not what we wrote (edited by hand) falls back to the default. */
function parse<K extends keyof StoredSettings>(key: K, value: string | undefined): StoredSettings[K] {
  const fallback = DEFAULT_SETTINGS[key];
  if (value === undefined) return fallback;
  if (typeof fallback === 'boolean') return (value === '1' ? true : value === '0' ? false : fallback) as StoredSettings[K];
  const n = Number(value);
  return (Number.isInteger(n) && n >= 0 ? n : fallback) as StoredSettings[K];
}

export function readSettings(app: AppState): StoredSettings {
  const rows = app.db.sqlite.prepare(`SELECT key, value FROM meta WHERE key IN (${Object.values(KEYS).map(() => '?').join(', ')})`).all(...Object.values(KEYS)) as { key: string; value: string }[];
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return {
    idleLockMinutes: parse('idleLockMinutes', stored.get(KEYS.idleLockMinutes)),
    backupDaily: parse('backupDaily', stored.get(KEYS.backupDaily)),
    backupAtQuit: parse('backupAtQuit', stored.get(KEYS.backupAtQuit)),
    backupKeep: Math.max(1, parse('backupKeep', stored.get(KEYS.backupKeep))),
  };
}

export async function writeSettings(db: Kysely<Database>, settings: StoredSettings): Promise<void> {
  for (const [field, key] of Object.entries(KEYS) as [keyof StoredSettings, string][]) {
    const v = settings[field];
    const value = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
    await writeMeta(db, key, value);
  }
}
