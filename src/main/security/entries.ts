// A user's entry in the key file: their password's salt and verifier, and their copy of the
// database key. Adding, removing or re-passwording a user only touches their entry: the database
// itself is never re-encrypted for it.
import { randomBytes } from 'node:crypto';
import { derive, sameBytes, unwrap, wrap, type ScryptParams } from './crypto';
import type { KeyEntry } from './keyring';

export async function makeEntry(userId: string, login: string, password: string, dataKey: string, params: ScryptParams): Promise<KeyEntry> {
  const salt = randomBytes(16);
  const { kek, verifier } = await derive(password, salt, params);
  return { userId, login, salt: salt.toString('hex'), params, verifier: verifier.toString('hex'), wrapped: wrap(kek, Buffer.from(dataKey, 'hex')) };
}

/** The database key when the password is right, else null. */
export async function openEntry(entry: KeyEntry, password: string): Promise<string | null> {
  const { kek, verifier } = await derive(password, Buffer.from(entry.salt, 'hex'), entry.params);
  if (!sameBytes(verifier, Buffer.from(entry.verifier, 'hex'))) return null;
  return unwrap(kek, entry.wrapped).toString('hex');
}

/** The same work as a real check, for a sign-in name that does not exist (no timing tell). */
export async function dummyCheck(password: string, params: ScryptParams): Promise<null> {
  await derive(password, randomBytes(16), params);
  return null;
}

/**
 * Sets this user's entry. A stale entry under the same sign-in name goes too (the database keeps
 * names unique among live users; a stale one is left by a change rolled back after it was written).
 */
export const replaceEntry = (entries: KeyEntry[], next: KeyEntry): KeyEntry[] => [
  ...entries.filter((e) => e.userId !== next.userId && e.login !== next.login),
  next,
];
