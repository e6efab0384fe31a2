// The records an import created, for its undo (imports.created_ids), stored as rowid ranges: the
// job holds the write lock from its first statement (BEGIN IMMEDIATE) to its COMMIT, so every
// contact and company with a rid in (after, last] is its own. `rid INTEGER PRIMARY KEY` is
// stable across VACUUM and backup restore. Taggings have only an implicit rowid (renumbered by
// VACUUM INTO), so the taggings of records the import created go with their record (same creator,
// same created_at); only the few taggings added to existing records keep their ids.
//
// Earlier versions stored every id: `{"contacts":[ids],"companies":[ids],"taggings":[ids]}`, one
// JSON value of ~75 MB at 1M rows that SQLite built at the end of the import (the import's peak
// RSS). Those rows still exist in users' databases, so `createdOf` reads both forms.
import { sql, type Kysely } from 'kysely';
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';
import type { Database } from '../../db/schema';

type RangeTable = 'contacts' | 'companies';

/** The last rid of each table before the import. */
export interface CreatedMarks {
  contacts: number;
  companies: number;
}

/** The stored form: rid ranges (after, last], plus the ids of taggings added to existing records. */
interface StoredRanges {
  rid: Record<RangeTable, [after: number, last: number]>;
  taggings: string[];
}

/** The ids an undo works on, in creation order (the form earlier versions stored). */
export interface CreatedIds {
  contacts: string[];
  companies: string[];
  taggings: string[];
  /** Rids of the ranges that hold no row any more (purged since): each one counts as changed. */
  missing: number;
}

const lastRid = (sqlite: Sqlite, table: RangeTable) => sqlite.prepare(`SELECT coalesce(max(rid), 0) FROM ${table}`).pluck().get() as number;

export function createdMarks(sqlite: Sqlite): CreatedMarks {
  return { contacts: lastRid(sqlite, 'contacts'), companies: lastRid(sqlite, 'companies') };
}

/** Whether the record was created by this import (it may have been updated by a later row). */
export function isCreated(sqlite: Sqlite, marks: CreatedMarks, table: RangeTable, id: string): boolean {
  const rid = sqlite.prepare(`SELECT rid FROM ${table} WHERE id = ?`).pluck().get(id) as number | undefined;
  return rid !== undefined && rid > marks[table];
}

/** imports.created_ids of an import that started at `marks`; call it before the COMMIT. */
export function createdJson(sqlite: Sqlite, marks: CreatedMarks, taggingsOfExisting: string[]): string {
  const stored: StoredRanges = {
    rid: { contacts: [marks.contacts, lastRid(sqlite, 'contacts')], companies: [marks.companies, lastRid(sqlite, 'companies')] },
    taggings: taggingsOfExisting,
  };
  return JSON.stringify(stored);
}

/** The created records of an import, from either stored form. */
export async function createdOf(db: Kysely<Database>, imp: { created_ids: string; at: string; user_id: string }): Promise<CreatedIds> {
  const stored = JSON.parse(imp.created_ids) as Partial<StoredRanges> & { contacts?: string[]; companies?: string[]; taggings?: string[] };
  if (!stored.rid) return { contacts: stored.contacts ?? [], companies: stored.companies ?? [], taggings: stored.taggings ?? [], missing: 0 };
  const contacts = await idsInRange(db, 'contacts', stored.rid.contacts);
  const companies = await idsInRange(db, 'companies', stored.rid.companies);
  const taggings = [
    ...(await taggingsOfRange(db, 'contacts', stored.rid.contacts, imp)),
    ...(await taggingsOfRange(db, 'companies', stored.rid.companies, imp)),
    ...(stored.taggings ?? []),
  ];
  const size = ([after, last]: [number, number]) => last - after;
  const missing = size(stored.rid.contacts) - contacts.length + size(stored.rid.companies) - companies.length;
  return { contacts, companies, taggings, missing };
}

