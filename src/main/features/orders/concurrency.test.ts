// Two orders for the last units, confirmed at the same moment, never oversell: on one runtime
// (one connection, mutations queue: the loser is refused for lack of stock) and on two runtimes
// over the same file (two connections: the loser is refused whole, for lack of stock when it read
// after the winner's commit, or as busy when the winner committed between its read and its write).
import { describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../core/runtime';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

async function twoOrdersForTheLastUnits(rt: Runtime, sku = 'LAST') {
  const p = await rt.call('products.save', { sku, name: '最后三件', price: 1000, stock: 3 });
  const ids = [];
  for (let i = 0; i < 2; i++) {
    const q = await rt.call('quotes.create', { lines: [{ productId: p.id, name: p.name, quantity: 3, unitPrice: 1000 }] });
    await rt.call('quotes.setStatus', { id: q.id, status: 'sent' });
    await rt.call('quotes.setStatus', { id: q.id, status: 'accepted' });
    ids.push((await rt.call('orders.createFromQuote', { quoteId: q.id })).id);
  }
  return { productId: p.id, orderIds: ids };
}

async function expectOneWinner(results: PromiseSettledResult<unknown>[], rt: Runtime, productId: string, orderIds: string[]) {
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const loser = results.find((r) => r.status === 'rejected');
  expect(['conflict', 'busy']).toContain(loser?.status === 'rejected' && (loser.reason as { code: string }).code);
  expect((await rt.call('products.get', { id: productId })).stock).toBe(0);
  const statuses = await Promise.all(orderIds.map(async (id) => (await rt.call('orders.get', { id })).status));
  expect(statuses.sort()).toEqual(['confirmed', 'pending']);
}

describe('concurrent confirmations', () => {
  it('on one runtime: exactly one succeeds, stock ends at 0', async () => {
    const rt = runtime();
    const { productId, orderIds } = await twoOrdersForTheLastUnits(rt);
    const results = await Promise.allSettled(orderIds.map((id) => rt.call('orders.setStatus', { id, status: 'confirmed' })));
    await expectOneWinner(results, rt, productId, orderIds);
  });

  it('on two runtimes over the same file: exactly one succeeds, stock ends at 0', async () => {
    const rt = runtime();
    const other = await createRuntime(rt.dataDir);
    try {
      for (let round = 0; round < 5; round++) {
        const { productId, orderIds } = await twoOrdersForTheLastUnits(rt, `LAST-${round}`);
        const [a, b] = orderIds;
        const results = await Promise.allSettled([
          rt.call('orders.setStatus', { id: a, status: 'confirmed' }),
          other.call('orders.setStatus', { id: b, status: 'confirmed' }),
        ]);
        await expectOneWinner(results, other, productId, orderIds);
      }
    } finally {
      await other.close();
    }
  });
});
