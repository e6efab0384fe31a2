// Line items of an opportunity, a quote or an order (one table, parent_type): read them, or
// replace them as a whole when the parent is saved (the old lines are soft-deleted so that the
// change syncs like any other).
import type { Kysely } from 'kysely';
import { lineAmount, LineItemInput, type LineItem } from '../../../shared/money';
import type { z } from 'zod';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import type { Database } from '../../db/schema';

export type LineParent = 'opportunity' | 'quote' | 'order';

export async function listLineItems(db: Kysely<Database>, parentType: LineParent, parentId: string): Promise<LineItem[]> {
  const rows = await db
    .selectFrom('line_items')
    .select(['id', 'product_id', 'name', 'unit', 'quantity', 'unit_price', 'discount', 'amount'])
    .where('parent_type', '=', parentType)
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    name: r.name,
    unit: r.unit,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    discount: r.discount,
    amount: r.amount,
  }));
}

/** Replaces the parent's lines with `items` (in this order); returns the stored lines. */
export async function replaceLineItems(
  ctx: Ctx,
  parentType: LineParent,
  parentId: string,
  items: z.output<typeof LineItemInput>[],
): Promise<LineItem[]> {
  for (const old of await listLineItems(ctx.db, parentType, parentId)) await ctx.changes.softDelete('line_items', old.id);
  for (const [position, item] of items.entries()) {
    await ctx.changes.insert('line_items', {
      id: newId(),
      parent_type: parentType,
      parent_id: parentId,
      product_id: item.productId,
      name: item.name,
      unit: item.unit,
      quantity: item.quantity,
      unit_price: item.unitPrice,
      discount: item.discount,
      amount: lineAmount(item),
      position,
    });
  }
  return listLineItems(ctx.db, parentType, parentId);
}
