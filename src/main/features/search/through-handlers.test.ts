// The same search through the real customer channels: every write keeps the index in step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';

let rt: TempRuntime;
beforeAll(async () => {
  rt = await tempRuntime();
});
afterAll(() => rt.dispose());

const names = async (q: string) => (await rt.call('search.global', { q, limit: 50 })).map((h) => h.name);

describe('search through the customer channels', () => {
  it('follows create, update, delete, restore and a company rename', async () => {
    const company = await rt.call('companies.create', { name: '杭州恒泰贸易有限公司' });
    const contact = await rt.call('contacts.create', { name: '欧阳娜娜', mobiles: ['138 0013 8000'], companyId: company.id });
    expect(await names('oynn')).toEqual(['欧阳娜娜']);
    expect(await names('8000')).toEqual(['欧阳娜娜']);
    expect(await names('恒泰')).toEqual(['欧阳娜娜', '杭州恒泰贸易有限公司']);

    await rt.call('contacts.update', { id: contact.id, patch: { name: '曾娜' } });
    expect(await names('欧阳')).toEqual([]);
    expect(await names('zengna')).toEqual(['曾娜']);

    await rt.call('companies.update', { id: company.id, patch: { name: '杭州鑫达贸易有限公司' } });
    expect(await names('鑫达')).toEqual(['曾娜', '杭州鑫达贸易有限公司']);

    await rt.call('contacts.delete', { ids: [contact.id] });
    expect(await names('zengna')).toEqual([]);
    await rt.call('trash.restore', { entity: 'contact', ids: [contact.id] });
    expect(await names('zengna')).toEqual(['曾娜']);
  });

  it('rewrites only the duplicate keys that change, and none on an edit of other fields', async () => {
    const keys = (id: string) =>
      rt.app.db.sqlite.prepare('SELECT rowid, kind, value FROM customer_keys WHERE record_id = ? ORDER BY kind, value').all(id) as { rowid: number; kind: string; value: string }[];
    const contact = await rt.call('contacts.create', { name: '钱多多', mobiles: ['13700001111', '13700002222'], emails: ['qdd@example.com'] });
    const created = keys(contact.id);
    expect(created.map((k) => `${k.kind}:${k.value}`)).toEqual(['email:qdd@example.com', 'mobile:13700001111', 'mobile:13700002222']);

    await rt.call('contacts.update', { id: contact.id, patch: { title: '店长', notes: '老客户' } });
    expect(keys(contact.id)).toEqual(created); // the same rows: nothing written

    await rt.call('contacts.update', { id: contact.id, patch: { mobiles: ['13700002222', '13700003333'] } });
    const edited = keys(contact.id);
    expect(edited.map((k) => `${k.kind}:${k.value}`)).toEqual(['email:qdd@example.com', 'mobile:13700002222', 'mobile:13700003333']);
    expect(edited.filter((k) => created.some((c) => c.rowid === k.rowid)).map((k) => k.value)).toEqual(['qdd@example.com', '13700002222']);
    expect((await rt.call('contacts.duplicates', { mobiles: ['13700001111'] })).map((d) => d.id)).not.toContain(contact.id);
    expect((await rt.call('contacts.duplicates', { mobiles: ['13700003333'] })).map((d) => d.id)).toEqual([contact.id]);

    await rt.call('contacts.delete', { ids: [contact.id] });
    expect(keys(contact.id)).toEqual([]);
    await rt.call('trash.restore', { entity: 'contact', ids: [contact.id] });
    expect(keys(contact.id).map((k) => k.value)).toEqual(['qdd@example.com', '13700002222', '13700003333']);
  });

  it('warns of a duplicate mobile through contacts.duplicates', async () => {
    await rt.call('contacts.create', { name: '王芳', mobiles: ['13911112222'] });
    const found = await rt.call('contacts.duplicates', { mobiles: ['+86 139 1111 2222'] });
    expect(found).toEqual([expect.objectContaining({ name: '王芳', reason: 'mobile' })]);
  });
});
