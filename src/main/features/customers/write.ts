// Create, update and delete of companies and contacts. Every write goes through ctx.changes (so
// change_log and audit see it) and ends by refreshing the search index in the same transaction.
import type { CustomerBase } from '../../../shared/customers';
import type { CustomValues } from '../../../shared/custom-fields';
import { KehuError } from '../../../shared/errors';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import { checkAssignable } from '../../core/visibility';
import { refreshCustomerIndex } from '../search';
import { toColumns } from './columns';
import { checkCustomValues, patchCustom } from './custom-values';
import { invalidField } from './errors';
import type { CustomerSpec, Row } from './kinds';
import { loadCustomer, loadLive } from './load';
import { checkTags, replaceTags } from './tags-of';

interface CommonFields {
  ownerId?: string | null;
  tagIds?: string[];
  custom?: CustomValues;
}

/** Refuses an owner who is not a live user, or whose records the caller may not see. */
async function checkOwner(ctx: Ctx, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  checkAssignable(ctx.session, ownerId);
  const user = await ctx.db.selectFrom('users').select('id').where('id', '=', ownerId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!user) throw invalidField('ownerId', 'validation.owner_missing');
}

/** Everything a save checks before it writes: links, owner, tags, custom values. */
async function checkFields(ctx: Ctx, spec: CustomerSpec, fields: Row & CommonFields): Promise<void> {
  await spec.checkLinks(ctx, fields);
  await checkOwner(ctx, fields.ownerId);
  if (fields.tagIds) await checkTags(ctx, fields.tagIds);
  if (fields.custom) await checkCustomValues(ctx, spec.kind, fields.custom);
}

export async function createCustomer<T extends CustomerBase>(
  ctx: Ctx,
  spec: CustomerSpec,
  input: Row & CommonFields & { allowDuplicate: boolean },
): Promise<T> {
  await checkFields(ctx, spec, input);
  if (!input.allowDuplicate) {
    const candidates = await spec.findDuplicates(ctx.db, ctx.session, input);
    if (candidates.length > 0) throw new KehuError({ code: 'duplicate', detail: candidates });
  }
  const id = newId();
  const { ownerId, custom, ...fields } = input;
  const columns = { ...toColumns(spec.kind, fields), custom: JSON.stringify(patchCustom({}, custom ?? {})) };
  await ctx.changes.insert(spec.table, { id, ...columns, owner_id: ownerId ?? ctx.session.userId } as never);
  // A new record has no tags to take off.
  if (input.tagIds?.length) await replaceTags(ctx, id, input.tagIds);
  await refreshCustomerIndex(ctx.db, spec.kind, [id], { created: true });
  return loadCustomer<T>(ctx.db, spec, id);
}

export async function updateCustomer<T extends CustomerBase>(
  ctx: Ctx,
  spec: CustomerSpec,
  id: string,
  patch: Row & CommonFields,
): Promise<T> {
  const current = await loadLive(ctx.db, spec, id);
  await checkFields(ctx, spec, patch);
  await writePatch(ctx, spec, current, patch);
  return loadCustomer<T>(ctx.db, spec, id);
}

/** Writes a checked patch: only fields it names; tags replaced when given; custom merged. */
export async function writePatch(ctx: Ctx, spec: CustomerSpec, current: CustomerBase, patch: Row & CommonFields): Promise<void> {
  const { ownerId, custom, tagIds, ...fields } = patch;
  const columns = toColumns(spec.kind, fields);
  if (ownerId) columns.owner_id = ownerId;
  if (custom) columns.custom = JSON.stringify(patchCustom(current.custom, custom));
  await ctx.changes.update(spec.table, current.id, columns);
  if (tagIds) await replaceTags(ctx, current.id, tagIds);
  await refreshCustomerIndex(ctx.db, spec.kind, [current.id]);
}

/** Soft-deletes the live ones among these records; returns how many it deleted. */
export async function deleteCustomers(ctx: Ctx, spec: CustomerSpec, ids: string[]): Promise<number> {
  const live = await ctx.db
    .selectFrom(spec.table)
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  for (const { id } of live) await ctx.changes.softDelete(spec.table, id);
  await refreshCustomerIndex(ctx.db, spec.kind, live.map((r) => r.id));
  return live.length;
}
