import type { ordersContract } from '../../../shared/orders';
import type { HandlersOf } from '../../core/context';
import { createOrderFromQuote, getOrder, listOrders, setOrderStatus } from './orders';
import { deleteProduct, getProduct, listProducts, restoreProduct, saveProduct } from './products';
import { createQuote, createQuoteFromOpportunity, getQuote, listQuotes, setQuoteStatus, updateQuote } from './quotes';

export const ordersHandlers: HandlersOf<typeof ordersContract> = {
  'products.list': (input, ctx) => listProducts(ctx.db, input),
  'products.get': ({ id }, ctx) => getProduct(ctx.db, id),
  'products.save': (input, ctx) => saveProduct(ctx, input),
  'products.delete': ({ id }, ctx) => deleteProduct(ctx, id),
  'products.restore': ({ id }, ctx) => restoreProduct(ctx, id),

  'quotes.list': (input, ctx) => listQuotes(ctx, input),
  'quotes.get': ({ id }, ctx) => getQuote(ctx, id),
  'quotes.create': (input, ctx) => createQuote(ctx, input),
  'quotes.createFromOpportunity': ({ opportunityId }, ctx) => createQuoteFromOpportunity(ctx, opportunityId),
  'quotes.update': (input, ctx) => updateQuote(ctx, input),
  'quotes.setStatus': ({ id, status }, ctx) => setQuoteStatus(ctx, id, status),

  'orders.list': (input, ctx) => listOrders(ctx.db, input),
  'orders.get': ({ id }, ctx) => getOrder(ctx.db, id),
  'orders.createFromQuote': ({ quoteId }, ctx) => createOrderFromQuote(ctx, quoteId),
  'orders.setStatus': ({ id, status }, ctx) => setOrderStatus(ctx, id, status),
};
