// The opportunity list: keyset pages of a filter, and the totals of the whole filter (count,
// amount, weighted amount). A firm has thousands of opportunities, not millions: the filter and
// the sort key are evaluated per row, without a dedicated index.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { DealList, DealPage, DealSort, DealTotals } from '../../../shared/deals';
import { visibleTo, type Viewer } from '../../core/visibility';
import type { Database } from '../../db/schema';
import { cutPage, decodeCursor } from '../customers';
import { selectDeals, toOpportunity, WEIGHTED, type DealRow } from './load';

type ListInput = z.output<typeof DealList>;
type Filter = ListInput['filter'];

const SORT_KEY: Record<DealSort, RawBuilder<unknown>> = {
  updated: sql`o.updated_at`,
  created: sql`o.created_at`,
  // Without a date last when ascending.
  close: sql`ifnull(o.expected_close, '9999-12-31')`,
  amount: sql`o.amount`,
  name: sql`o.name`,
};

export async function listDeals(db: Kysely<Database>, input: ListInput, viewer: Viewer): Promise<DealPage> {
  const where = [...filterConditions(input.filter), visibleTo(viewer, 'opportunities', 'o')];
  const key = SORT_KEY[input.sort];
  const dir = sql.raw(input.dir === 'asc' ? 'ASC' : 'DESC');
  const cmp = sql.raw(input.dir === 'asc' ? '>' : '<');
  const cursor = decodeCursor(input.cursor);
  const after = cursor ? [sql`(${key}, o.rid) ${cmp} (${cursor.value}, ${cursor.tie})`] : [];
  const { rows } = await sql<DealRow & { $v: string | number }>`${selectDeals(sql`${key} AS "$v"`)}
    WHERE ${sql.join([...where, ...after], sql` AND `)}
    ORDER BY ${key} ${dir}, o.rid ${dir} LIMIT ${input.limit + 1}`.execute(db);
  const page = cutPage(rows, input.limit, (r) => ({ value: r.$v, tie: r.rid }));
  return { items: page.rows.map(toOpportunity), nextCursor: page.nextCursor, totals: await totalsOf(db, where) };
}

async function totalsOf(db: Kysely<Database>, where: RawBuilder<unknown>[]): Promise<DealTotals> {
  const { rows } = await sql<DealTotals>`
    SELECT count(*) AS count, ifnull(sum(o.amount), 0) AS amount, ifnull(sum(${WEIGHTED}), 0) AS weighted
    FROM opportunities o LEFT JOIN companies c ON c.id = o.company_id
    WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  return rows[0];
}

function filterConditions(filter: Filter): RawBuilder<unknown>[] {
  const out = [filter.deleted ? sql`o.deleted_at IS NOT NULL` : sql`o.deleted_at IS NULL`];
  const equal: [string, string | null | undefined][] = [
    ['pipeline_id', filter.pipelineId],
    ['stage_id', filter.stageId],
    ['status', filter.status],
    ['owner_id', filter.ownerId],
    ['company_id', filter.companyId],
  ];
  for (const [column, value] of equal) if (value) out.push(sql`${sql.ref(`o.${column}`)} = ${value}`);
  if (filter.close?.from) out.push(sql`o.expected_close >= ${filter.close.from.slice(0, 10)}`);
  if (filter.close?.to) out.push(sql`o.expected_close <= ${filter.close.to.slice(0, 10)}`);
  if (filter.q) out.push(sql`(instr(lower(o.name), lower(${filter.q})) > 0 OR instr(lower(ifnull(c.name, '')), lower(${filter.q})) > 0)`);
  return out;
}
