// Merging two duplicates: the survivor takes, per field, the value `take` names (custom fields as
// `custom.<fieldId>`; mobiles and emails by default from both records); the other's timeline,
// tags and links move to the survivor; the other goes to the Trash. The dispatcher audits the
// whole merge as one action.
import type { z } from 'zod';
import type { CustomValues } from '../../../shared/custom-fields';
import { MERGE_LIST_FIELDS, type CustomerBase, type MergeInput, type MergeSide } from '../../../shared/customers';
import { LIMITS } from '../../../shared/validation';
import type { Ctx } from '../../core/context';
import { refreshCustomerIndex } from '../search';
import { invalidField } from './errors';
import type { CustomerSpec, Row } from './kinds';
import { refreshLastContacted } from './last-contacted';
import { loadCustomer, loadLive } from './load';
import { moveTaggings } from './tags-of';
import { writePatch } from './write';

export async function mergeCustomers<T extends CustomerBase>(ctx: Ctx, spec: CustomerSpec, input: z.output<typeof MergeInput>): Promise<T> {
  if (input.survivorId === input.otherId) throw invalidField('otherId', 'validation.merge_same');
  const survivor = await loadLive<T>(ctx.db, spec, input.survivorId);
  const other = await loadLive<T>(ctx.db, spec, input.otherId);
  const customIds = await customFieldIds(ctx, spec);
  await writePatch(ctx, spec, survivor, takenFields(spec, customIds, input.take, survivor, other));
  await moveTaggings(ctx, survivor.id, other.id);
  await moveTimeline(ctx, survivor.id, other.id);
  await spec.moveLinks(ctx, survivor.id, other.id);
  await ctx.changes.softDelete(spec.table, other.id);
  await refreshLastContacted(ctx, spec.kind, survivor.id);
  await refreshCustomerIndex(ctx.db, spec.kind, [survivor.id, other.id]);
  return loadCustomer<T>(ctx.db, spec, survivor.id);
}

/** The ids of this kind's custom fields (deleted ones too: their stored values can still move). */
async function customFieldIds(ctx: Ctx, spec: CustomerSpec): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('custom_fields').select('id').where('entity', '=', spec.kind).execute();
  return new Set(rows.map((r) => r.id));
}

const isListField = (field: string) => (MERGE_LIST_FIELDS as readonly string[]).includes(field);

/** Both lists, the survivor's values first, each value once, at most LIMITS.list. */
function combined(mine: unknown, theirs: unknown): string[] {
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  return [...new Set([...list(mine), ...list(theirs)])].slice(0, LIMITS.list);
}

/**
 * The survivor's patch: the other's values of the fields `take` gives to it, both records' values
 * of the list fields (unless `take` names one side), and the custom values `custom.<id>` names.
 */
function takenFields(spec: CustomerSpec, customIds: Set<string>, take: Record<string, MergeSide>, survivor: CustomerBase, other: CustomerBase): Row {
  const patch: Row = {};
  const mine = survivor as unknown as Row;
  const theirs = other as unknown as Row;
  for (const field of spec.mergeFields) {
    if (isListField(field) && (take[field] ?? 'both') === 'both') patch[field] = combined(mine[field], theirs[field]);
  }
  const custom: CustomValues = {};
  for (const [key, side] of Object.entries(take)) {
    const customId = key.startsWith('custom.') ? key.slice('custom.'.length) : null;
    if (customId !== null) {
      if (!customIds.has(customId)) throw invalidField(`take.${key}`, 'validation.merge_field');
      if (side === 'both') throw invalidField(`take.${key}`, 'validation.merge_both');
      if (side === 'other') custom[customId] = other.custom[customId] ?? null;
      continue;
    }
    if (!spec.mergeFields.includes(key)) throw invalidField(`take.${key}`, 'validation.merge_field');
    if (side === 'both' && !isListField(key)) throw invalidField(`take.${key}`, 'validation.merge_both');
    if (side === 'other') patch[key] = theirs[key];
    if (side === 'survivor' && isListField(key)) delete patch[key];
  }
  if (Object.keys(custom).length > 0) patch.custom = { ...(patch.custom as CustomValues | undefined), ...custom };
  return patch;
}

/** The other's activities become the survivor's. */
async function moveTimeline(ctx: Ctx, survivorId: string, otherId: string): Promise<void> {
  const moved = await ctx.db.selectFrom('activities').select('id').where('subject_id', '=', otherId).execute();
  for (const { id } of moved) await ctx.changes.update('activities', id, { subject_id: survivorId });
}
