// Keyset paging of companies or contacts (DESIGN.md §3): one seek on the partial index of the
// sort column, never OFFSET, so any page costs the same at any depth.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { CustomerBase, CustomerFilter, CustomerSort } from '../../../shared/customers';
import type { Page, SortDir } from '../../../shared/paging';
import { visibleOwners, visibleTo, type Viewer } from '../../core/visibility';
import type { Database } from '../../db/schema';
import { cutPage, decodeCursor, type Cursor, type CursorValue } from './cursor';
import { invalidField } from './errors';
import type { CustomerSpec } from './kinds';
import { selectCustomers, toCustomers, type LoadedRow } from './load';

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

/**
 * One page of records, in order, and the cursor of the next page. An inner query finds the rids
 * of the page (an index walk, or a sort of only the keys when a selective filter drives); the
 * outer one builds the output of just those rows.
 */
export async function listCustomers<T extends CustomerBase>(
  db: Kysely<Database>,
  spec: CustomerSpec,
  input: ListInput,
  viewer: Viewer,
): Promise<Page<T>> {
  const column = sql.ref(`r.${SORT_COLUMN[input.sort]}`);
  const { conditions, driven } = await filterConditions(db, spec, input, viewer);
  const where = [sql`r.deleted_at IS NULL`, ...conditions];
  // When a filter's own index drives, a unary + keeps SQLite from walking the sort's index instead.
  const key = (ref: RawBuilder<unknown>) => (driven ? sql`+${ref}` : ref);
  const segments = segmentsOf(key(column), key(sql.ref('r.rid')), input.dir, NULLABLE.has(input.sort));
  const cursor = decodeCursor(input.cursor);
  const first = cursor ? segments.findIndex((s) => s.holds(cursor)) : 0;
  if (first < 0) throw invalidField('cursor', 'validation.cursor');
  const rows: LoadedRow[] = [];
  const select = await selectCustomers(db, spec, sql`${column} AS "$v"`);
  for (const seg of segments.slice(first)) {
    if (rows.length > input.limit) break;
    const after = cursor && seg.holds(cursor) ? [seg.after(cursor)] : [];
    const found = await sql<LoadedRow>`${select}
      JOIN (SELECT r.rid AS k FROM ${sql.table(spec.table)} r
            WHERE ${sql.join([...where, seg.where, ...after], sql` AND `)}
            ORDER BY ${seg.order} LIMIT ${input.limit + 1 - rows.length}) p ON r.rid = p.k
      ORDER BY ${seg.order}`.execute(db);
    rows.push(...found.rows);
  }
  const page = cutPage(rows, input.limit, (r) => ({ value: r.$v as CursorValue, tie: r.$rid }));
  return { items: await toCustomers<T>(db, page.rows), nextCursor: page.nextCursor };
}

interface Segment {
  where: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
  holds(c: Cursor): boolean;
  after(c: Cursor): RawBuilder<unknown>;
}

/** Rows with a value, in (value, rid) order, and (for a nullable sort) rows without, by rid. */
function segmentsOf(column: RawBuilder<unknown>, rid: RawBuilder<unknown>, dir: SortDir, nullable: boolean): Segment[] {
  const d = sql.raw(dir === 'asc' ? 'ASC' : 'DESC');
  const cmp = sql.raw(dir === 'asc' ? '>' : '<');
  const valued: Segment = {
    where: nullable ? sql`${column} IS NOT NULL` : sql`1`,
    order: sql`${column} ${d}, r.rid ${d}`,
    holds: (c) => c.value !== null,
    after: (c) => sql`(${column}, ${rid}) ${cmp} (${c.value}, ${c.tie})`,
  };
  if (!nullable) return [valued];
  const empty: Segment = {
    where: sql`${column} IS NULL`,
    order: sql`r.rid ${d}`,
    holds: (c) => c.value === null,
    after: (c) => sql`${rid} ${cmp} ${c.tie}`,
  };
  return dir === 'asc' ? [empty, valued] : [valued, empty];
}

/**
 * Which index drives a filtered page (SQLite has no statistics to choose by itself, and without
 * them it always takes the filter's index, then sorts every match: 0.3–0.8 s for an owner who
 * owns every record). A value with few matches is read through its own index and only those keys
 * are sorted ("driven"); a common one is tested entry by entry along the sort's index, where a
 * page takes about limit × rows / matches steps. The sort indexes carry the columns these tests
 * read (city, owner, category, id; migration 0006), so a step reads no table row. The bounds are
 * where the plans cost the same, measured at 1M contacts (bench/README.md): a few ms at worst.
 * Equality filters sorted by `updated` always use their composite (column, updated_at, rid) index.
 */
