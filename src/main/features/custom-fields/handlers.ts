import { ENTITY_FIXED, type CustomField, type customFieldsContract } from '../../../shared/custom-fields';
import { notFound } from '../../../shared/errors';
import type { Ctx, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';
import { invalidField } from '../customers/errors';
import { settleMisfits } from './misfits';

async function listFields(ctx: Ctx, entity?: CustomField['entity']): Promise<CustomField[]> {
  let query = ctx.db
    .selectFrom('custom_fields')
    .select(['id', 'entity', 'label', 'type', 'options', 'position'])
    .where('deleted_at', 'is', null);
  if (entity) query = query.where('entity', '=', entity);
  const rows = await query.orderBy('entity').orderBy('position').orderBy('label').execute();
  return rows.map((r) => ({ ...r, options: JSON.parse(r.options) }) as CustomField);
}

async function getField(ctx: Ctx, id: string): Promise<CustomField> {
  const field = (await listFields(ctx)).find((f) => f.id === id);
  if (!field) throw notFound('custom_field', id);
  return field;
}

/**
 * A field stays on the entity it was made for. Moved, its values would stay behind on the old
 * entity's records, unseen, and make every later save of those records fail (custom_unknown);
 * another entity's field is a new field.
 */
function keepEntity(old: CustomField, entity: CustomField['entity']): void {
  if (old.entity !== entity) throw invalidField('entity', ENTITY_FIXED);
}

export const customFieldsHandlers: HandlersOf<typeof customFieldsContract> = {
  'customFields.list': (input, ctx) => listFields(ctx, input.entity),

  'customFields.save': async ({ id, clearMisfits, renames, ...field }, ctx) => {
    const columns = { ...field, options: JSON.stringify(field.options) };
    if (id) {
      const old = await getField(ctx, id);
      keepEntity(old, field.entity);
      await settleMisfits(ctx, old, { id, ...field }, { clear: clearMisfits, renames });
      await ctx.changes.update('custom_fields', id, columns);
      return getField(ctx, id);
    }
    const created = newId();
    await ctx.changes.insert('custom_fields', { id: created, ...columns });
    return getField(ctx, created);
  },

  /** Records keep their stored values; without a definition they are no longer shown or accepted. */
  'customFields.delete': async ({ id }, ctx) => {
    await getField(ctx, id);
    await ctx.changes.softDelete('custom_fields', id);
  },
};
