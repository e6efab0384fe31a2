// The `meta` table: this file's own settings (device id, clock, interface language, first run).
// Not a synced table, so it is read and written directly, outside the ChangeSet.
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { Locale } from '../../shared/app';

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** The interface language stored in the database, if any. */
export async function storedLocale(db: Kysely<Database>): Promise<Locale | null> {
  const value = await readMeta(db, 'locale');
  return value === 'en' || value === 'zh-CN' ? value : null;
}

export async function writeMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
