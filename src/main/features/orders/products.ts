// The product catalogue: SKU unique among live products (ignoring case), name searchable by
// pinyin, soft delete and restore. Stock is also changed by orders (./stock.ts).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import { KehuError, notFound } from '../../../shared/errors';
import type { Product, ProductList, ProductSave } from '../../../shared/orders';
import type { Page } from '../../../shared/paging';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import type { Database, ProductsTable } from '../../db/schema';
import { cutPage, decodeCursor, invalidField } from '../customers';
import { namePinyin } from '../search/names';

type ProductRow = Selectable<ProductsTable>;

export function toProduct(r: ProductRow): Product {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    unit: r.unit,
    price: r.price,
    currency: r.currency,
    stock: r.stock,
    allowBackorder: r.allow_backorder === 1,
    active: r.active === 1,
    notes: r.notes,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** Full pinyin and initials in one column, so that one LIKE finds "huawei" and "hw". */
function pinyinOf(name: string): string {
  const { py, initials } = namePinyin(name);
  return `${py} ${initials}`;
}

export async function getProduct(db: Kysely<Database>, id: string): Promise<Product> {
  const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('product', id);
  return toProduct(row);
}

/** A catalogue is hundreds or a few thousand rows: a LIKE over them is cheap (no FTS needed). */
export async function listProducts(db: Kysely<Database>, input: z.output<typeof ProductList>): Promise<Page<Product>> {
  const cursor = decodeCursor(input.cursor);
  if (cursor && typeof cursor.value !== 'string') throw invalidField('cursor', 'validation.cursor');
  let q = db
    .selectFrom('products')
    .selectAll()
    .where('deleted_at', input.deleted ? 'is not' : 'is', null)
    .orderBy('name_py')
    .orderBy('rid')
    .limit(input.limit + 1);
  if (input.active != null) q = q.where('active', '=', input.active ? 1 : 0);
  if (input.q) {
    const text = input.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    const like = `%${text}%`;
    const squashed = `%${text.replace(/\s+/g, '')}%`;
    q = q.where(
      sql<boolean>`(lower(name) LIKE ${like} ESCAPE '\\' OR lower(sku) LIKE ${like} ESCAPE '\\' OR name_py LIKE ${squashed} ESCAPE '\\')`,
    );
  }
  if (cursor) q = q.where(sql<boolean>`(name_py, rid) > (${cursor.value}, ${cursor.tie})`);
  const rows = await q.execute();
  const page = cutPage(rows, input.limit, (r) => ({ value: r.name_py, tie: r.rid }));
  return { items: page.rows.map(toProduct), nextCursor: page.nextCursor };
}

/** Another live product with this SKU (case ignored) is a conflict on the sku field. */
async function checkSku(ctx: Ctx, sku: string, selfId: string | undefined): Promise<void> {
  const clash = await ctx.db
    .selectFrom('products')
    .select('id')
    .where(sql<boolean>`lower(sku) = lower(${sku})`)
    .where('deleted_at', 'is', null)
    .$if(!!selfId, (q) => q.where('id', '!=', selfId as string))
    .executeTakeFirst();
  if (clash) throw new KehuError({ code: 'conflict', fields: [{ path: 'sku', message: 'orders.errors.sku_taken', params: { sku } }] });
}

export async function saveProduct(ctx: Ctx, input: z.output<typeof ProductSave>): Promise<Product> {
  if (input.stock < 0 && !input.allowBackorder) throw invalidField('stock', 'orders.errors.negative_stock');
  await checkSku(ctx, input.sku, input.id);
  const fields = {
    sku: input.sku,
    name: input.name,
    name_py: pinyinOf(input.name),
    unit: input.unit,
    price: input.price,
    currency: input.currency,
    stock: input.stock,
    allow_backorder: input.allowBackorder ? 1 : 0,
    active: input.active ? 1 : 0,
    notes: input.notes,
  };
  if (input.id) {
    const current = await getProduct(ctx.db, input.id);
    if (current.deletedAt) throw notFound('product', input.id);
    await ctx.changes.update('products', input.id, { ...fields, stock: stockToWrite(current, input) });
    return getProduct(ctx.db, input.id);
  }
  const id = newId();
  await ctx.changes.insert('products', { id, ...fields });
  return getProduct(ctx.db, id);
}

/** The stock an edit sets, given what its form showed (stockBefore) and what is stored now. */
function stockToWrite(current: Product, input: z.output<typeof ProductSave>): number {
  if (input.stockBefore == null || input.stockBefore === current.stock) return input.stock;
  if (input.stock === input.stockBefore) return current.stock;
  throw new KehuError({ code: 'conflict', fields: [{ path: 'stock', message: 'orders.errors.stock_moved', params: { stock: current.stock } }] });
}

export async function deleteProduct(ctx: Ctx, id: string): Promise<void> {
  const current = await getProduct(ctx.db, id);
  if (!current.deletedAt) await ctx.changes.softDelete('products', id);
}

/** Back from the Trash, unless a live product took its SKU meanwhile. */
export async function restoreProduct(ctx: Ctx, id: string): Promise<Product> {
  const current = await getProduct(ctx.db, id);
  if (current.deletedAt) {
    await checkSku(ctx, current.sku, id);
    await ctx.changes.restore('products', id);
  }
  return getProduct(ctx.db, id);
}
