import type { ordersContract } from '../../../shared/orders';
import type { HandlersOf } from '../../core/context';

export const ordersHandlers: HandlersOf<typeof ordersContract> = {};
