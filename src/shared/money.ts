// Money and line items, shared by opportunities, quotes and orders (issue #4). Amounts are
// integers in minor units (fen) so that sums never drift; rates and discounts are basis points
// (1300 = 13 %). The same schema validates the form and the main process.
import { z } from 'zod';
import { idField, LIMITS } from './validation';

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
export const Currency = z.enum(CURRENCIES);
export type Currency = z.infer<typeof Currency>;

/** Up to one hundred billion yuan, in fen. */
export const MAX_MONEY = 10_000_000_000_000;
export const moneyField = z.number('validation.number').int('validation.integer').min(0, 'validation.min').max(MAX_MONEY, 'validation.too_large');
/** 0..10000 basis points. */
export const basisPointsField = z.number('validation.number').int('validation.integer').min(0, 'validation.min').max(10_000, 'validation.too_large');

export const LineItemInput = z.object({
  productId: idField.nullable().default(null),
  name: z.string('validation.required').trim().min(1, 'validation.required').max(LIMITS.name, 'validation.too_long'),
  unit: z.string().trim().max(20, 'validation.too_long').nullable().default(null),
  quantity: z.number('validation.number').int('validation.integer').min(1, 'validation.min').max(1_000_000_000, 'validation.too_large'),
  unitPrice: moneyField,
  /** Basis points off this line. */
  discount: basisPointsField.default(0),
});
export type LineItemInput = z.input<typeof LineItemInput>;

export const lineItemsField = z.array(LineItemInput).max(200, 'validation.too_many');

export interface LineItem {
  id: string;
  productId: string | null;
  name: string;
  unit: string | null;
  quantity: number;
  unitPrice: number;
  discount: number;
  /** quantity × unit price less the line's discount, in minor units. */
  amount: number;
}

/** A line's amount: quantity × unit price less its discount, rounded half up to a fen. */
export function lineAmount(item: { quantity: number; unitPrice: number; discount?: number }): number {
  return Math.round((item.quantity * item.unitPrice * (10_000 - (item.discount ?? 0))) / 10_000);
}

export interface Totals {
  subtotal: number;
  /** Off the subtotal, in minor units (capped at the subtotal). */
  discount: number;
  taxRate: number;
  tax: number;
  total: number;
}

/** Subtotal of the lines, less a discount, plus tax at taxRate on what remains. */
export function totals(items: { quantity: number; unitPrice: number; discount?: number }[], discount = 0, taxRate = 0): Totals {
  const subtotal = items.reduce((sum, item) => sum + lineAmount(item), 0);
  const off = Math.min(discount, subtotal);
  const tax = Math.round(((subtotal - off) * taxRate) / 10_000);
  return { subtotal, discount: off, taxRate, tax, total: subtotal - off + tax };
}

const SYMBOL: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' };

/** 123456 fen → "¥1,234.56". */
export function formatMoney(minor: number, currency = 'CNY'): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${SYMBOL[currency] ?? `${currency} `}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1,234.5" or "1234.56" (yuan, as typed) → 123450 fen; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const clean = text.replace(/[,\s¥$€]/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(clean)) return null;
  const [whole, frac = ''] = clean.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
