// Reads companies or contacts as their output shape: row, owner name, tags and the kind's
// computed columns (e.g. a company's contact count). Lists and single records share it.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CustomerBase } from '../../../shared/customers';
import { notFound } from '../../../shared/errors';
import type { Database } from '../../db/schema';
import { fromRow, outputJson } from './columns';
import type { CustomerSpec, CustomerTable, Row } from './kinds';
import { tagsOf } from './tags-of';

/** A row as `selectCustomers` reads it: its output as JSON, plus the kind's computed columns. */
export type LoadedRow = Row & { $rid: number; $json: string };

const OWN = new Set(['$rid', '$json', '$v']);

// The output JSON expression of each table, from its columns (the schema is the same for every
// database this process opens: all are migrated to the same version).
const jsonOf = new Map<CustomerTable, RawBuilder<unknown>>();

async function outputOf(db: Kysely<Database>, table: CustomerTable): Promise<RawBuilder<unknown>> {
  let found = jsonOf.get(table);
  if (!found) {
    const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) ORDER BY cid`.execute(db);
    const ownerName = `'ownerName', u.name`;
    found = sql.raw(outputJson(rows.map((r) => r.name)).replace(/\)$/, `, ${ownerName})`));
    jsonOf.set(table, found);
  }
  return found;
}

/**
 * The rows (aliased `r`) as output JSON, with their rid, the kind's computed columns and `extra`
 * (e.g. the sort value as "$v"): add WHERE / ORDER BY.
 */
export async function selectCustomers(db: Kysely<Database>, spec: CustomerSpec, extra: RawBuilder<unknown> = sql`NULL AS "$v"`): Promise<RawBuilder<unknown>> {
  return sql`SELECT r.rid AS "$rid", ${await outputOf(db, spec.table)} AS "$json", ${extra}, ${spec.extraColumns}
    FROM ${sql.table(spec.table)} r LEFT JOIN users u ON u.id = r.owner_id`;
}

/** Loaded rows (from `selectCustomers`) as output records, in the same order, with their tags. */
export async function toCustomers<T extends CustomerBase>(db: Kysely<Database>, rows: LoadedRow[]): Promise<T[]> {
  const records = rows.map((row) => {
    const out = JSON.parse(row.$json) as Row & { id: string };
    const computed: Row = {};
    for (const column in row) if (!OWN.has(column)) computed[column] = row[column];
    return Object.assign(out, fromRow(computed));
  });
  const tags = await tagsOf(db, records.map((r) => r.id));
  for (const record of records) record.tags = tags.get(record.id) ?? [];
  return records as unknown as T[];
}

/** The records with these ids, in the order of `ids` (missing ones left out), deleted or not. */
export async function loadCustomers<T extends CustomerBase>(db: Kysely<Database>, spec: CustomerSpec, ids: string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<LoadedRow>`${await selectCustomers(db, spec, sql`r.id AS "$v"`)}
    WHERE r.id IN (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.map((r) => [r.$v as string, r]));
  return toCustomers<T>(db, ids.flatMap((id) => byId.get(id) ?? []));
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
