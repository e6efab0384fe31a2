// Keeps the derived search index (contact_search, company_search) and duplicate keys
// (customer_keys) in step with the customer rows, inside the caller's transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import {
  companyKeys,
  companySearchRow,
  contactKeys,
  contactSearchRow,
  jsonList,
  type CustomerKey,
} from './rows';

export type CustomerKind = 'contact' | 'company';

// Well under SQLite's bound-parameter limit, even with 6 values per row.
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Brings the search index (FTS rows) and duplicate keys of these records up to date with their
 * rows: live rows are (re)indexed, soft-deleted ones removed. Call after every write, in the
 * same transaction. For companies, also refreshes their contacts' `company` search column.
 */
export async function refreshCustomerIndex(
  db: Kysely<Database>,
  kind: CustomerKind,
  ids: string[],
  opts: { created?: boolean } = {},
): Promise<void> {
  const unique = [...new Set(ids)];
  // Records inserted by this transaction have nothing in the index to take out first.
  const fresh = opts.created ?? false;
  for (const part of chunks(unique)) {
    if (kind === 'contact') await refreshContacts(db, part, fresh);
    else await refreshCompanies(db, part, fresh);
  }
}

/** Removes these records from the index; call before purging the rows for good. */
export async function dropFromCustomerIndex(db: Kysely<Database>, kind: CustomerKind, ids: string[]): Promise<void> {
  const table = kind === 'contact' ? 'contacts' : 'companies';
  for (const part of chunks([...new Set(ids)])) {
    const rids = await db.selectFrom(table).select('rid').where('id', 'in', part).execute();
    await deleteFts(db, kind, rids.map((r) => r.rid));
    await db.deleteFrom('customer_keys').where('record_id', 'in', part).execute();
  }
}

async function deleteFts(db: Kysely<Database>, kind: CustomerKind, rids: number[]): Promise<void> {
  if (rids.length === 0) return;
  const fts = sql.table(kind === 'contact' ? 'contact_search' : 'company_search');
  await sql`DELETE FROM ${fts} WHERE rowid IN (${sql.join(rids)})`.execute(db);
}

async function refreshContacts(db: Kysely<Database>, ids: string[], fresh: boolean): Promise<void> {
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('companies as co', 'co.id', 'c.company_id')
    .select(['c.rid', 'c.id', 'c.name', 'c.mobiles', 'c.landline', 'c.emails', 'c.company_id', 'c.deleted_at'])
    .select('co.name as company_name')
    .where('c.id', 'in', ids)
    .execute();
  // An update is delete + insert (contentless FTS5 rows cannot be updated in place).
  if (!fresh) await deleteFts(db, 'contact', rows.map((r) => r.rid));
  const live = rows.filter((r) => r.deleted_at === null);
  const fields = live.map((r) => ({
    rid: r.rid,
    id: r.id,
    name: r.name,
    companyId: r.company_id,
    companyName: r.company_name,
    mobiles: jsonList(r.mobiles),
    landline: r.landline,
    emails: jsonList(r.emails),
  }));
  if (fields.length > 0) {
    const values = fields.map((f) => {
      const s = contactSearchRow(f);
      return sql`(${f.rid}, ${s.name}, ${s.py}, ${s.company}, ${s.phone}, ${s.email})`;
    });
    await sql`INSERT INTO contact_search (rowid, name, py, company, phone, email) VALUES ${sql.join(values)}`.execute(db);
  }
  await writeKeys(db, ids, fields.flatMap((f) => contactKeys(f).map((k) => ({ ...k, record_id: f.id }))), fresh);
}

async function refreshCompanies(db: Kysely<Database>, ids: string[], fresh: boolean): Promise<void> {
  const rows = await db
    .selectFrom('companies')
    .select(['rid', 'id', 'name', 'phone', 'website', 'deleted_at'])
    .where('id', 'in', ids)
    .execute();
  if (!fresh) await deleteFts(db, 'company', rows.map((r) => r.rid));
  const live = rows.filter((r) => r.deleted_at === null);
  if (live.length > 0) {
    const values = live.map((r) => {
      const s = companySearchRow(r);
      return sql`(${r.rid}, ${s.name}, ${s.py}, ${s.phone}, ${s.web})`;
    });
    await sql`INSERT INTO company_search (rowid, name, py, phone, web) VALUES ${sql.join(values)}`.execute(db);
  }
  await writeKeys(db, ids, live.flatMap((r) => companyKeys(r).map((k) => ({ ...k, record_id: r.id }))), fresh);
  // The company's name is in its contacts' `company` search column.
  const members = await db.selectFrom('contacts').select('id').where('company_id', 'in', ids).execute();
  await refreshCustomerIndex(db, 'contact', members.map((m) => m.id));
}

type RecordKey = CustomerKey & { record_id: string };

/**
 * Makes customer_keys hold exactly `wanted` for these records. Records this transaction created
 * have none yet; for the others only the difference is written, so an edit that leaves mobiles,
 * emails, name and company alone writes nothing here (at 1M contacts, taking every key out and
 * putting it back cost ≈2 ms of random index writes per save, and most of the saves' slow tail).
 */
async function writeKeys(db: Kysely<Database>, ids: string[], wanted: RecordKey[], fresh: boolean): Promise<void> {
  if (fresh) return insertKeys(db, wanted);
  const identity = (k: RecordKey) => `${k.record_id}\n${k.kind}\n${k.value}`;
  const { rows: stored } = await sql<RecordKey & { rowid: number }>`
    SELECT rowid, kind, value, record_id FROM customer_keys WHERE record_id IN (${sql.join(ids)})`.execute(db);
  const want = new Set(wanted.map(identity));
  const kept = new Set<string>();
  const stale: number[] = [];
  for (const key of stored) {
    const id = identity(key);
    if (want.has(id) && !kept.has(id)) kept.add(id);
    else stale.push(key.rowid);
  }
  for (const part of chunks(stale)) await sql`DELETE FROM customer_keys WHERE rowid IN (${sql.join(part)})`.execute(db);
  await insertKeys(db, wanted.filter((k) => !kept.has(identity(k))));
}

async function insertKeys(db: Kysely<Database>, keys: RecordKey[]): Promise<void> {
  for (const part of chunks(keys)) {
    if (part.length) await db.insertInto('customer_keys').values(part).execute();
  }
}
