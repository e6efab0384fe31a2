import { describe, expect, it } from 'vitest';
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
