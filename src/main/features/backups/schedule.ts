// Automatic backups: daily (at start when the newest regular backup is older than a day, then
// checked every hour) and at quit, each when its setting is on. A failed automatic backup is logged
// and tried again at the next check; it never stops the app.
import type { AppState } from '../../core/context';
import type { Gate } from '../../security/gate';
import { backupNow } from './backup';
import { isSafetyCopy, listBackups } from './files';
import { readSettings } from './settings';

const DAY_MS = 24 * 60 * 60_000;
const CHECK_MS = 60 * 60_000;

/** A daily backup is due: none of the regular ones (daily, quit, manual) is younger than a day. */
export function dailyBackupDue(app: AppState, now = Date.now()): boolean {
  const newest = listBackups(app.dataDir).find((b) => !isSafetyCopy(b.reason));
  return !newest || now - Date.parse(newest.at) >= DAY_MS;
}

/** Makes the daily backup when it is on and due; returns the file made, if any. */
export function dailyBackupIfDue(app: AppState): string | null {
  if (!readSettings(app).backupDaily || !dailyBackupDue(app)) return null;
  return backupNow(app, 'daily').file;
}

function tryDaily(app: AppState): void {
  try {
    dailyBackupIfDue(app);
  } catch (e) {
    console.error('[kehu] daily backup failed:', e);
  }
}

/** Checks now and then hourly; `stop` ends the checks (before the database closes). */
export function startBackupSchedule(app: AppState): { stop(): void } {
  tryDaily(app);
  const timer = setInterval(() => tryDaily(app), CHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** The at-quit backup, when it is on: call while the database is still open. Returns the file made. */
export function backupAtQuit(app: AppState): string | null {
  if (!readSettings(app).backupAtQuit) return null;
  return backupNow(app, 'quit').file;
}

/**
 * Backups for a long-running process (the desktop app, `kehu serve`): the daily schedule from the
 * moment the database opens (at once, or at the first sign-in), and the at-quit backup at `stop`.
 */
export function keepBackedUp(gate: Gate): { stop(): void } {
  let schedule: { stop(): void } | null = null;
  let stopped = false;
  gate.whenOpen((app) => {
    if (!stopped) schedule = startBackupSchedule(app);
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      schedule?.stop();
      if (!gate.app) return;
      try {
        backupAtQuit(gate.app);
      } catch (e) {
        console.error('[kehu] backup at quit failed:', e);
      }
    },
  };
}
