// Products, quotes and orders (issue #4): the catalogue with its stock, quotes made from an
// opportunity (or by hand), and orders made from an accepted quote. Money is minor units (fen),
// the tax rate basis points (1300 = 13 %); see money.ts.
import { z } from 'zod';
import { channel } from './contract-kit';
import { Currency, moneyField } from './money';
import { pageInput, type Page } from './paging';
import { idField, LIMITS, nameField, optText } from './validation';

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

const byId = z.object({ id: idField });

export const ordersContract = {
  'products.list': channel<Page<Product>>()({ kind: 'query', permission: 'products.read', input: ProductList }),
  'products.get': channel<Product>()({ kind: 'query', permission: 'products.read', input: byId }),
  'products.save': channel<Product>()({ kind: 'mutation', permission: 'products.write', input: ProductSave, entity: 'product' }),
  'products.delete': channel<void>()({ kind: 'mutation', permission: 'products.write', input: byId, entity: 'product' }),
  'products.restore': channel<Product>()({ kind: 'mutation', permission: 'products.write', input: byId, entity: 'product' }),

};
