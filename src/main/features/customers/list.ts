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
 * owns every record). Each filter's matches are counted up to S = √(limit × rows) (10k at 1M
 * rows). A filter with under S/4 matches is read through its own index and only its keys are
 * sorted ("driven"). Otherwise the page walks an index in its order, testing each entry: a city's
 * own (city, sort column, …), or the sort's, about limit × rows / matches steps for one filter.
 * These indexes carry the columns the tests read (city, owner, category, id; migration 0006), so a
 * step reads no table row. Several filters multiply: when their walk of the sort's index would be
 * long and one of them is small, that one drives. The bounds are where the plans cost about the
 * same, measured at 1M contacts (bench/README.md).
 */
async function filterConditions(
  db: Kysely<Database>,
  spec: CustomerSpec,
  input: ListInput,
  viewer: Viewer,
): Promise<{ conditions: RawBuilder<unknown>[]; driven: boolean }> {
  const { filter } = input;
  const candidates = [...setFilters(spec, filter, viewer), ...columnFilters(spec, input)];
  const ranges = [...rangeConditions(sql.ref('r.created_at'), filter.created), ...rangeConditions(sql.ref('r.last_contacted_at'), filter.contacted)];
  // An equality with its composite index for the sort walks only its own entries, in order: it is
  // never worth counting, only a smaller filter can beat it.
  const ordered = candidates.find((c) => c.ordered) ?? null;
  const counted = await countMatches(db, spec, input.limit, candidates.filter((c) => !c.ordered));
  const driver = pickDriver(counted, ordered !== null, input.limit);
  const conditions = candidates.map((c) => {
    if (c === driver || (c === ordered && !driver)) return c.drive;
    return (counted.n.get(c) ?? 0) < counted.scale ? c.walkSmall : c.walkLarge;
  });
  return { conditions: [...conditions, ...ranges], driven: driver !== null };
}

interface Counted {
  /** Each counted filter's matches, up to S (S means "S or more"). */
  n: Map<Candidate, number>;
  /** S, and the rows it was computed from. */
  scale: number;
  rows: number;
}

async function countMatches(db: Kysely<Database>, spec: CustomerSpec, limit: number, candidates: Candidate[]): Promise<Counted> {
  const n = new Map<Candidate, number>();
  if (candidates.length === 0) return { n, scale: 0, rows: 0 };
  const { scale, rows } = await scaleOf(db, spec, limit);
  for (const candidate of candidates) {
    const { rows: found } = await sql<{ n: number }>`SELECT count(*) AS n FROM (${candidate.members} LIMIT ${scale}) m`.execute(db);
    n.set(candidate, found[0]!.n);
  }
  return { n, scale, rows };
}

/**
 * The filter that drives the page, if any: one under S/4 matches; or, when several filters must
 * all be tested on a walk of the whole sort index, a small one (under S) whose matches cost less to
 * read and sort than the walk's steps, estimated from the counts.
 */
function pickDriver({ n, scale, rows }: Counted, orderedWalk: boolean, limit: number): Candidate | null {
  if (n.size === 0) return null;
  const [smallest, fewest] = [...n].reduce((a, b) => (b[1] < a[1] ? b : a));
  if (fewest < scale / 4) return smallest;
  if (orderedWalk || n.size < 2 || fewest >= scale) return null;
  const fraction = [...n.values()].reduce((f, m) => f * (Math.max(m, 1) / Math.max(rows, 1)), 1);
  return fewest * WALK_PER_DRIVE < (limit + 1) / fraction ? smallest : null;
}

/** A step of a walk costs about 1/20 of reading one match through its own index and sorting it. */
const WALK_PER_DRIVE = 20;

interface Candidate {
  /** The matching rows (any one column), for the count. */
  members: RawBuilder<unknown>;
  /** Read through the filter's own index. */
  drive: RawBuilder<unknown>;
  /** Tested on each entry of a walk, when it has fewer than S matches and when it has more. */
  walkSmall: RawBuilder<unknown>;
  walkLarge: RawBuilder<unknown>;
  /** Its `drive` walks in the page's order: an equality's composite index for the sort (a city's in every sort). */
  ordered: boolean;
}

