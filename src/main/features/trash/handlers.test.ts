import { describe, expect, it } from 'vitest';
import { builtinSession, type SessionInfo } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

const count = (sql: string, ...args: unknown[]) => runtime().app.db.sqlite.prepare(sql).pluck().get(...args) as number;

describe('trash', () => {
  it('lists deleted records newest-deleted first, in pages', async () => {
    const ids: string[] = [];
    for (const name of ['甲', '乙', '丙', '丁']) ids.push((await runtime().call('contacts.create', { name })).id);
    await runtime().call('contacts.delete', { ids: [ids[0], ids[1]] });
    await runtime().call('contacts.delete', { ids: [ids[2]] });
    runtime().app.db.sqlite.prepare(`UPDATE contacts SET deleted_at = '2025-01-02T00:00:00.000Z' WHERE id IN (?, ?)`).run(ids[0], ids[1]);
    runtime().app.db.sqlite.prepare(`UPDATE contacts SET deleted_at = '2025-01-03T00:00:00.000Z' WHERE id = ?`).run(ids[2]);
    const first = await runtime().call('trash.list', { entity: 'contact', limit: 2 });
    const second = await runtime().call('trash.list', { entity: 'contact', limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((i) => i.name)).toEqual(['丙', '乙', '甲']);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ type: 'contact', deletedAt: '2025-01-03T00:00:00.000Z' });
  });

  it('restores a deleted record back into the lists', async () => {
    const co = await runtime().call('companies.create', { name: '腾达' });
    await runtime().call('companies.delete', { ids: [co.id] });
    expect((await runtime().call('companies.list', {})).items).toHaveLength(0);
    expect(await runtime().call('trash.restore', { entity: 'company', ids: [co.id] })).toEqual({ restored: 1 });
    expect((await runtime().call('companies.list', {})).items.map((c) => c.id)).toEqual([co.id]);
    expect(await runtime().call('trash.restore', { entity: 'company', ids: [co.id] })).toEqual({ restored: 0 });
  });

  it('purges only what is in the Trash, with its tag links and timeline, logging the purge', async () => {
    const tag = await runtime().call('tags.save', { name: 'VIP', color: '#ff0000' });
    const co = await runtime().call('companies.create', { name: '腾达' });
    const c = await runtime().call('contacts.create', { name: '张伟', tagIds: [tag.id], companyId: co.id });
    await runtime().call('activities.create', { subjectType: 'contact', subjectId: c.id, kind: 'call', occurredAt: '2025-01-01T00:00:00Z', content: '电话' });
    expect(await runtime().call('trash.purge', { entity: 'contact', ids: [c.id] })).toEqual({ purged: 0 });
    await runtime().call('contacts.delete', { ids: [c.id] });
    expect(await runtime().call('trash.purge', { entity: 'contact', ids: [c.id] })).toEqual({ purged: 1 });
    expect(count('SELECT count(*) FROM contacts WHERE id = ?', c.id)).toBe(0);
    expect(count('SELECT count(*) FROM taggings WHERE record_id = ?', c.id)).toBe(0);
    expect(count('SELECT count(*) FROM activities WHERE subject_id = ?', c.id)).toBe(0);
    expect(count(`SELECT count(*) FROM change_log WHERE row_id = ? AND fields = '{"$purged":true}'`, c.id)).toBe(1);
  });

  it('purging a company unlinks its contacts', async () => {
    const co = await runtime().call('companies.create', { name: '腾达' });
    const c = await runtime().call('contacts.create', { name: '张伟', companyId: co.id });
    await runtime().call('companies.delete', { ids: [co.id] });
    await runtime().call('trash.purge', { entity: 'company', ids: [co.id] });
    expect((await runtime().call('contacts.get', { id: c.id })).companyId).toBeNull();
  });
});

const purgeLogged = (id: string) => count(`SELECT count(*) FROM change_log WHERE row_id = ? AND fields = '{"$purged":true}'`, id);
const names = async (entity: 'lead' | 'opportunity' | 'product') => (await runtime().call('trash.list', { entity })).items.map((i) => i.name);

