// Tags of contacts and companies: read for output, replaced on save, moved on merge.
import { sql, type Kysely } from 'kysely';
import type { Tag } from '../../../shared/tags';
import type { Ctx } from '../../core/context';
import type { Database } from '../../db/schema';
import { setTagging } from '../tags/handlers';
import { invalidField } from './errors';

export type TagChip = Pick<Tag, 'id' | 'name' | 'color'>;

/** Live tags of each record, by record id, ordered by name. */
export async function tagsOf(db: Kysely<Database>, recordIds: string[]): Promise<Map<string, TagChip[]>> {
  const byRecord = new Map<string, TagChip[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await sql<TagChip & { record_id: string }>`
    SELECT g.record_id, t.id, t.name, t.color FROM taggings g JOIN tags t ON t.id = g.tag_id
    WHERE g.record_id IN (${sql.join(recordIds)}) AND g.deleted_at IS NULL AND t.deleted_at IS NULL
    ORDER BY t.name`.execute(db);
  for (const { record_id, ...tag } of rows.rows) {
    byRecord.set(record_id, [...(byRecord.get(record_id) ?? []), tag]);
  }
  return byRecord;
}

/** Refuses tag ids that are not live tags. */
export async function checkTags(ctx: Ctx, tagIds: string[]): Promise<void> {
  if (tagIds.length === 0) return;
  const live = await ctx.db.selectFrom('tags').select('id').where('id', 'in', tagIds).where('deleted_at', 'is', null).execute();
  if (live.length !== new Set(tagIds).size) throw invalidField('tagIds', 'validation.tag_missing');
}

/** Makes the record carry exactly these tags. */
export async function replaceTags(ctx: Ctx, recordId: string, tagIds: string[]): Promise<void> {
  const current = (await tagsOf(ctx.db, [recordId])).get(recordId) ?? [];
  const wanted = new Set(tagIds);
  for (const tag of current) if (!wanted.has(tag.id)) await setTagging(ctx, tag.id, recordId, false);
  for (const tagId of wanted) await setTagging(ctx, tagId, recordId, true);
}

/** Merge: the survivor gains the other's tags (never twice); the other's links are taken off. */
export async function moveTaggings(ctx: Ctx, survivorId: string, otherId: string): Promise<void> {
  const links = await ctx.db
    .selectFrom('taggings')
    .select(['id', 'tag_id'])
    .where('record_id', '=', otherId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const link of links) {
    await ctx.changes.softDelete('taggings', link.id);
    await setTagging(ctx, link.tag_id, survivorId, true);
  }
}
