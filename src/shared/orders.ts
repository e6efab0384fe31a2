// Products, quotes and orders (issue #4): the catalogue with its stock, quotes made from an
// opportunity (or by hand), and orders made from an accepted quote. Money is minor units (fen),
// the tax rate basis points (1300 = 13 %); see money.ts.
import { z } from 'zod';
import { channel } from './contract-kit';
import { basisPointsField, Currency, lineItemsField, moneyField, type LineItem } from './money';
import { pageInput, type Page } from './paging';
import { idField, LIMITS, nameField, optDate, optId, optText } from './validation';

// ---- Products ----

export interface Product {
  id: string;
  sku: string;
  name: string;
  unit: string;
  /** Minor units. */
  price: number;
  currency: string;
  /** Units on hand; below zero only when backorders are allowed. */
  stock: number;
  allowBackorder: boolean;
  active: boolean;
  notes: string | null;
  updatedAt: string;
  deletedAt: string | null;
}

const MAX_STOCK = 1_000_000_000;

export const ProductSave = z.object({
  id: idField.optional(),
  sku: z.string('validation.required').trim().min(1, 'validation.required').max(40, 'validation.too_long'),
  name: nameField,
  unit: z
    .string()
    .trim()
    .max(20, 'validation.too_long')
    .nullish()
    .transform((v) => v || '个'),
  price: moneyField,
  currency: Currency.default('CNY'),
  /** May be below zero only when backorders are allowed (checked by the handler). */
  stock: z.number('validation.number').int('validation.integer').min(-MAX_STOCK, 'validation.min').max(MAX_STOCK, 'validation.too_large').default(0),
  /**
   * The stock the edit form showed. Orders may have moved stock since: an unchanged stock is then
   * left alone, a changed one refused (so an old form never undoes a reservation).
   */
  stockBefore: z.number().int().nullish(),
  allowBackorder: z.boolean().default(false),
  active: z.boolean().default(true),
  notes: optText(LIMITS.notes),
});
export type ProductSave = z.input<typeof ProductSave>;

export const ProductList = z.object({
  ...pageInput,
  /** Part of the name, the SKU, or the name's pinyin / initials. */
  q: z.string().trim().max(100).nullish(),
  /** true: only active; false: only inactive; absent: both. */
  active: z.boolean().nullish(),
  /** The deleted ones instead of the live ones (to restore them). */
  deleted: z.boolean().default(false),
});

// ---- Quotes ----

/** Stored statuses plus `expired`: a draft or sent quote whose validity date has passed. */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export interface QuoteTotals {
  currency: string;
  subtotal: number;
  discount: number;
  taxRate: number;
  tax: number;
  total: number;
}

export interface QuoteSummary extends QuoteTotals {
  id: string;
  number: string;
  status: QuoteStatus;
  opportunityId: string | null;
  opportunityName: string | null;
  companyId: string | null;
  companyName: string | null;
  contactId: string | null;
  contactName: string | null;
  validUntil: string | null;
  createdAt: string;
}

export interface Quote extends QuoteSummary {
  notes: string | null;
  lines: LineItem[];
  /** The live order made from it, if any. */
  orderId: string | null;
}

const QuoteFields = {
  companyId: optId,
  contactId: optId,
  lines: lineItemsField.default([]),
  /** Off the subtotal, minor units. */
  discount: moneyField.default(0),
  taxRate: basisPointsField.default(0),
  validUntil: optDate,
  notes: optText(LIMITS.notes),
};

export const QuoteCreate = z.object({ ...QuoteFields, currency: Currency.default('CNY') });
/** Replaces the editable fields as a whole (the form sends them all); lines must be given. */
export const QuoteUpdate = z.object({ id: idField, ...QuoteFields, lines: lineItemsField });
export type QuoteUpdate = z.input<typeof QuoteUpdate>;

export const QuoteList = z.object({
  ...pageInput,
  status: z.enum(QUOTE_STATUSES).nullish(),
  opportunityId: idField.nullish(),
});

/** What a person may set: draft → sent → accepted / rejected. */
export const QuoteSetStatus = z.object({ id: idField, status: z.enum(['sent', 'accepted', 'rejected']) });

// ---- Orders ----

export const ORDER_STATUSES = ['pending', 'confirmed', 'shipped', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderSummary extends QuoteTotals {
  id: string;
  number: string;
  status: OrderStatus;
  quoteId: string | null;
  quoteNumber: string | null;
  opportunityId: string | null;
  companyId: string | null;
  companyName: string | null;
  contactId: string | null;
  contactName: string | null;
  createdAt: string;
}

/** What the order did to a product's stock: reserved at confirmation, returned on cancelling. */
export interface StockMove {
  productId: string;
  productName: string;
  sku: string;
  unit: string;
  quantity: number;
  kind: 'reserved' | 'returned';
  /** The product's stock now. */
  stockNow: number;
}

export interface Order extends OrderSummary {
  notes: string | null;
  lines: LineItem[];
  confirmedAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  stockMoves: StockMove[];
}

export const OrderList = z.object({ ...pageInput, status: z.enum(ORDER_STATUSES).nullish() });
export const OrderSetStatus = z.object({ id: idField, status: z.enum(['confirmed', 'shipped', 'completed', 'cancelled']) });

const byId = z.object({ id: idField });

export const ordersContract = {
  'products.list': channel<Page<Product>>()({ kind: 'query', permission: 'products.read', input: ProductList }),
  'products.get': channel<Product>()({ kind: 'query', permission: 'products.read', input: byId }),
  'products.save': channel<Product>()({ kind: 'mutation', permission: 'products.write', input: ProductSave, entity: 'product' }),
  'products.delete': channel<void>()({ kind: 'mutation', permission: 'products.write', input: byId, entity: 'product' }),
  'products.restore': channel<Product>()({ kind: 'mutation', permission: 'products.write', input: byId, entity: 'product' }),

  'quotes.list': channel<Page<QuoteSummary>>()({ kind: 'query', permission: 'orders.read', input: QuoteList }),
  'quotes.get': channel<Quote>()({ kind: 'query', permission: 'orders.read', input: byId }),
  'quotes.create': channel<Quote>()({ kind: 'mutation', permission: 'orders.write', input: QuoteCreate, entity: 'quote' }),
  /** Copies the opportunity's lines, company and contact into a new draft quote. */
  'quotes.createFromOpportunity': channel<Quote>()({
    kind: 'mutation',
    permission: 'orders.write',
    input: z.object({ opportunityId: idField }),
    entity: 'quote',
  }),
  'quotes.update': channel<Quote>()({ kind: 'mutation', permission: 'orders.write', input: QuoteUpdate, entity: 'quote' }),
  'quotes.setStatus': channel<Quote>()({ kind: 'mutation', permission: 'orders.write', input: QuoteSetStatus, entity: 'quote' }),

  'orders.list': channel<Page<OrderSummary>>()({ kind: 'query', permission: 'orders.read', input: OrderList }),
  'orders.get': channel<Order>()({ kind: 'query', permission: 'orders.read', input: byId }),
  /** Only from an accepted quote, and only one live order per quote. */
  'orders.createFromQuote': channel<Order>()({
    kind: 'mutation',
    permission: 'orders.write',
    input: z.object({ quoteId: idField }),
    entity: 'order',
  }),
  /** Confirming reserves stock, cancelling a confirmed or shipped order returns it. */
  'orders.setStatus': channel<Order>()({ kind: 'mutation', permission: 'orders.write', input: OrderSetStatus, entity: 'order' }),
};
