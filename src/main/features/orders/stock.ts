// Stock follows orders: confirming reserves every product line's quantity, all or nothing, and
// cancelling a confirmed or shipped order gives it back. Both run inside the order's mutation.
import { KehuError } from '../../../shared/errors';
import type { LineItem } from '../../../shared/money';
import type { Ctx } from '../../core/context';

/** Units per product over the order's lines (a product may appear on several lines). */
export function demandOf(lines: LineItem[]): Map<string, number> {
  const demand = new Map<string, number>();
  for (const line of lines) if (line.productId) demand.set(line.productId, (demand.get(line.productId) ?? 0) + line.quantity);
  return demand;
}

async function productsOf(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return [];
  return ctx.db.selectFrom('products').select(['id', 'name', 'sku', 'unit', 'stock', 'allow_backorder']).where('id', 'in', ids).execute();
}

/**
 * Takes the lines' quantities off stock, or refuses the whole order (nothing written) when a
 * product without backorders would go below zero; the error names the first such product.
 */
export async function reserveStock(ctx: Ctx, lines: LineItem[]): Promise<void> {
  const demand = demandOf(lines);
  const products = await productsOf(ctx, [...demand.keys()]);
  const short = products.filter((p) => p.allow_backorder !== 1 && p.stock < (demand.get(p.id) ?? 0));
  const first = short[0];
  if (first) {
    throw new KehuError({
      code: 'conflict',
      message: short.length > 1 ? 'orders.errors.out_of_stock_more' : 'orders.errors.out_of_stock',
      params: { product: first.name, sku: first.sku, unit: first.unit, needed: demand.get(first.id) ?? 0, available: first.stock, more: short.length - 1 },
      detail: short.map((p) => ({ productId: p.id, name: p.name, sku: p.sku, needed: demand.get(p.id) ?? 0, available: p.stock })),
    });
  }
  for (const p of products) await ctx.changes.update('products', p.id, { stock: p.stock - (demand.get(p.id) ?? 0) });
}

export async function returnStock(ctx: Ctx, lines: LineItem[]): Promise<void> {
  const demand = demandOf(lines);
  for (const p of await productsOf(ctx, [...demand.keys()])) {
    await ctx.changes.update('products', p.id, { stock: p.stock + (demand.get(p.id) ?? 0) });
  }
}
