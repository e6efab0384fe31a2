// Reads companies or contacts as their output shape: row, owner name, tags and the kind's
// computed columns (e.g. a company's contact count). Lists and single records share it.
import { sql, type Kysely } from 'kysely';
import type { CustomerBase } from '../../../shared/customers';
import { notFound } from '../../../shared/errors';
import type { Database } from '../../db/schema';
import { fromRow } from './columns';
import type { CustomerSpec, Row } from './kinds';
import { tagsOf } from './tags-of';

/** The records with these ids, in the order of `ids` (missing ones left out), deleted or not. */
export async function loadCustomers<T extends CustomerBase>(db: Kysely<Database>, spec: CustomerSpec, ids: string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<Row & { id: string }>`
    SELECT r.*, u.name AS owner_name, ${spec.extraColumns}
    FROM ${sql.table(spec.table)} r LEFT JOIN users u ON u.id = r.owner_id
    WHERE r.id IN (${sql.join(ids)})`.execute(db);
  const tags = await tagsOf(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...fromRow(row), tags: tags.get(id) ?? [] } as unknown as T] : [];
  });
}

/** One record, deleted ones included (a detail page can show that it is in the Trash). */
export async function loadCustomer<T extends CustomerBase>(db: Kysely<Database>, spec: CustomerSpec, id: string): Promise<T> {
  const [found] = await loadCustomers<T>(db, spec, [id]);
  if (!found) throw notFound(spec.kind, id);
  return found;
}

/** One live record: what every write starts from. */
export async function loadLive<T extends CustomerBase>(db: Kysely<Database>, spec: CustomerSpec, id: string): Promise<T> {
  const found = await loadCustomer<T>(db, spec, id);
  if (found.deletedAt) throw notFound(spec.kind, id);
  return found;
}
