// The editable sales choice lists (lead sources, lost and invalid reasons).
import { KehuError, notFound } from '../../../shared/errors';
import type { picklistsContract, PicklistItem, PicklistName } from '../../../shared/leads';
import type { Ctx, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';

export async function listPicklist(ctx: Ctx, list: PicklistName): Promise<PicklistItem[]> {
  const rows = await ctx.db
    .selectFrom('picklist_items')
    .select(['id', 'list', 'label', 'position'])
    .where('list', '=', list)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows as PicklistItem[];
}

async function getItem(ctx: Ctx, id: string): Promise<PicklistItem> {
  const row = await ctx.db
    .selectFrom('picklist_items')
    .select(['id', 'list', 'label', 'position'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('picklist_item', id);
  return row as PicklistItem;
}

export const picklistsHandlers: HandlersOf<typeof picklistsContract> = {
  'picklists.list': async ({ list }, ctx) => listPicklist(ctx, list),

  'picklists.save': async (input, ctx) => {
    const items = await listPicklist(ctx, input.list);
    if (items.some((i) => i.label === input.label && i.id !== input.id)) {
      throw new KehuError({ code: 'conflict', fields: [{ path: 'label', message: 'leads.errors.label_exists' }] });
    }
    if (input.id) {
      const item = await getItem(ctx, input.id);
      if (item.list !== input.list) throw notFound('picklist_item', input.id);
      await ctx.changes.update('picklist_items', input.id, { label: input.label });
      return getItem(ctx, input.id);
    }
    const id = newId();
    const position = items.reduce((max, i) => Math.max(max, i.position + 1), 0);
    await ctx.changes.insert('picklist_items', { id, list: input.list, label: input.label, position });
    return getItem(ctx, id);
  },

  'picklists.delete': async ({ id }, ctx) => {
    await getItem(ctx, id);
    await ctx.changes.softDelete('picklist_items', id);
  },
};