async function idsInRange(db: Kysely<Database>, table: RangeTable, [after, last]: [number, number]): Promise<string[]> {
  if (last <= after) return [];
  const rows = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} WHERE rid > ${after} AND rid <= ${last} ORDER BY rid`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * Taggings the import wrote on the records it created: the same creator and created_at as the
 * import (a later tagging by anyone has a later time), in the order written.
 */
async function taggingsOfRange(
  db: Kysely<Database>,
  table: RangeTable,
  [after, last]: [number, number],
  imp: { at: string; user_id: string },
): Promise<string[]> {
  if (last <= after) return [];
  const rows = await sql<{ id: string }>`
    SELECT t.id FROM ${sql.table(table)} r JOIN taggings t ON t.record_id = r.id
    WHERE r.rid > ${after} AND r.rid <= ${last} AND t.created_at = ${imp.at} AND t.created_by = ${imp.user_id}
    ORDER BY t.rowid`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * The tags the import created (same creator and created_at) that no live record carries any more:
 * once its taggings are undone, those go too. A tag someone has used since stays.
 */
async function unusedTagsOf(db: Kysely<Database>, imp: { at: string; user_id: string }): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT t.id FROM tags t
    WHERE t.created_at = ${imp.at} AND t.created_by = ${imp.user_id} AND t.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM taggings g WHERE g.tag_id = t.id AND g.deleted_at IS NULL)
    ORDER BY t.rowid`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * When this device last wrote a sync bundle, or null. Read from sync_history, not from
 * sync_peer.last_export_at: a first bundle for a new device (a snapshot) has no peer row to stamp,
 * and it carries the tags all the same. sync_history is never pruned and is indexed on `at`.
 */
export async function lastBundleAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('sync_history').select((eb) => eb.fn.max('at').as('at')).where('direction', '=', 'export').executeTakeFirst();
  return row?.at ?? null;
}

/**
 * Whether an undo of an import made at `importAt` leaves the tags it created: once a bundle was
 * written since, those tags may be on another device, which may have put them on its own
 * records; their deletion would reach it as an ordinary field change (no conflict) and strip
 * them there silently (DESIGN §4: nothing lost silently). An unused tag is harmless, so it stays.
 * The bundle's time and the import's are both this device's wall clock; `>=` counts a bundle
 * written in the import's millisecond as after it.
 */
export const undoKeepsTags = (importAt: string, lastBundle: string | null): boolean => lastBundle !== null && lastBundle >= importAt;

/** The tags an undo of the import deletes: its unused ones, unless a bundle may have taken them elsewhere. */
export async function removableTagsOf(db: Kysely<Database>, imp: { at: string; user_id: string }): Promise<string[]> {
  if (undoKeepsTags(imp.at, await lastBundleAt(db))) return [];
  return unusedTagsOf(db, imp);
}

/** Live rows elsewhere that point at a record: [table, column] (a contact's company, a deal's, a task's subject …). */
const REFERENCES: [table: string, column: string][] = [
  ['contacts', 'company_id'],
  ['activities', 'subject_id'],
  ['activities', 'company_id'],
  ['tasks', 'subject_id'],
  ['leads', 'converted_company_id'],
  ['leads', 'converted_contact_id'],
  ['opportunities', 'company_id'],
  ['opportunities', 'contact_id'],
  ['quotes', 'company_id'],
  ['quotes', 'contact_id'],
  ['orders', 'company_id'],
  ['orders', 'contact_id'],
];

/**
 * How many live rows the import did not write point at records it created: a contact added to a
 * company it made, a deal, a task, a note, a tag put on by hand. Undoing it would leave those
 * pointing at records in the Trash, so the undo is refused while there are any.
 */
export async function dependentsOf(db: Kysely<Database>, created: Pick<CreatedIds, 'contacts' | 'companies'>, imp: { at: string; user_id: string }): Promise<number> {
  const ids = [...created.contacts, ...created.companies];
  if (ids.length === 0) return 0;
  await sql`CREATE TEMP TABLE IF NOT EXISTS undo_ids (id TEXT PRIMARY KEY)`.execute(db);
  try {
    for (let i = 0; i < ids.length; i += 500) {
      await sql`INSERT OR IGNORE INTO temp.undo_ids (id) VALUES ${sql.join(ids.slice(i, i + 500).map((id) => sql`(${id})`))}`.execute(db);
    }
    let count = 0;
    for (const [table, column] of REFERENCES) {
      // The import's own rows (its contacts in its companies) are undone with it.
      const own = table === 'contacts' ? sql`AND r.id NOT IN (SELECT id FROM temp.undo_ids)` : sql``;
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} r WHERE r.deleted_at IS NULL AND r.${sql.ref(column)} IN (SELECT id FROM temp.undo_ids) ${own}`.execute(db);
      count += r.rows[0]!.n;
    }
    // Its own taggings carry its time and user; one put on since, by anyone, does not.
    const tagged = await sql<{ n: number }>`
      SELECT count(*) AS n FROM taggings t WHERE t.deleted_at IS NULL AND t.record_id IN (SELECT id FROM temp.undo_ids)
        AND NOT (t.created_at = ${imp.at} AND t.created_by = ${imp.user_id})`.execute(db);
    return count + tagged.rows[0]!.n;
  } finally {
    await sql`DROP TABLE temp.undo_ids`.execute(db);
  }
}
