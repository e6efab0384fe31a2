import type { ordersContract } from '../../../shared/orders';
import type { Ctx, HandlersOf } from '../../core/context';
import { checkVisible } from '../../core/visibility';
import { createOrderFromQuote, getOrder, listOrders, setOrderStatus } from './orders';
import { deleteProduct, getProduct, listProducts, restoreProduct, saveProduct } from './products';
import { createQuote, createQuoteFromOpportunity, getQuote, listQuotes, setQuoteStatus, updateQuote } from './quotes';

/** Runs `then` on a record the caller can see; not_found for another's. */
async function visible<T>(entity: 'quote' | 'order' | 'opportunity', id: string, ctx: Ctx, then: () => Promise<T>): Promise<T> {
  await checkVisible(ctx.db, ctx.session, entity, id);
  return then();
}

export const ordersHandlers: HandlersOf<typeof ordersContract> = {
  'products.list': (input, ctx) => listProducts(ctx.db, input),
  'products.get': ({ id }, ctx) => getProduct(ctx.db, id),
  'products.save': (input, ctx) => saveProduct(ctx, input),
  'products.delete': ({ id }, ctx) => deleteProduct(ctx, id),
  'products.restore': ({ id }, ctx) => restoreProduct(ctx, id),

  'quotes.list': (input, ctx) => listQuotes(ctx, input),
  'quotes.get': ({ id }, ctx) => visible('quote', id, ctx, () => getQuote(ctx, id)),
  'quotes.create': (input, ctx) => createQuote(ctx, input),
  'quotes.createFromOpportunity': ({ opportunityId }, ctx) =>
    visible('opportunity', opportunityId, ctx, () => createQuoteFromOpportunity(ctx, opportunityId)),
  'quotes.update': (input, ctx) => visible('quote', input.id, ctx, () => updateQuote(ctx, input)),
  'quotes.setStatus': ({ id, status }, ctx) => visible('quote', id, ctx, () => setQuoteStatus(ctx, id, status)),

  'orders.list': (input, ctx) => listOrders(ctx.db, input, ctx.session),
  'orders.get': ({ id }, ctx) => visible('order', id, ctx, () => getOrder(ctx.db, id)),
  'orders.createFromQuote': ({ quoteId }, ctx) => visible('quote', quoteId, ctx, () => createOrderFromQuote(ctx, quoteId)),
  'orders.setStatus': ({ id, status }, ctx) => visible('order', id, ctx, () => setOrderStatus(ctx, id, status)),
};