async function filterConditions(
  db: Kysely<Database>,
  spec: CustomerSpec,
  input: ListInput,
  viewer: Viewer,
): Promise<{ conditions: RawBuilder<unknown>[]; driven: boolean }> {
  const { filter } = input;
  const out: RawBuilder<unknown>[] = [];
  let driven = false;
  // S = √(limit × rows): the scale of every bound below (10k at 1M rows).
  let scale: number | null = null;
  const matches = async (query: RawBuilder<unknown>): Promise<{ n: number; scale: number }> => {
    scale ??= await scaleOf(db, spec, input.limit);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${query} LIMIT ${scale})`.execute(db);
    return { n: rows[0].n, scale };
  };
  // A tag, and record visibility (a sales user's own records and those shared with them), are
  // sets from other indexes: one plan of three by their size (setCondition).
  const sets: { members: RawBuilder<unknown>; key: RawBuilder<unknown>; lookup: RawBuilder<unknown> }[] = [];
  if (filter.tagId) {
    sets.push({
      members: sql`SELECT g.record_id FROM taggings g WHERE g.tag_id = ${filter.tagId} AND g.deleted_at IS NULL`,
      key: sql`r.id`,
      // taggings_by_tag: the tag's links lie together and stay cached (through taggings_by_record,
      // the planner's pick, each lookup landed anywhere: 1M contacts, a tag on 5k, 45 → 4.7 ms).
      lookup: sql`EXISTS (SELECT 1 FROM taggings g INDEXED BY taggings_by_tag WHERE g.record_id = r.id AND g.tag_id = ${filter.tagId} AND g.deleted_at IS NULL)`,
    });
  }
  const owners = visibleOwners(viewer);
  if (owners) {
    sets.push({
      members: sql`SELECT v.rid FROM ${sql.table(spec.table)} v WHERE v.owner_id IN (${sql.join(owners)}) AND v.deleted_at IS NULL
        UNION SELECT v.rid FROM record_shares s JOIN ${sql.table(spec.table)} v ON v.id = s.row_id
        WHERE s.user_id = ${viewer.userId} AND s.tbl = ${spec.table} AND s.deleted_at IS NULL`,
      key: sql`r.rid`,
      lookup: visibleTo(viewer, spec.table, 'r'),
    });
  }
  for (const set of sets) {
    const { n, scale: s } = await matches(set.members);
    driven ||= n < s / 8;
    out.push(setCondition(set, n, s));
  }
  const equal: [string, unknown][] = [['owner_id', filter.ownerId], ['city', filter.city]];
  for (const [key, column] of Object.entries(spec.eqFilters)) equal.push([column, filter[key]]);
  for (const [column, value] of equal) {
    if (value === null || value === undefined || value === '') continue;
    const ref = sql.ref(`r.${column}`);
    // A step along the sort's index tests a column it carries: cheap, so walking pays from S/4
    // matches (1M rows: a city of 2.5k-10k contacts sorted by name, driven 4-17 ms, walks in 1-2 ms).
    let common = false;
    if (input.sort !== 'updated') {
      const { n, scale: s } = await matches(sql`SELECT 1 FROM ${sql.table(spec.table)} r WHERE r.deleted_at IS NULL AND ${ref} = ${value}`);
      common = n >= s / 4;
    }
    // A unary + keeps SQLite from using the column's index for this term.
    out.push(common ? sql`+${ref} = ${value}` : sql`${ref} = ${value}`);
    driven ||= !common && input.sort !== 'updated';
  }
  out.push(...rangeConditions(sql.ref('r.created_at'), filter.created));
  out.push(...rangeConditions(sql.ref('r.last_contacted_at'), filter.contacted));
  return { conditions: out, driven };
}

/**
 * A set's test, by its size n (counted up to S): under S/8 the page is driven by the members; up
 * to S it walks the sort's index testing each entry against the members, which SQLite reads once
 * into a set (`+key IN`: the unary + keeps it from driving); from S on it looks each entry up.
 * Measured at 1M contacts with tags (bench/README.md): driven 4 ms at 1k members and 8-10 ms at
 * 1.5k-2.5k; the set walk 7 ms at 1.5k, 4 ms at 5k-10k, 27 ms at 96k; lookups 3 ms at 20k and
 * 1.6 ms at 96k.
 */
function setCondition(set: { members: RawBuilder<unknown>; key: RawBuilder<unknown>; lookup: RawBuilder<unknown> }, n: number, s: number): RawBuilder<unknown> {
  if (n < s / 8) return sql`${set.key} IN (${set.members})`;
  if (n < s) return sql`+${set.key} IN (${set.members})`;
  return set.lookup;
}

/** √(limit × rows), rows estimated by the largest rid (one index step, never a count). */
async function scaleOf(db: Kysely<Database>, spec: CustomerSpec, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number | null }>`SELECT max(rid) AS n FROM ${sql.table(spec.table)}`.execute(db);
  return Math.max(limit + 1, Math.ceil(Math.sqrt((limit + 1) * (rows[0].n ?? 0))));
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
