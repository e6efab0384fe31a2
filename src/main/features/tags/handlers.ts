import { sql } from 'kysely';
import type { Tag, tagsContract } from '../../../shared/tags';
import { KehuError, notFound } from '../../../shared/errors';
import type { Ctx, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';

async function getTag(ctx: Ctx, id: string): Promise<Tag> {
  const tag = (await listTags(ctx)).find((t) => t.id === id);
  if (!tag) throw notFound('tag', id);
  return tag;
}

async function listTags(ctx: Ctx): Promise<Tag[]> {
  const rows = await sql<Tag>`
    SELECT t.id, t.name, t.color,
      (SELECT count(*) FROM taggings g WHERE g.tag_id = t.id AND g.deleted_at IS NULL) AS usage
    FROM tags t WHERE t.deleted_at IS NULL ORDER BY t.name`.execute(ctx.db);
  return rows.rows;
}

export const tagsHandlers: HandlersOf<typeof tagsContract> = {
  'tags.list': async (_input, ctx) => listTags(ctx),

  'tags.save': async (input, ctx) => {
    // Only a new name can clash: two devices that each made 'VIP' hold two tags of that name
    // after a sync, and each must still take a new colour under its own name.
    const current = input.id ? await getTag(ctx, input.id) : null;
    if (current?.name !== input.name) {
      const clash = await ctx.db.selectFrom('tags').select('id').where('name', '=', input.name).where('deleted_at', 'is', null).executeTakeFirst();
      if (clash) throw new KehuError({ code: 'conflict', fields: [{ path: 'name', message: 'validation.tag_exists' }] });
    }
    if (input.id) {
      await ctx.changes.update('tags', input.id, { name: input.name, color: input.color });
      return getTag(ctx, input.id);
    }
    const id = newId();
    await ctx.changes.insert('tags', { id, name: input.name, color: input.color });
    return getTag(ctx, id);
  },

  'tags.delete': async ({ id }, ctx) => {
    await getTag(ctx, id);
    const links = await ctx.db
      .selectFrom('taggings')
      .select('id')
      .where('tag_id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    for (const link of links) await ctx.changes.softDelete('taggings', link.id);
    await ctx.changes.softDelete('tags', id);
  },

  'tags.apply': async ({ tagId, recordIds, on }, ctx) => {
    await getTag(ctx, tagId);
    await checkLiveRecords(ctx, recordIds);
    let changed = 0;
    for (const recordId of new Set(recordIds)) {
      changed += (await setTagging(ctx, tagId, recordId, on)) ? 1 : 0;
    }
    return { changed };
  },
};

/** Tags go only on live contacts and companies. */
async function checkLiveRecords(ctx: Ctx, recordIds: string[]): Promise<void> {
  const ids = [...new Set(recordIds)];
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM contacts WHERE id IN (${sql.join(ids)}) AND deleted_at IS NULL)
         + (SELECT count(*) FROM companies WHERE id IN (${sql.join(ids)}) AND deleted_at IS NULL) AS n`.execute(ctx.db);
  if (rows[0].n !== ids.length) {
    throw new KehuError({ code: 'invalid_input', fields: [{ path: 'recordIds', message: 'validation.record_missing' }] });
  }
}

/** Puts a tag on a record (or takes it off); returns whether anything changed. */
export async function setTagging(ctx: Ctx, tagId: string, recordId: string, on: boolean): Promise<boolean> {
  const existing = await ctx.db
    .selectFrom('taggings')
    .select(['id', 'deleted_at'])
    .where('tag_id', '=', tagId)
    .where('record_id', '=', recordId)
    // A live link first: two devices may each have made one for the same pair.
    .orderBy(sql`deleted_at IS NULL`, 'desc')
    .executeTakeFirst();
  if (on) {
    if (existing && existing.deleted_at === null) return false;
    if (existing) await ctx.changes.restore('taggings', existing.id);
    else await ctx.changes.insert('taggings', { id: newId(), tag_id: tagId, record_id: recordId });
    return true;
  }
  if (!existing || existing.deleted_at !== null) return false;
  await ctx.changes.softDelete('taggings', existing.id);
  return true;
}
