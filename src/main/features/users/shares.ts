// Records shared with other users (record_shares): whoever owns a record, or sees it by their
// scope (a manager their team's, an admin all), may share it; the users it is shared with then see
// it too (core/visibility.ts). Shares sync and are audited like any record.
import { sql } from 'kysely';
import { notFound } from '../../../shared/errors';
import type { ShareEntity, usersContract } from '../../../shared/users';
import type { Ctx, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';
import { checkVisible, TABLE_OF_ENTITY, visibleOwners } from '../../core/visibility';
import { invalidField } from '../customers';

/** The record's owner; not_found when it does not exist or the caller may not see it. */
async function ownerOfVisible(ctx: Ctx, entity: ShareEntity, id: string, live: boolean): Promise<string> {
  await checkVisible(ctx.db, ctx.session, entity, id);
  const row = await ctx.db
    .selectFrom(TABLE_OF_ENTITY[entity])
    .select(['owner_id', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (live && row.deleted_at)) throw notFound(entity, id);
  return row.owner_id;
}

async function listShares({ entity, id }: { entity: ShareEntity; id: string }, ctx: Ctx) {
  await ownerOfVisible(ctx, entity, id, false);
  const { rows } = await sql<{ userId: string; userName: string }>`
    SELECT s.user_id AS userId, u.name AS userName FROM record_shares s JOIN users u ON u.id = s.user_id
    WHERE s.tbl = ${TABLE_OF_ENTITY[entity]} AND s.row_id = ${id} AND s.deleted_at IS NULL
    ORDER BY u.name, u.id`.execute(ctx.db);
  return rows;
}

/** Refuses user ids that are not live users. */
async function checkUsers(ctx: Ctx, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const live = await ctx.db.selectFrom('users').select('id').where('id', 'in', userIds).where('deleted_at', 'is', null).execute();
  const known = new Set(live.map((u) => u.id));
  const missing = userIds.findIndex((u) => !known.has(u));
  if (missing >= 0) throw invalidField(`userIds.${missing}`, 'validation.user_missing');
}

async function setShares({ entity, id, userIds }: { entity: ShareEntity; id: string; userIds: string[] }, ctx: Ctx): Promise<void> {
  const owner = await ownerOfVisible(ctx, entity, id, true);
  // Seeing a record because it was shared with one is not enough to share it further.
  const owners = visibleOwners(ctx.session);
  if (owners && !owners.includes(owner)) throw notFound(entity, id);
  const wanted = [...new Set(userIds)];
  await checkUsers(ctx, wanted);
  const table = TABLE_OF_ENTITY[entity];
  const rows = await ctx.db.selectFrom('record_shares').select(['id', 'user_id', 'deleted_at']).where('tbl', '=', table).where('row_id', '=', id).execute();
  for (const row of rows) {
    const keep = wanted.includes(row.user_id);
    if (!keep && !row.deleted_at) await ctx.changes.softDelete('record_shares', row.id);
  }
  for (const userId of wanted) {
    const rowsOfUser = rows.filter((r) => r.user_id === userId);
    if (rowsOfUser.some((r) => !r.deleted_at)) continue;
    // A share given again brings its old row back rather than piling up tombstones.
    if (rowsOfUser[0]) await ctx.changes.restore('record_shares', rowsOfUser[0].id);
    else await ctx.changes.insert('record_shares', { id: newId(), tbl: table, row_id: id, user_id: userId });
  }
}

export const sharesHandlers: HandlersOf<Pick<typeof usersContract, 'shares.list' | 'shares.set'>> = {
  'shares.list': listShares,
  'shares.set': setShares,
};
