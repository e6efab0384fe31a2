import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../../shared/contract';
import { builtinSession, type SessionInfo } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { dayAfter, localDay } from './days';
import { makeOpportunity } from './test-sales';

const runtime = useTempRuntime();
const today = () => localDay(new Date().toISOString());
const stamp = () => today().replace(/-/g, '');

const product = (sku: string, stock = 10) => runtime().call('products.save', { sku, name: `产品${sku}`, price: 1000, stock });
const quote = (input: Partial<Input<'quotes.create'>> = {}) =>
  runtime().call('quotes.create', { lines: [{ name: '服务', quantity: 1, unitPrice: 10000 }], ...input });

describe('quotes.createFromOpportunity', () => {
  it('copies the lines, company and contact into a numbered draft valid for 30 days', async () => {
    const company = await runtime().call('companies.create', { name: '腾达科技' });
    const contact = await runtime().call('contacts.create', { name: '张伟', companyId: company.id });
    const p = await product('A');
    const oppId = await makeOpportunity(runtime(), { name: '年度采购', companyId: company.id, contactId: contact.id }, [
      { productId: p.id, name: p.name, unit: '台', quantity: 3, unitPrice: 1999, discount: 1000 },
      { name: '安装', quantity: 1, unitPrice: 5000 },
    ]);
    const q = await runtime().call('quotes.createFromOpportunity', { opportunityId: oppId });
    expect(q).toMatchObject({
      number: `Q-${stamp()}-001`,
      status: 'draft',
      opportunityId: oppId,
      opportunityName: '年度采购',
      companyName: '腾达科技',
      contactName: '张伟',
      subtotal: 5397 + 5000,
      total: 10397,
      validUntil: dayAfter(new Date().toISOString(), 30),
      orderId: null,
    });
    expect(q.lines.map((l) => [l.productId, l.name, l.unit, l.quantity, l.unitPrice, l.discount, l.amount])).toEqual([
      [p.id, p.name, '台', 3, 1999, 1000, 5397],
      [null, '安装', null, 1, 5000, 0, 5000],
    ]);
    expect((await runtime().call('quotes.createFromOpportunity', { opportunityId: oppId })).number).toBe(`Q-${stamp()}-002`);
    expect((await runtime().call('quotes.list', { opportunityId: oppId })).items).toHaveLength(2);
  });

  it('makes one line of the amount when the opportunity has none, and refuses a missing one', async () => {
    const oppId = await makeOpportunity(runtime(), { name: '网站改版', amount: 880000 });
    const q = await runtime().call('quotes.createFromOpportunity', { opportunityId: oppId });
    expect(q.lines.map((l) => [l.name, l.quantity, l.unitPrice])).toEqual([['网站改版', 1, 880000]]);
    await expect(runtime().call('quotes.createFromOpportunity', { opportunityId: 'ghost' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('quotes totals', () => {
  it('applies line discounts, the quote discount and tax with rounding to a fen', async () => {
    const q = await quote({
      lines: [
        { name: 'A', quantity: 3, unitPrice: 333, discount: 1250 }, // 999 × 0.875 = 874.125 → 874
        { name: 'B', quantity: 1, unitPrice: 101 },
      ],
      discount: 75,
      taxRate: 1300,
    });
    // (975 - 75) × 13 % = 117
    expect(q).toMatchObject({ subtotal: 975, discount: 75, taxRate: 1300, tax: 117, total: 1017 });
    const again = await runtime().call('quotes.update', { id: q.id, lines: [{ name: 'C', quantity: 1, unitPrice: 50 }], discount: 100, taxRate: 600 });
    // The discount cannot exceed the subtotal.
    expect(again).toMatchObject({ subtotal: 50, discount: 50, tax: 0, total: 0 });
    expect(again.lines.map((l) => l.name)).toEqual(['C']);
  });

  it('validates the input with field messages', async () => {
    await expect(quote({ taxRate: 10001, discount: -1, lines: [{ name: '', quantity: 0, unitPrice: 1.5 }] })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: expect.arrayContaining([
        { path: 'lines.0.name', message: 'validation.required' },
        { path: 'lines.0.quantity', message: 'validation.min' },
        { path: 'lines.0.unitPrice', message: 'validation.integer' },
        { path: 'discount', message: 'validation.min' },
        { path: 'taxRate', message: 'validation.too_large' },
      ]),
    });
    await expect(quote({ validUntil: '2026-02-30' })).rejects.toMatchObject({ fields: [{ path: 'validUntil', message: 'validation.date' }] });
    await expect(quote({ companyId: 'ghost' })).rejects.toMatchObject({ fields: [{ path: 'companyId', message: 'validation.company_missing' }] });
    await expect(quote({ contactId: 'ghost' })).rejects.toMatchObject({ fields: [{ path: 'contactId', message: 'orders.errors.contact_missing' }] });
    await expect(quote({ lines: [{ productId: 'ghost', name: 'x', quantity: 1, unitPrice: 1 }] })).rejects.toMatchObject({
      fields: [{ path: 'lines.0.productId', message: 'orders.errors.product_missing' }],
    });
    expect((await runtime().call('quotes.list', {})).items).toEqual([]);
  });
});

describe('quotes.setStatus', () => {
  it('goes draft → sent → accepted, and is locked after that', async () => {
    const q = await quote();
    await expect(runtime().call('quotes.setStatus', { id: q.id, status: 'accepted' })).rejects.toMatchObject({ message: 'orders.errors.bad_transition' });
    expect(await runtime().call('quotes.setStatus', { id: q.id, status: 'sent' })).toMatchObject({ status: 'sent' });
    await runtime().call('quotes.update', { id: q.id, lines: q.lines, notes: '含运费' });
    expect(await runtime().call('quotes.setStatus', { id: q.id, status: 'accepted' })).toMatchObject({ status: 'accepted', notes: '含运费', total: 10000 });
    await expect(runtime().call('quotes.update', { id: q.id, lines: [] })).rejects.toMatchObject({ code: 'conflict', message: 'orders.errors.quote_locked' });
    await expect(runtime().call('quotes.setStatus', { id: q.id, status: 'rejected' })).rejects.toMatchObject({ message: 'orders.errors.bad_transition' });
  });

  it('shows a quote past its validity as expired: not accepted, but rejectable and filterable', async () => {
    const yesterday = dayAfter(new Date().toISOString(), -1);
    const old = await quote({ validUntil: yesterday });
    const fresh = await quote();
    expect(old.status).toBe('expired');
    await expect(runtime().call('quotes.setStatus', { id: old.id, status: 'sent' })).rejects.toMatchObject({ message: 'orders.errors.quote_expired' });
    const ids = async (status: Input<'quotes.list'>['status']) => (await runtime().call('quotes.list', { status })).items.map((q) => q.id);
    expect(await ids('expired')).toEqual([old.id]);
    expect(await ids('draft')).toEqual([fresh.id]);
    // Extending the validity brings it back.
    expect(await runtime().call('quotes.update', { id: old.id, validUntil: today(), lines: old.lines })).toMatchObject({ status: 'draft' });
    expect(await ids('draft')).toEqual([fresh.id, old.id]);
  });

  it('rejects a sent quote and refuses unknown ids', async () => {
    const q = await quote();
    await runtime().call('quotes.setStatus', { id: q.id, status: 'sent' });
    expect(await runtime().call('quotes.setStatus', { id: q.id, status: 'rejected' })).toMatchObject({ status: 'rejected' });
    await expect(runtime().call('quotes.get', { id: 'ghost' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runtime().call('quotes.setStatus', { id: 'ghost', status: 'sent' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('quote numbers', () => {
  it('count on past 999 by number, not by text', async () => {
    const now = new Date().toISOString();
    const meta = { created_at: now, updated_at: now, created_by: 'owner', owner_id: 'owner', deleted_at: null };
    await runtime().app.db.kysely.insertInto('quotes').values({ id: 'q999', number: `Q-${stamp()}-999`, status: 'draft', currency: 'CNY', subtotal: 0, discount: 0, tax_rate: 0, tax: 0, total: 0, ...meta }).execute();
    expect((await quote()).number).toBe(`Q-${stamp()}-1000`);
    expect((await quote()).number).toBe(`Q-${stamp()}-1001`);
  });
});

describe('quote permissions', () => {
  it('lets a service user read quotes but not write them', async () => {
    const service: SessionInfo = builtinSession('service', 'owner', 'S');
    await expect(runtime().call('quotes.create', { lines: [] }, service)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await runtime().call('quotes.list', {}, service)).items).toEqual([]);
  });
});

describe('quotes.list', () => {
  it('pages newest first', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await quote()).number);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Output<'quotes.list'> = await runtime().call('quotes.list', { limit: 2, cursor });
      seen.push(...page.items.map((q) => q.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.reverse());
    expect(made.at(-1)).toBe(`Q-${stamp()}-001`);
  });
});