describe('trash: leads, opportunities and products', () => {
  it('lists, restores and purges a lead with its follow-ups', async () => {
    const lead = await runtime().call('leads.create', { name: '王芳' });
    await runtime().call('activities.create', { subjectType: 'lead', subjectId: lead.id, kind: 'call', occurredAt: '2026-03-01T08:00:00Z', content: '电话' });
    const task = await runtime().call('tasks.create', { title: '回访王芳', subjectType: 'lead', subjectId: lead.id });
    await runtime().call('leads.delete', { ids: [lead.id] });
    expect(await names('lead')).toEqual(['王芳']);
    expect(await runtime().call('trash.restore', { entity: 'lead', ids: [lead.id] })).toEqual({ restored: 1 });
    expect(await names('lead')).toEqual([]);
    expect(await runtime().call('trash.purge', { entity: 'lead', ids: [lead.id] })).toEqual({ purged: 0 });
    await runtime().call('leads.delete', { ids: [lead.id] });
    expect(await runtime().call('trash.purge', { entity: 'lead', ids: [lead.id] })).toEqual({ purged: 1 });
    expect(count('SELECT count(*) FROM leads WHERE id = ?', lead.id)).toBe(0);
    expect(count('SELECT count(*) FROM activities WHERE subject_id = ?', lead.id)).toBe(0);
    expect(purgeLogged(lead.id)).toBe(1);
    // The task someone planned stays, no longer linked.
    expect(await runtime().call('tasks.get', { id: task.id })).toMatchObject({ title: '回访王芳', subject: null });
  });

  it('purges an opportunity with its line items and stage history; its quote stays', async () => {
    const deal = await runtime().call('deals.create', { name: '华为 ERP', lines: [{ name: '实施服务', quantity: 2, unitPrice: 5000 }] });
    const quote = await runtime().call('quotes.createFromOpportunity', { opportunityId: deal.id });
    await runtime().call('deals.delete', { ids: [deal.id] });
    expect(await names('opportunity')).toEqual(['华为 ERP']);
    expect(await runtime().call('trash.restore', { entity: 'opportunity', ids: [deal.id] })).toEqual({ restored: 1 });
    expect((await runtime().call('deals.get', { id: deal.id })).deletedAt).toBeNull();
    await runtime().call('deals.delete', { ids: [deal.id] });
    const lineIds = runtime().app.db.sqlite.prepare(`SELECT id FROM line_items WHERE parent_type = 'opportunity' AND parent_id = ?`).pluck().all(deal.id) as string[];
    expect(lineIds).toHaveLength(1);
    expect(await runtime().call('trash.purge', { entity: 'opportunity', ids: [deal.id] })).toEqual({ purged: 1 });
    expect(count('SELECT count(*) FROM opportunities WHERE id = ?', deal.id)).toBe(0);
    expect(count(`SELECT count(*) FROM line_items WHERE parent_type = 'opportunity' AND parent_id = ?`, deal.id)).toBe(0);
    expect(count('SELECT count(*) FROM opportunity_stage_history WHERE opportunity_id = ?', deal.id)).toBe(0);
    expect(purgeLogged(deal.id)).toBe(1);
    expect(purgeLogged(lineIds[0])).toBe(1);
    expect(await runtime().call('quotes.get', { id: quote.id })).toMatchObject({ opportunityId: deal.id, opportunityName: null, lines: [{ name: '实施服务' }] });
  });

  it('restores a product only while no live product has its SKU, and purges the row only', async () => {
    const old = await runtime().call('products.save', { sku: 'ABC', name: '旧款', price: 100 });
    await runtime().call('products.delete', { id: old.id });
    const taker = await runtime().call('products.save', { sku: 'abc', name: '新款', price: 100 });
    expect(await names('product')).toEqual(['旧款']);
    await expect(runtime().call('trash.restore', { entity: 'product', ids: [old.id] })).rejects.toMatchObject({ code: 'conflict', fields: [{ path: 'sku' }] });
    await runtime().call('products.delete', { id: taker.id });
    expect(await runtime().call('trash.restore', { entity: 'product', ids: [old.id] })).toEqual({ restored: 1 });
    expect(await names('product')).toEqual(['新款']);
    expect(await runtime().call('trash.purge', { entity: 'product', ids: [taker.id] })).toEqual({ purged: 1 });
    expect(count('SELECT count(*) FROM products WHERE id = ?', taker.id)).toBe(0);
    expect(purgeLogged(taker.id)).toBe(1);
  });

  it('refuses a kind the role may not read or change', async () => {
    const service: SessionInfo = builtinSession('service', 'owner', '客服');
    const sales: SessionInfo = builtinSession('sales', 'owner', '销售');
    const product = await runtime().call('products.save', { sku: 'P1', name: '产品', price: 100 });
    await runtime().call('products.delete', { id: product.id });
    await expect(runtime().call('trash.list', { entity: 'lead' }, service)).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'leads.read' } });
    await expect(runtime().call('trash.list', { entity: 'opportunity' }, service)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await runtime().call('trash.list', { entity: 'product' }, service)).items).toHaveLength(1);
    // Sales may empty the Trash of customers, but not change the catalogue.
    await expect(runtime().call('trash.purge', { entity: 'product', ids: [product.id] }, sales)).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'products.write' } });
    await expect(runtime().call('trash.restore', { entity: 'product', ids: [product.id] }, sales)).rejects.toMatchObject({ code: 'forbidden' });
    expect(count('SELECT count(*) FROM products WHERE id = ? AND deleted_at IS NOT NULL', product.id)).toBe(1);
  });
});
