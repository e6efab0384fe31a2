// Orders: made from an accepted quote (lines and totals copied), then 待确认 pending → 已确认
// confirmed → 已发货 shipped → 已完成 completed, or 已取消 cancelled before completion.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { KehuError, notFound } from '../../../shared/errors';
import type { LineItem } from '../../../shared/money';
import type { Order, OrderList, OrderStatus, OrderSummary, StockMove } from '../../../shared/orders';
import type { Page } from '../../../shared/paging';
import type { Ctx } from '../../core/context';
import { visibleTo, type Viewer } from '../../core/visibility';
import { newId } from '../../core/ids';
import type { Database } from '../../db/schema';
import { cutPage, decodeCursor } from '../customers';
import { listLineItems, replaceLineItems } from '../sales/line-items';
import { nextNumber } from './numbering';
import { getQuote } from './quotes';
import { demandOf, reserveStock, returnStock } from './stock';

function orderRows(db: Kysely<Database>) {
  return db
    .selectFrom('orders as r')
    .leftJoin('quotes as q', 'q.id', 'r.quote_id')
    .leftJoin('companies as c', 'c.id', 'r.company_id')
    .leftJoin('contacts as p', 'p.id', 'r.contact_id')
    .selectAll('r')
    .select(['q.number as quote_number', 'c.name as company_name', 'p.name as contact_name'])
    .where('r.deleted_at', 'is', null);
}
type OrderRow = Awaited<ReturnType<ReturnType<typeof orderRows>['executeTakeFirstOrThrow']>>;

function toSummary(r: OrderRow): OrderSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status as OrderStatus,
    quoteId: r.quote_id,
    quoteNumber: r.quote_number,
    opportunityId: r.opportunity_id,
    companyId: r.company_id,
    companyName: r.company_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    currency: r.currency,
    subtotal: r.subtotal,
    discount: r.discount,
    taxRate: r.tax_rate,
    tax: r.tax,
    total: r.total,
    createdAt: r.created_at,
  };
}

/** What the order did to stock, read from its times: reserved once confirmed, returned once cancelled after that. */
async function stockMovesOf(db: Kysely<Database>, r: OrderRow, lines: LineItem[]): Promise<StockMove[]> {
  if (!r.confirmed_at) return [];
  const demand = demandOf(lines);
  if (demand.size === 0) return [];
  const products = await db.selectFrom('products').select(['id', 'name', 'sku', 'unit', 'stock']).where('id', 'in', [...demand.keys()]).execute();
  const kinds: StockMove['kind'][] = r.cancelled_at ? ['reserved', 'returned'] : ['reserved'];
  return kinds.flatMap((kind) =>
    products.map((p) => ({ productId: p.id, productName: p.name, sku: p.sku, unit: p.unit, quantity: demand.get(p.id) ?? 0, kind, stockNow: p.stock })),
  );
}

export async function getOrder(db: Kysely<Database>, id: string): Promise<Order> {
  const row = await orderRows(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('order', id);
  const lines = await listLineItems(db, 'order', id);
  return {
    ...toSummary(row),
    notes: row.notes,
    lines,
    confirmedAt: row.confirmed_at,
    shippedAt: row.shipped_at,
    completedAt: row.completed_at,
    cancelledAt: row.cancelled_at,
    stockMoves: await stockMovesOf(db, row, lines),
  };
}

export async function listOrders(db: Kysely<Database>, input: z.output<typeof OrderList>, viewer: Viewer): Promise<Page<OrderSummary>> {
  const cursor = decodeCursor(input.cursor);
  let q = orderRows(db).where(visibleTo(viewer, 'orders', 'r')).orderBy('r.rid', 'desc').limit(input.limit + 1);
  if (cursor) q = q.where('r.rid', '<', Number(cursor.tie));
  if (input.status) q = q.where('r.status', '=', input.status);
  const page = cutPage(await q.execute(), input.limit, (r) => ({ value: null, tie: r.rid }));
  return { items: page.rows.map(toSummary), nextCursor: page.nextCursor };
}

const refused = (message: string) => new KehuError({ code: 'conflict', message });

export async function createOrderFromQuote(ctx: Ctx, quoteId: string): Promise<Order> {
  const quote = await getQuote(ctx, quoteId);
  if (quote.status !== 'accepted') throw refused('orders.errors.quote_not_accepted');
  if (quote.orderId) throw refused('orders.errors.quote_has_order');
  const id = newId();
  await ctx.changes.insert('orders', {
    id,
    number: await nextNumber(ctx, 'orders', 'SO'),
    quote_id: quote.id,
    opportunity_id: quote.opportunityId,
    company_id: quote.companyId,
    contact_id: quote.contactId,
    status: 'pending',
    currency: quote.currency,
    subtotal: quote.subtotal,
    discount: quote.discount,
    tax_rate: quote.taxRate,
    tax: quote.tax,
    total: quote.total,
    notes: quote.notes,
  });
  await replaceLineItems(ctx, 'order', id, quote.lines);
  return getOrder(ctx.db, id);
}

const ORDER_NEXT: Record<string, readonly OrderStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['completed', 'cancelled'],
};
const STAMP = { confirmed: 'confirmed_at', shipped: 'shipped_at', completed: 'completed_at', cancelled: 'cancelled_at' } as const;

export async function setOrderStatus(ctx: Ctx, id: string, to: keyof typeof STAMP): Promise<Order> {
  // A confirmation from another connection that commits between our stock read and our write
  // makes SQLite refuse ours whole (the dispatcher reports it as busy: try again).
  const row = await ctx.db.selectFrom('orders').select('status').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('order', id);
  if (!ORDER_NEXT[row.status]?.includes(to)) throw refused('orders.errors.bad_transition');
  const lines = await listLineItems(ctx.db, 'order', id);
  if (to === 'confirmed') await reserveStock(ctx, lines);
  if (to === 'cancelled' && row.status !== 'pending') await returnStock(ctx, lines);
  await ctx.changes.update('orders', id, { status: to, [STAMP[to]]: ctx.now });
  return await getOrder(ctx.db, id);
}
