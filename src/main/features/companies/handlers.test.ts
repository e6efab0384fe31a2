import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

const sqlite = () => runtime().app.db.sqlite;
const changeFields = (rowId: string) =>
  (sqlite().prepare('SELECT fields FROM change_log WHERE row_id = ? ORDER BY seq').pluck().all(rowId) as string[]).map((f) => JSON.parse(f));

describe('companies', () => {
  it('creates a company with pinyin, owner, tags and custom values, and gets it back', async () => {
    const tag = await runtime().call('tags.save', { name: '大客户', color: '#ff0000' });
    const field = await runtime().call('customFields.save', { entity: 'company', label: '年营业额', type: 'number' });
    const co = await runtime().call('companies.create', {
      name: '深圳腾达科技有限公司',
      phone: '0755 8888 6666',
      website: 'tengda.cn',
      tagIds: [tag.id],
      custom: { [field.id]: 1200000 },
    });
    expect(co).toMatchObject({ ownerId: 'owner', ownerName: '店主', phone: '0755-88886666', category: 'prospect', contactCount: 0 });
    expect(co.tags).toEqual([{ id: tag.id, name: '大客户', color: '#ff0000' }]);
    expect(co.custom).toEqual({ [field.id]: 1200000 });
    const row = sqlite().prepare('SELECT name_py, name_key FROM companies WHERE id = ?').get(co.id) as { name_py: string; name_key: string };
    expect(row.name_py).toMatch(/^shenzhen/);
    await runtime().call('contacts.create', { name: '张伟', companyId: co.id });
    expect(await runtime().call('companies.get', { id: co.id })).toMatchObject({ contactCount: 1 });
  });

  it('refuses custom values that do not fit their definitions', async () => {
    const num = await runtime().call('customFields.save', { entity: 'company', label: '员工数', type: 'number' });
    const sel = await runtime().call('customFields.save', { entity: 'company', label: '等级', type: 'select', options: ['A', 'B'] });
    const date = await runtime().call('customFields.save', { entity: 'company', label: '签约日', type: 'date' });
    const contactOnly = await runtime().call('customFields.save', { entity: 'contact', label: '爱好', type: 'text' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ [num.id]: 'many' }, num.id, 'validation.custom_number'],
      [{ [sel.id]: 'C' }, sel.id, 'validation.custom_option'],
      [{ [date.id]: '2025-02-30' }, date.id, 'validation.custom_date'],
      [{ [contactOnly.id]: 'x' }, contactOnly.id, 'validation.custom_unknown'],
    ];
    for (const [custom, id, message] of cases) {
      await expect(runtime().call('companies.create', { name: '某公司', custom: custom as never })).rejects.toMatchObject({
        code: 'invalid_input',
        fields: [{ path: `custom.${id}`, message }],
      });
    }
    expect(sqlite().prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
    const ok = await runtime().call('companies.create', { name: '某公司', custom: { [sel.id]: 'B', [date.id]: '2025-02-28' } });
    expect(ok.custom).toEqual({ [sel.id]: 'B', [date.id]: '2025-02-28' });
  });

  it('updates only what the patch names and logs only changed fields', async () => {
    const tag = await runtime().call('tags.save', { name: 'VIP', color: '#00ff00' });
    const co = await runtime().call('companies.create', { name: '甲公司', category: 'key', tagIds: [tag.id] });
    const updated = await runtime().call('companies.update', { id: co.id, patch: { city: '杭州', name: '甲公司' } });
    expect(updated).toMatchObject({ city: '杭州', category: 'key' });
    expect(updated.tags.map((t) => t.id)).toEqual([tag.id]);
    const logged = changeFields(co.id);
    expect(logged).toHaveLength(2);
    expect(Object.keys(logged[1]).sort()).toEqual(['city', 'updated_at']);
    const retagged = await runtime().call('companies.update', { id: co.id, patch: { tagIds: [] } });
    expect(retagged.tags).toEqual([]);
  });

  it('refuses unknown tags and owners', async () => {
    await expect(runtime().call('companies.create', { name: '甲', tagIds: ['nope'] })).rejects.toMatchObject({ fields: [{ path: 'tagIds', message: 'validation.tag_missing' }] });
    await expect(runtime().call('companies.create', { name: '甲', ownerId: 'ghost' })).rejects.toMatchObject({ fields: [{ path: 'ownerId', message: 'validation.owner_missing' }] });
  });

  it('soft-deletes, counting only live records, and then refuses to update them', async () => {
    const co = await runtime().call('companies.create', { name: '甲公司' });
    expect(await runtime().call('companies.delete', { ids: [co.id, 'missing'] })).toEqual({ deleted: 1 });
    expect(await runtime().call('companies.delete', { ids: [co.id] })).toEqual({ deleted: 0 });
    expect((await runtime().call('companies.get', { id: co.id })).deletedAt).not.toBeNull();
    await expect(runtime().call('companies.update', { id: co.id, patch: { city: 'x' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  // Depends on the search helper's findCompanyDuplicates (the placeholder finds nothing).
  it('warns of a duplicate name unless told to allow it', async () => {
    await runtime().call('companies.create', { name: '腾达科技' });
    await expect(runtime().call('companies.create', { name: '腾达科技' })).rejects.toMatchObject({ code: 'duplicate', detail: [expect.objectContaining({ name: '腾达科技' })] });
    await expect(runtime().call('companies.create', { name: '腾达科技', allowDuplicate: true })).resolves.toMatchObject({ name: '腾达科技' });
  });

  it('merges: chosen fields, contacts, timeline and tags move to the survivor, audited', async () => {
    const vip = await runtime().call('tags.save', { name: 'VIP', color: '#ff0000' });
    const hot = await runtime().call('tags.save', { name: '热', color: '#ff9900' });
    const survivor = await runtime().call('companies.create', { name: '腾达', city: '深圳', tagIds: [vip.id] });
    const other = await runtime().call('companies.create', { name: '腾达科技', city: '广州', phone: '020-12345678', tagIds: [vip.id, hot.id], allowDuplicate: true });
    const person = await runtime().call('contacts.create', { name: '张伟', companyId: other.id });
    const visit = await runtime().call('activities.create', { subjectType: 'company', subjectId: other.id, kind: 'visit', occurredAt: '2025-05-01T02:00:00Z', content: '拜访' });

    const merged = await runtime().call('companies.merge', { survivorId: survivor.id, otherId: other.id, take: { name: 'other', phone: 'other' } });
    expect(merged).toMatchObject({ name: '腾达科技', city: '深圳', phone: '020-12345678', contactCount: 1, lastContactedAt: '2025-05-01T02:00:00.000Z' });
    expect(merged.tags.map((t) => t.name).sort()).toEqual(['VIP', '热']);
    expect((await runtime().call('contacts.get', { id: person.id })).companyId).toBe(survivor.id);
    const timeline = await runtime().call('activities.list', { subjectId: survivor.id });
    expect(timeline.items.map((a) => a.id)).toEqual([visit.id]);
    expect((await runtime().call('companies.get', { id: other.id })).deletedAt).not.toBeNull();
    const live = sqlite().prepare('SELECT count(*) FROM taggings WHERE record_id = ? AND deleted_at IS NULL').pluck().get(survivor.id);
    expect(live).toBe(2);
    const audit = sqlite().prepare(`SELECT entity_ids FROM audit_log WHERE action = 'companies.merge'`).pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0])).toEqual(expect.arrayContaining([survivor.id, other.id, person.id]));
  });

  it('refuses to merge a record with itself or take an unknown field', async () => {
    const a = await runtime().call('companies.create', { name: '甲' });
    const b = await runtime().call('companies.create', { name: '乙' });
    await expect(runtime().call('companies.merge', { survivorId: a.id, otherId: a.id })).rejects.toMatchObject({ fields: [{ path: 'otherId' }] });
    await expect(runtime().call('companies.merge', { survivorId: a.id, otherId: b.id, take: { rid: 'other' } })).rejects.toMatchObject({ fields: [{ path: 'take.rid' }] });
  });
});
