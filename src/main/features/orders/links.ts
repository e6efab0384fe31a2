// Checks shared by quotes and orders: a quote names live customers and live products only.
import type { z } from 'zod';
import { KehuError } from '../../../shared/errors';
import type { LineItemInput } from '../../../shared/money';
import type { Ctx } from '../../core/context';
import { visibleTo } from '../../core/visibility';
import { invalidField } from '../customers';

export type LineInput = z.output<typeof LineItemInput>;

/** A live customer the caller can see. */
async function isLive(ctx: Ctx, table: 'companies' | 'contacts', id: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where(visibleTo(ctx.session, table, table))
    .executeTakeFirst();
  return !!row;
}

export async function checkCustomer(ctx: Ctx, companyId: string | null, contactId: string | null): Promise<void> {
  if (companyId && !(await isLive(ctx, 'companies', companyId))) throw invalidField('companyId', 'validation.company_missing');
  if (contactId && !(await isLive(ctx, 'contacts', contactId))) throw invalidField('contactId', 'orders.errors.contact_missing');
}

export async function checkProducts(ctx: Ctx, lines: LineInput[]): Promise<void> {
  const ids = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
  if (ids.length === 0) return;
  const live = new Set(
    (await ctx.db.selectFrom('products').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute()).map((r) => r.id),
  );
  const fields = lines.flatMap((l, i) => (l.productId && !live.has(l.productId) ? [{ path: `lines.${i}.productId`, message: 'orders.errors.product_missing' }] : []));
  if (fields.length > 0) throw new KehuError({ code: 'invalid_input', fields });
}
