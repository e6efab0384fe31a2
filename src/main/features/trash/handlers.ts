// The Trash: soft-deleted contacts and companies, newest deleted first; restore or purge.
import { sql } from 'kysely';
import type { TrashEntity } from '../../../shared/customers';
import type { TrashItem, trashContract } from '../../../shared/trash';
import type { Ctx, HandlersOf } from '../../core/context';
import { cutPage, decodeCursor, TABLE_OF } from '../customers';
import { dropFromCustomerIndex, refreshCustomerIndex } from '../search';

/** The ones among these ids that are in the Trash. */
async function deletedIds(ctx: Ctx, entity: TrashEntity, ids: string[]): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom(TABLE_OF[entity])
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Removes one record for good, with its tag links and timeline; a company's contacts stay, unlinked. */
async function purgeRecord(ctx: Ctx, entity: TrashEntity, id: string): Promise<void> {
  const links = await ctx.db.selectFrom('taggings').select('id').where('record_id', '=', id).execute();
  const timeline = await ctx.db.selectFrom('activities').select('id').where('subject_id', '=', id).execute();
  for (const link of links) await ctx.changes.purge('taggings', link.id);
  for (const activity of timeline) await ctx.changes.purge('activities', activity.id);
  if (entity === 'company') await unlinkCompany(ctx, id);
  await ctx.changes.purge(TABLE_OF[entity], id);
}

async function unlinkCompany(ctx: Ctx, companyId: string): Promise<void> {
  const contacts = await ctx.db.selectFrom('contacts').select('id').where('company_id', '=', companyId).execute();
  for (const { id } of contacts) await ctx.changes.update('contacts', id, { company_id: null });
  const activities = await ctx.db.selectFrom('activities').select('id').where('company_id', '=', companyId).execute();
  for (const { id } of activities) await ctx.changes.update('activities', id, { company_id: null });
}

export const trashHandlers: HandlersOf<typeof trashContract> = {
  'trash.list': async ({ entity, cursor, limit }, ctx) => {
    const after = decodeCursor(cursor);
    const { rows } = await sql<{ rid: number; id: string; name: string; deleted_at: string }>`
      SELECT rid, id, name, deleted_at FROM ${sql.table(TABLE_OF[entity])}
      WHERE deleted_at IS NOT NULL ${after ? sql`AND (deleted_at, rid) < (${after.value}, ${after.tie})` : sql``}
      ORDER BY deleted_at DESC, rid DESC LIMIT ${limit + 1}`.execute(ctx.db);
    const page = cutPage(rows, limit, (r) => ({ value: r.deleted_at, tie: r.rid }));
    const items: TrashItem[] = page.rows.map((r) => ({ type: entity, id: r.id, name: r.name, deletedAt: r.deleted_at }));
    return { items, nextCursor: page.nextCursor };
  },

  'trash.restore': async ({ entity, ids }, ctx) => {
    const found = await deletedIds(ctx, entity, ids);
    for (const id of found) await ctx.changes.restore(TABLE_OF[entity], id);
    await refreshCustomerIndex(ctx.db, entity, found);
    return { restored: found.length };
  },

  'trash.purge': async ({ entity, ids }, ctx) => {
    const found = await deletedIds(ctx, entity, ids);
    await dropFromCustomerIndex(ctx.db, entity, found);
    for (const id of found) await purgeRecord(ctx, entity, id);
    return { purged: found.length };
  },
};
