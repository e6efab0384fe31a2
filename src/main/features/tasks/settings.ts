// Reminder settings of this device, in the local meta table (never synced: one laptop may greet
// on holidays while the office PC does not).
import type { Kysely } from 'kysely';
import { DEFAULT_HOLIDAYS, HOLIDAY_IDS, type ReminderSettings } from '../../../shared/tasks';
import type { Database } from '../../db/schema';
import { readMeta, writeMeta } from '../../db/meta';

const KEY = 'reminders.settings';
export const DEFAULT_SETTINGS: ReminderSettings = { birthdays: true, holidays: DEFAULT_HOLIDAYS, timeOfDay: '09:00' };

export async function loadSettings(db: Kysely<Database>): Promise<ReminderSettings> {
  const stored = await readMeta(db, KEY);
  if (!stored) return DEFAULT_SETTINGS;
  try {
    const saved = JSON.parse(stored) as Partial<ReminderSettings>;
    return {
      birthdays: saved.birthdays ?? DEFAULT_SETTINGS.birthdays,
      // A holiday id from a newer version is dropped rather than shown unnamed.
      holidays: (saved.holidays ?? DEFAULT_SETTINGS.holidays).filter((id) => HOLIDAY_IDS.includes(id)),
      timeOfDay: saved.timeOfDay ?? DEFAULT_SETTINGS.timeOfDay,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function saveSettings(db: Kysely<Database>, settings: ReminderSettings): Promise<void> {
  await writeMeta(db, KEY, JSON.stringify(settings));
}
