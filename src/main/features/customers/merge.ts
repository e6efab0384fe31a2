// Merging two duplicates: the survivor takes, per field, the value `take` names; the other's
// timeline, tags and links move to the survivor; the other goes to the Trash. The dispatcher
// audits the whole merge as one action.
import type { z } from 'zod';
import type { CustomerBase, MergeInput } from '../../../shared/customers';
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
  await writePatch(ctx, spec, survivor, takenFields(spec, input.take, other));
  await moveTaggings(ctx, survivor.id, other.id);
  await moveTimeline(ctx, survivor.id, other.id);
  await spec.moveLinks(ctx, survivor.id, other.id);
  await ctx.changes.softDelete(spec.table, other.id);
  await refreshLastContacted(ctx, spec.kind, survivor.id);
  await refreshCustomerIndex(ctx.db, spec.kind, [survivor.id, other.id]);
  return loadCustomer<T>(ctx.db, spec, survivor.id);
}

/** The other record's values of the fields `take` gives to it, as a patch. */
function takenFields(spec: CustomerSpec, take: Record<string, 'survivor' | 'other'>, other: CustomerBase): Row {
  const patch: Row = {};
  for (const [field, side] of Object.entries(take)) {
    if (!spec.mergeFields.includes(field)) throw invalidField(`take.${field}`, 'validation.merge_field');
    if (side === 'other') patch[field] = (other as unknown as Row)[field];
  }
  return patch;
}

/** The other's activities become the survivor's. */
async function moveTimeline(ctx: Ctx, survivorId: string, otherId: string): Promise<void> {
  const moved = await ctx.db.selectFrom('activities').select('id').where('subject_id', '=', otherId).execute();
  for (const { id } of moved) await ctx.changes.update('activities', id, { subject_id: survivorId });
}
