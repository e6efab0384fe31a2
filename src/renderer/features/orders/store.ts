// The orders screen's tab and status filters, kept while the person opens a quote or an order
// and comes back.
import { create } from 'zustand';
import type { OrderStatus, QuoteStatus } from '../../../shared/orders';

interface OrdersUi {
  tab: 'quotes' | 'orders';
  quoteStatus: QuoteStatus | null;
  orderStatus: OrderStatus | null;
  set(patch: Partial<Omit<OrdersUi, 'set'>>): void;
}

export const useOrdersUi = create<OrdersUi>((set) => ({
  tab: 'quotes',
  quoteStatus: null,
  orderStatus: null,
  set: (patch) => set(patch),
}));
