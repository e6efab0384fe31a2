import { describe, expect, it } from 'vitest';
import { builtinSession, type SessionInfo } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();
const marketing: SessionInfo = builtinSession('marketing', 'owner', 'M');

const save = (input: Record<string, unknown>) =>
  runtime().call('products.save', { sku: 'SKU', name: '产品', price: 100, ...input } as never);

describe('products.save', () => {
  it('creates with defaults and edits', async () => {
    const p = await save({ sku: 'A-1', name: '华为手机', price: 399900, stock: 5 });
    expect(p).toMatchObject({ sku: 'A-1', unit: '个', price: 399900, stock: 5, allowBackorder: false, active: true, currency: 'CNY', notes: null });
    const edited = await save({ id: p.id, sku: 'A-1', name: '华为手机', price: 1, unit: '台', active: false });
    expect(edited).toMatchObject({ price: 1, unit: '台', active: false, stock: 0 });
    expect(await runtime().call('products.get', { id: p.id })).toEqual(edited);
  });

  it('keeps SKUs unique among live products, ignoring case', async () => {
    const a = await save({ sku: 'abc' });
    await expect(save({ sku: 'ABC' })).rejects.toMatchObject({ code: 'conflict', fields: [{ path: 'sku', message: 'orders.errors.sku_taken' }] });
    expect(await save({ id: a.id, sku: 'Abc' })).toMatchObject({ sku: 'Abc' });
    await runtime().call('products.delete', { id: a.id });
    const b = await save({ sku: 'ABC' });
    await expect(runtime().call('products.restore', { id: a.id })).rejects.toMatchObject({ code: 'conflict' });
    await runtime().call('products.delete', { id: b.id });
    expect(await runtime().call('products.restore', { id: a.id })).toMatchObject({ deletedAt: null });
  });

  it('never lets an old edit form undo stock moved by orders meanwhile', async () => {
    const p = await save({ sku: 'S', stock: 10 });
    await runtime().call('products.save', { id: p.id, sku: 'S', name: '产品', price: 100, stock: 7 });
    // The form still shows 10: saving another field keeps 7; changing stock from 10 is refused.
    expect(await save({ id: p.id, sku: 'S', price: 200, stock: 10, stockBefore: 10 })).toMatchObject({ price: 200, stock: 7 });
    await expect(save({ id: p.id, sku: 'S', stock: 12, stockBefore: 10 })).rejects.toMatchObject({
      code: 'conflict',
      fields: [{ path: 'stock', message: 'orders.errors.stock_moved', params: { stock: 7 } }],
    });
    expect(await save({ id: p.id, sku: 'S', stock: 12, stockBefore: 7 })).toMatchObject({ stock: 12 });
  });

  it('refuses bad input with field messages', async () => {
    await expect(save({ sku: ' ', name: '', price: -1 })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [
        { path: 'sku', message: 'validation.required' },
        { path: 'name', message: 'validation.required' },
        { path: 'price', message: 'validation.min' },
      ],
    });
    await expect(save({ price: 1.5 })).rejects.toMatchObject({ fields: [{ path: 'price', message: 'validation.integer' }] });
    await expect(save({ stock: -1 })).rejects.toMatchObject({ fields: [{ path: 'stock', message: 'orders.errors.negative_stock' }] });
    expect(await save({ stock: -1, allowBackorder: true })).toMatchObject({ stock: -1 });
    await expect(runtime().call('products.get', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('needs products.write to change and products.read to list', async () => {
    await expect(runtime().call('products.save', { sku: 'X', name: 'x', price: 0 }, marketing)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await runtime().call('products.list', {}, marketing)).toEqual({ items: [], nextCursor: null });
  });
});

describe('products.list', () => {
  it('pages by name and finds by name, SKU, pinyin and initials', async () => {
    const names = ['苹果', '香蕉', '橙子', '华为手机', '小米电视'];
    for (const [i, name] of names.entries()) await save({ sku: `SKU-${i}`, name, active: i !== 1 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list({ limit: 2, cursor });
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['橙子', '华为手机', '苹果', '香蕉', '小米电视']);
    const names_ = async (input: Record<string, unknown>) => (await list(input)).items.map((p) => p.name);
    expect(await names_({ q: '手机' })).toEqual(['华为手机']);
    expect(await names_({ q: 'sku-4' })).toEqual(['小米电视']);
    expect(await names_({ q: 'huawei' })).toEqual(['华为手机']);
    expect(await names_({ q: 'xmds' })).toEqual(['小米电视']);
    expect(await names_({ q: '%' })).toEqual([]);
    expect(await names_({ active: false })).toEqual(['香蕉']);
    expect(await names_({ active: true })).toHaveLength(4);
  });

  it('lists deleted products apart and refuses a foreign cursor', async () => {
    const p = await save({ sku: 'D', name: '删掉' });
    await runtime().call('products.delete', { id: p.id });
    expect((await list({})).items).toEqual([]);
    expect((await list({ deleted: true })).items.map((x) => x.id)).toEqual([p.id]);
    await expect(list({ cursor: 'bm9wZQ' })).rejects.toMatchObject({ fields: [{ path: 'cursor' }] });
  });
});

function list(input: Record<string, unknown>) {
  return runtime().call('products.list', input as never);
}
