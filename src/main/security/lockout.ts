// Failed sign-ins per sign-in name, kept in the key file (they must count while the database is
// locked and survive a restart): 5 in a row lock the name for 15 minutes.
import { updateKeyring, type Keyring } from './keyring';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

/** The end of a lockout in force (ISO), else null. */
export function lockedUntil(keyring: Keyring, login: string, now: number): string | null {
  const until = keyring.lockouts[login]?.lockedUntil ?? null;
  return until !== null && Date.parse(until) > now ? until : null;
}

/** Counts a failure of a known name; returns the lockout it starts, if any. */
export function countFailure(dataDir: string, login: string, now: number): string | null {
  let started: string | null = null;
  updateKeyring(dataDir, (k) => {
    if (!k.users.some((u) => u.login === login)) return;
    const failures = (k.lockouts[login]?.failures ?? 0) + 1;
    if (failures >= MAX_FAILURES) {
      started = new Date(now + LOCKOUT_MS).toISOString();
      k.lockouts[login] = { failures: 0, lockedUntil: started };
    } else {
      k.lockouts[login] = { failures, lockedUntil: null };
    }
  });
  return started;
}

export function clearFailures(dataDir: string, login: string): void {
  updateKeyring(dataDir, (k) => {
    delete k.lockouts[login];
  });
}
