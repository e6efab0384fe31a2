// Saved views belong to the person who saved them: each sees and changes only their own.
import type { SavedView, viewsContract } from '../../../shared/views';
import { notFound } from '../../../shared/errors';
import type { Ctx, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';

async function ownViews(ctx: Ctx, entity?: SavedView['entity']): Promise<SavedView[]> {
  let query = ctx.db
    .selectFrom('saved_views')
    .select(['id', 'entity', 'name', 'filter', 'sort', 'dir'])
    .where('owner_id', '=', ctx.session.userId)
    .where('deleted_at', 'is', null);
  if (entity) query = query.where('entity', '=', entity);
  const rows = await query.orderBy('name').execute();
  return rows.map((r) => ({ ...r, filter: JSON.parse(r.filter) }) as SavedView);
}

async function ownView(ctx: Ctx, id: string): Promise<SavedView> {
  const view = (await ownViews(ctx)).find((v) => v.id === id);
  if (!view) throw notFound('saved_view', id);
  return view;
}

export const viewsHandlers: HandlersOf<typeof viewsContract> = {
  'views.list': (input, ctx) => ownViews(ctx, input.entity),

  'views.save': async ({ id, ...view }, ctx) => {
    const columns = { ...view, filter: JSON.stringify(view.filter) };
    if (id) {
      await ownView(ctx, id);
      await ctx.changes.update('saved_views', id, columns);
      return ownView(ctx, id);
    }
    const created = newId();
    await ctx.changes.insert('saved_views', { id: created, ...columns });
    return ownView(ctx, created);
  },

  'views.delete': async ({ id }, ctx) => {
    await ownView(ctx, id);
    await ctx.changes.softDelete('saved_views', id);
  },
};
