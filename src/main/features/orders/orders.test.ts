import { describe, expect, it } from 'vitest';
import type { LineItemInput } from '../../../shared/money';
import type { Runtime } from '../../core/runtime';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { localDay } from './days';

const runtime = useTempRuntime();

const product = (sku: string, stock: number, allowBackorder = false) =>
  runtime().call('products.save', { sku, name: `产品${sku}`, price: 1000, stock, allowBackorder });

/** An order (pending) for these lines, through an accepted quote. */
async function orderFor(lines: LineItemInput[], rt: Runtime = runtime()) {
  const q = await rt.call('quotes.create', { lines, taxRate: 1300, discount: 100 });
  await rt.call('quotes.setStatus', { id: q.id, status: 'sent' });
  await rt.call('quotes.setStatus', { id: q.id, status: 'accepted' });
  return rt.call('orders.createFromQuote', { quoteId: q.id });
}
const line = (productId: string | null, quantity: number): LineItemInput => ({ productId, name: '货品', quantity, unitPrice: 1000 });
const stockOf = async (id: string) => (await runtime().call('products.get', { id })).stock;
const setStatus = (id: string, status: 'confirmed' | 'shipped' | 'completed' | 'cancelled') => runtime().call('orders.setStatus', { id, status });

describe('orders.createFromQuote', () => {
  it('copies an accepted quote once, with its lines and totals', async () => {
    const p = await product('A', 5);
    const order = await orderFor([line(p.id, 2), line(null, 1)]);
    expect(order).toMatchObject({
      number: `SO-${localDay(new Date().toISOString()).replace(/-/g, '')}-001`,
      status: 'pending',
      subtotal: 3000,
      discount: 100,
      tax: 377,
      total: 3277,
      stockMoves: [],
    });
    expect(order.lines.map((l) => [l.productId, l.quantity, l.amount])).toEqual([
      [p.id, 2, 2000],
      [null, 1, 1000],
    ]);
    const quote = await runtime().call('quotes.get', { id: order.quoteId ?? '' });
    expect(quote.orderId).toBe(order.id);
    expect(order.quoteNumber).toBe(quote.number);
    await expect(runtime().call('orders.createFromQuote', { quoteId: quote.id })).rejects.toMatchObject({ message: 'orders.errors.quote_has_order' });
    // Once that order is cancelled, the quote may be ordered again.
    await setStatus(order.id, 'cancelled');
    expect((await runtime().call('orders.createFromQuote', { quoteId: quote.id })).number).toMatch(/-002$/);
  });

  it('refuses a quote that is not accepted', async () => {
    const q = await runtime().call('quotes.create', { lines: [line(null, 1)] });
    await expect(runtime().call('orders.createFromQuote', { quoteId: q.id })).rejects.toMatchObject({ code: 'conflict', message: 'orders.errors.quote_not_accepted' });
    await expect(runtime().call('orders.createFromQuote', { quoteId: 'ghost' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await runtime().call('orders.list', {})).items).toEqual([]);
  });
});

describe('orders.setStatus', () => {
  it('walks pending → confirmed → shipped → completed and refuses other steps', async () => {
    const order = await orderFor([line(null, 1)]);
    await expect(setStatus(order.id, 'shipped')).rejects.toMatchObject({ code: 'conflict', message: 'orders.errors.bad_transition' });
    expect(await setStatus(order.id, 'confirmed')).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
    await expect(setStatus(order.id, 'confirmed')).rejects.toMatchObject({ message: 'orders.errors.bad_transition' });
    expect(await setStatus(order.id, 'shipped')).toMatchObject({ status: 'shipped', shippedAt: expect.any(String) });
    expect(await setStatus(order.id, 'completed')).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    await expect(setStatus(order.id, 'cancelled')).rejects.toMatchObject({ message: 'orders.errors.bad_transition' });
    await expect(setStatus('ghost', 'confirmed')).rejects.toMatchObject({ code: 'not_found' });
    await expect(runtime().call('orders.setStatus', { id: order.id, status: 'pending' as never })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('filters the list by status', async () => {
    const a = await orderFor([line(null, 1)]);
    const b = await orderFor([line(null, 1)]);
    await setStatus(b.id, 'cancelled');
    expect((await runtime().call('orders.list', { status: 'pending' })).items.map((o) => o.id)).toEqual([a.id]);
    expect((await runtime().call('orders.list', {})).items.map((o) => o.id)).toEqual([b.id, a.id]);
  });
});

describe('stock', () => {
  it('confirming reserves every product line (summed per product), cancelling returns it', async () => {
    const a = await product('A', 10);
    const b = await product('B', 3);
    const order = await orderFor([line(a.id, 4), line(b.id, 3), line(a.id, 1), line(null, 9)]);
    const confirmed = await setStatus(order.id, 'confirmed');
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([5, 0]);
    expect(confirmed.stockMoves.map((m) => [m.sku, m.kind, m.quantity, m.stockNow])).toEqual(
      expect.arrayContaining([
        ['A', 'reserved', 5, 5],
        ['B', 'reserved', 3, 0],
      ]),
    );
    await setStatus(order.id, 'shipped');
    const cancelled = await setStatus(order.id, 'cancelled');
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([10, 3]);
    expect(cancelled.stockMoves.filter((m) => m.kind === 'returned')).toHaveLength(2);
  });

  it('cancelling a pending order leaves stock alone', async () => {
    const a = await product('A', 2);
    const order = await orderFor([line(a.id, 2)]);
    expect((await setStatus(order.id, 'cancelled')).stockMoves).toEqual([]);
    expect(await stockOf(a.id)).toBe(2);
  });

  it('refuses the whole confirmation when one product is short: nothing changes', async () => {
    const a = await product('A', 10);
    const b = await product('B', 2);
    const order = await orderFor([line(a.id, 4), line(b.id, 3)]);
    await expect(setStatus(order.id, 'confirmed')).rejects.toMatchObject({
      code: 'conflict',
      message: 'orders.errors.out_of_stock',
      params: { product: '产品B', sku: 'B', needed: 3, available: 2, unit: '个' },
    });
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([10, 2]);
    expect(await runtime().call('orders.get', { id: order.id })).toMatchObject({ status: 'pending', confirmedAt: null, stockMoves: [] });
  });

  it('names the first short product and counts the others', async () => {
    const a = await product('A', 0);
    const b = await product('B', 0);
    const order = await orderFor([line(a.id, 1), line(b.id, 1)]);
    await expect(setStatus(order.id, 'confirmed')).rejects.toMatchObject({ message: 'orders.errors.out_of_stock_more', params: { more: 1 } });
  });

  it('lets a product that allows backorders go below zero', async () => {
    const a = await product('A', 1, true);
    const order = await orderFor([line(a.id, 3)]);
    await setStatus(order.id, 'confirmed');
    expect(await stockOf(a.id)).toBe(-2);
    await setStatus(order.id, 'cancelled');
    expect(await stockOf(a.id)).toBe(1);
  });
});
