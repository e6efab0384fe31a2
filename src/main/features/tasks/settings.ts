// Reminder settings of this device, in the local meta table (never synced: one laptop may greet
// on holidays while the office PC does not).
import { sql, type Kysely } from 'kysely';
import { DEFAULT_HOLIDAYS, HOLIDAY_IDS, type ReminderSettings } from '../../../shared/tasks';
import type { Database } from '../../db/schema';

const KEY = 'reminders.settings';
export const DEFAULT_SETTINGS: ReminderSettings = { birthdays: true, holidays: DEFAULT_HOLIDAYS, timeOfDay: '09:00' };

export async function loadSettings(db: Kysely<Database>): Promise<ReminderSettings> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  try {
    const saved = JSON.parse(row.value) as Partial<ReminderSettings>;
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
  await sql`INSERT INTO meta (key, value) VALUES (${KEY}, ${JSON.stringify(settings)})
            ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db);
}
