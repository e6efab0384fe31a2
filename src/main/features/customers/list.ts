// Keyset paging of companies or contacts (DESIGN.md §3): one seek on the partial index of the
// sort column, never OFFSET, so any page costs the same at any depth.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { CustomerFilter, CustomerSort } from '../../../shared/customers';
import type { SortDir } from '../../../shared/paging';
import type { Database } from '../../db/schema';
import { cutPage, decodeCursor, type Cursor, type CursorValue } from './cursor';
import { invalidField } from './errors';
import type { CustomerSpec } from './kinds';

const SORT_COLUMN: Record<CustomerSort, string> = {
  name: 'name_py',
  updated: 'updated_at',
  created: 'created_at',
  contacted: 'last_contacted_at',
};
/** Sorts whose column may be NULL: those rows form their own segment (first asc, last desc). */
const NULLABLE: ReadonlySet<CustomerSort> = new Set(['contacted']);

export interface ListInput {
  cursor?: string | null;
  limit: number;
  sort: CustomerSort;
  dir: SortDir;
  filter: z.output<typeof CustomerFilter> & Record<string, unknown>;
}

interface KeyRow {
  rid: number;
  id: string;
  v: CursorValue;
}

/** The ids of one page, in order, and the cursor of the next page. */
export async function pageCustomerIds(db: Kysely<Database>, spec: CustomerSpec, input: ListInput) {
  const column = sql.ref(`r.${SORT_COLUMN[input.sort]}`);
  const where = [sql`r.deleted_at IS NULL`, ...filterConditions(spec, input.filter)];
  const segments = segmentsOf(column, input.dir, NULLABLE.has(input.sort));
  const cursor = decodeCursor(input.cursor);
  const first = cursor ? segments.findIndex((s) => s.holds(cursor)) : 0;
  if (first < 0) throw invalidField('cursor', 'validation.cursor');
  const rows: KeyRow[] = [];
  for (const seg of segments.slice(first)) {
    if (rows.length > input.limit) break;
    const after = cursor && seg.holds(cursor) ? [seg.after(cursor)] : [];
    const found = await sql<KeyRow>`
      SELECT r.rid, r.id, ${column} AS v FROM ${sql.table(spec.table)} r
      WHERE ${sql.join([...where, seg.where, ...after], sql` AND `)}
      ORDER BY ${seg.order} LIMIT ${input.limit + 1 - rows.length}`.execute(db);
    rows.push(...found.rows);
  }
  const page = cutPage(rows, input.limit, (r) => ({ value: r.v, tie: r.rid }));
  return { ids: page.rows.map((r) => r.id), nextCursor: page.nextCursor };
}

interface Segment {
  where: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
  holds(c: Cursor): boolean;
  after(c: Cursor): RawBuilder<unknown>;
}

/** Rows with a value, in (value, rid) order, and (for a nullable sort) rows without, by rid. */
function segmentsOf(column: RawBuilder<unknown>, dir: SortDir, nullable: boolean): Segment[] {
  const d = sql.raw(dir === 'asc' ? 'ASC' : 'DESC');
  const cmp = sql.raw(dir === 'asc' ? '>' : '<');
  const valued: Segment = {
    where: nullable ? sql`${column} IS NOT NULL` : sql`1`,
    order: sql`${column} ${d}, r.rid ${d}`,
    holds: (c) => c.value !== null,
    after: (c) => sql`(${column}, r.rid) ${cmp} (${c.value}, ${c.tie})`,
  };
  if (!nullable) return [valued];
  const empty: Segment = {
    where: sql`${column} IS NULL`,
    order: sql`r.rid ${d}`,
    holds: (c) => c.value === null,
    after: (c) => sql`r.rid ${cmp} ${c.tie}`,
  };
  return dir === 'asc' ? [empty, valued] : [valued, empty];
}

function filterConditions(spec: CustomerSpec, filter: ListInput['filter']): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (filter.tagId) {
    out.push(sql`EXISTS (SELECT 1 FROM taggings g
      WHERE g.record_id = r.id AND g.tag_id = ${filter.tagId} AND g.deleted_at IS NULL)`);
  }
  if (filter.ownerId) out.push(sql`r.owner_id = ${filter.ownerId}`);
  if (filter.city) out.push(sql`r.city = ${filter.city}`);
  out.push(...rangeConditions(sql.ref('r.created_at'), filter.created));
  out.push(...rangeConditions(sql.ref('r.last_contacted_at'), filter.contacted));
  for (const [key, column] of Object.entries(spec.eqFilters)) {
    const value = filter[key];
    if (value !== null && value !== undefined) out.push(sql`${sql.ref(`r.${column}`)} = ${value}`);
  }
  return out;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Inclusive range: a bare `to` date covers that whole day. */
function rangeConditions(column: RawBuilder<unknown>, range: { from?: string | null; to?: string | null } | undefined) {
  const out: RawBuilder<unknown>[] = [];
  if (range?.from) out.push(sql`${column} >= ${range.from}`);
  if (range?.to && DAY_ONLY.test(range.to)) out.push(sql`${column} < ${nextDay(range.to)}`);
  else if (range?.to) out.push(sql`${column} <= ${range.to}`);
  return out;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
