// The leads list: filters, a text search (LIKE: leads stay few), keyset pages on
// (sort key, rid). Sorted by next follow-up, leads without one come last.
import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Lead, LeadList } from '../../../shared/leads';
import type { Page } from '../../../shared/paging';
import type { Ctx } from '../../core/context';
import { visibleTo, type Viewer } from '../../core/visibility';
import { cutPage, decodeCursor } from '../customers';
import { overdueCondition, selectLeads, toLead, type LeadRow } from './rows';

/** Past every ISO time, so leads without a next follow-up sort last. */
const NO_DATE = '9999';

const SORTS = {
  next: { key: sql`coalesce(l.next_follow_up_at, ${NO_DATE})`, dir: 'ASC', cmp: '>' },
  created: { key: sql`l.created_at`, dir: 'DESC', cmp: '<' },
} as const;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(input: z.output<typeof LeadList>, now: string, viewer: Viewer): RawBuilder<unknown>[] {
  const { filter } = input;
  const out = [sql`l.deleted_at IS NULL`, visibleTo(viewer, 'leads', 'l')];
  if (filter.status) out.push(sql`l.status = ${filter.status}`);
  if (filter.ownerId) out.push(sql`l.owner_id = ${filter.ownerId}`);
  if (filter.source) out.push(sql`l.source = ${filter.source}`);
  if (filter.overdue) out.push(overdueCondition(now));
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    out.push(sql`(l.name LIKE ${like} ESCAPE '\\' OR l.company_name LIKE ${like} ESCAPE '\\' OR l.mobile LIKE ${like} ESCAPE '\\')`);
  }
  return out;
}

export async function listLeads(ctx: Ctx, input: z.output<typeof LeadList>): Promise<Page<Lead>> {
  const sort = SORTS[input.sort];
  const where = conditions(input, ctx.now, ctx.session);
  const cursor = decodeCursor(input.cursor);
  if (cursor) where.push(sql`(${sort.key}, l.rid) ${sql.raw(sort.cmp)} (${cursor.value}, ${cursor.tie})`);
  const dir = sql.raw(sort.dir);
  const found = await sql<LeadRow & { sort_key: string }>`
    ${selectLeads(ctx.now, sql`, ${sort.key} AS sort_key`)}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${sort.key} ${dir}, l.rid ${dir} LIMIT ${input.limit + 1}`.execute(ctx.db);
  const page = cutPage(found.rows, input.limit, (r) => ({ value: r.sort_key, tie: r.rid }));
  return { items: page.rows.map(toLead), nextCursor: page.nextCursor };
}
