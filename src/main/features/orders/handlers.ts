import type { ordersContract } from '../../../shared/orders';
import type { HandlersOf } from '../../core/context';
import { deleteProduct, getProduct, listProducts, restoreProduct, saveProduct } from './products';

export const ordersHandlers: HandlersOf<typeof ordersContract> = {
  'products.list': (input, ctx) => listProducts(ctx.db, input),
  'products.get': ({ id }, ctx) => getProduct(ctx.db, id),
  'products.save': (input, ctx) => saveProduct(ctx, input),
  'products.delete': ({ id }, ctx) => deleteProduct(ctx, id),
  'products.restore': ({ id }, ctx) => restoreProduct(ctx, id),
};
