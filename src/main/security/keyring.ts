// The key file (keyring.json beside kehu.db): how the data folder is protected, each user's
// wrapped copy of the database key, sign-in lockouts, and what must be known before the database
// opens (failed sign-ins not yet in the audit log, the sign-in screen's language).
// Written atomically (temp file, fsync, rename), so a crash leaves the old or the new file.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCALES } from '../../shared/app';

export const KEYRING_FILE_NAME = 'keyring.json';

const Params = z.object({ N: z.number().int().positive(), r: z.number().int().positive(), p: z.number().int().positive() });

const KeyEntry = z.object({
  userId: z.string(),
  login: z.string(),
  salt: z.string(),
  params: Params,
  verifier: z.string(),
  /** The data key wrapped under the key this user's password derives. */
  wrapped: z.string(),
});
export type KeyEntry = z.infer<typeof KeyEntry>;

const PendingAudit = z.object({ at: z.string(), action: z.string(), login: z.string() });
export type PendingAudit = z.infer<typeof PendingAudit>;

const KeyringSchema = z.object({
  version: z.literal(1),
  mode: z.enum(['single', 'password']),
  encrypted: z.boolean(),
  /** single mode, encrypted: the data key wrapped by the operating system (base64). */
  osWrapped: z.string().nullable(),
  users: z.array(KeyEntry),
  /** By sign-in name: failures since the last success, and the end of a lockout. */
  lockouts: z.record(z.string(), z.object({ failures: z.number().int(), lockedUntil: z.string().nullable() })),
  /** Failed sign-ins while the database was locked: written to audit_log when it opens. */
  pendingAudit: z.array(PendingAudit),
  locale: z.enum(LOCALES).nullable(),
});
export type Keyring = z.infer<typeof KeyringSchema>;

export const keyringPath = (dataDir: string) => join(dataDir, KEYRING_FILE_NAME);

/** Changes whenever the file is replaced (every write renames a new file over it): inode, size, time. */
export function keyringVersion(dataDir: string): string {
  const st = statSync(keyringPath(dataDir), { throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : 'none';
}

/** null: never set up. A damaged file throws (the database key is in it: never guess). */
export function readKeyring(dataDir: string): Keyring | null {
  const file = keyringPath(dataDir);
  if (!existsSync(file)) return null;
  const parsed = KeyringSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is damaged: ${parsed.error.message}`);
  return parsed.data;
}

export function writeKeyring(dataDir: string, keyring: Keyring): void {
  const file = keyringPath(dataDir);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(keyring, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncDir(dataDir);
}

/** Makes the rename durable (a no-op where directories cannot be opened, e.g. Windows). */
function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Read, change, write: every change re-reads the file (a CLI may have written it meanwhile). */
export function updateKeyring(dataDir: string, change: (keyring: Keyring) => void): Keyring | null {
  const keyring = readKeyring(dataDir);
  if (!keyring) return null;
  change(keyring);
  writeKeyring(dataDir, keyring);
  return keyring;
}

export const emptyKeyring = (mode: Keyring['mode']): Keyring => ({
  version: 1,
  mode,
  encrypted: false,
  osWrapped: null,
  users: [],
  lockouts: {},
  pendingAudit: [],
  locale: null,
});