/**
 * A tag, and record visibility (a sales user's own records and those shared with them): sets from
 * other indexes. A walk tests each entry against the members, which SQLite reads once into a set
 * (`+key IN`: the unary + keeps it from driving), while they are fewer than S; from S on it looks
 * each entry up. Measured at 1M contacts with tags: driven 4-6 ms at 1.5k-2.5k members, 12 ms at
 * 5k; the set walk 6 ms at 2.5k, 4.5 ms at 5k-10k, 27 ms at 96k; lookups 3 ms at 20k and 1.6 ms
 * at 96k.
 */
function setFilters(spec: CustomerSpec, filter: ListInput['filter'], viewer: Viewer): Candidate[] {
  const out: Candidate[] = [];
  const set = (members: RawBuilder<unknown>, key: RawBuilder<unknown>, lookup: RawBuilder<unknown>): Candidate => ({
    members,
    drive: sql`${key} IN (${members})`,
    walkSmall: sql`+${key} IN (${members})`,
    walkLarge: lookup,
    ordered: false,
  });
  if (filter.tagId) {
    const tagged = sql`SELECT g.record_id FROM taggings g WHERE g.tag_id = ${filter.tagId} AND g.deleted_at IS NULL`;
    // taggings_by_tag: the tag's links lie together and stay cached (through taggings_by_record,
    // the planner's pick, each lookup landed anywhere: 1M contacts, a tag on 5k, 45 → 4.7 ms).
    const lookup = sql`EXISTS (SELECT 1 FROM taggings g INDEXED BY taggings_by_tag WHERE g.record_id = r.id AND g.tag_id = ${filter.tagId} AND g.deleted_at IS NULL)`;
    out.push(set(tagged, sql`r.id`, lookup));
  }
  const owners = visibleOwners(viewer);
  if (owners) {
    const visible = sql`SELECT v.rid FROM ${sql.table(spec.table)} v WHERE v.owner_id IN (${sql.join(owners)}) AND v.deleted_at IS NULL
      UNION SELECT v.rid FROM record_shares s JOIN ${sql.table(spec.table)} v ON v.id = s.row_id
      WHERE s.user_id = ${viewer.userId} AND s.tbl = ${spec.table} AND s.deleted_at IS NULL`;
    out.push(set(visible, sql`r.rid`, visibleTo(viewer, spec.table, 'r')));
  }
  return out;
}

/**
 * Equality filters (owner, city, the kind's own). A walk tests a column the sort's index carries
 * (1M contacts, a city of 2.5k-10k sorted by name: driven 4-17 ms, walked 1-2 ms). A city has a
 * composite index (city, sort column, rid, …) in every sort, the others in the `updated` sort: there
 * the filter's own index walks in the page's order (migrations 0001, 0006).
 */
function columnFilters(spec: CustomerSpec, input: ListInput): Candidate[] {
  const { filter } = input;
  const equal: [string, unknown][] = [['owner_id', filter.ownerId], ['city', filter.city]];
  for (const [key, column] of Object.entries(spec.eqFilters)) equal.push([column, filter[key]]);
  return equal
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([column, value]) => {
      const ref = sql.ref(`r.${column}`);
      // A unary + keeps SQLite from using the column's index for this term.
      const tested = sql`+${ref} = ${value}`;
      return {
        members: sql`SELECT 1 FROM ${sql.table(spec.table)} r WHERE r.deleted_at IS NULL AND ${ref} = ${value}`,
        drive: sql`${ref} = ${value}`,
        walkSmall: tested,
        walkLarge: tested,
        ordered: input.sort === 'updated' || column === 'city',
      };
    });
}

/** S = √(limit × rows), rows estimated by the largest rid (one index step, never a count). */
async function scaleOf(db: Kysely<Database>, spec: CustomerSpec, limit: number): Promise<{ scale: number; rows: number }> {
  const { rows: found } = await sql<{ n: number | null }>`SELECT max(rid) AS n FROM ${sql.table(spec.table)}`.execute(db);
  const rows = found[0]!.n ?? 0;
  return { scale: Math.max(limit + 1, Math.ceil(Math.sqrt((limit + 1) * rows))), rows };
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
