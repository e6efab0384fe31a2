// Merging duplicates, field by field: list fields keep both records' values unless one side is
// chosen, custom fields are chosen per field as `custom.<fieldId>`.
import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

describe('merge', () => {
  it('keeps both records’ mobiles and emails by default: survivor’s first, no repeats', async () => {
    const keep = await runtime().call('contacts.create', { name: '张伟', mobiles: ['13800000001', '13800000002'], emails: ['a@x.cn'] });
    const other = await runtime().call('contacts.create', {
      name: '张伟',
      mobiles: ['13800000002', '13800000003'],
      emails: ['b@x.cn', 'a@x.cn'],
      allowDuplicate: true,
    });
    const merged = await runtime().call('contacts.merge', { survivorId: keep.id, otherId: other.id });
    expect(merged).toMatchObject({ mobiles: ['13800000001', '13800000002', '13800000003'], emails: ['a@x.cn', 'b@x.cn'] });
    // Found by the other's number afterwards.
    expect((await runtime().call('search.global', { q: '13800000003' })).map((h) => h.id)).toContain(keep.id);
  });

  it('keeps at most ten numbers when combining', async () => {
    const nums = (from: number) => Array.from({ length: 8 }, (_, i) => `1390000${String(from + i).padStart(4, '0')}`);
    const keep = await runtime().call('contacts.create', { name: '甲', mobiles: nums(0) });
    const other = await runtime().call('contacts.create', { name: '甲', mobiles: nums(100), allowDuplicate: true });
    const merged = await runtime().call('contacts.merge', { survivorId: keep.id, otherId: other.id, take: { mobiles: 'both' } });
    expect(merged.mobiles).toEqual([...nums(0), ...nums(100).slice(0, 2)]);
  });

  it('keeps one side of a list when the person picks it', async () => {
    const keep = await runtime().call('contacts.create', { name: '李', mobiles: ['13800000001'], emails: ['a@x.cn'] });
    const other = await runtime().call('contacts.create', { name: '李', mobiles: ['13800000009'], emails: ['b@x.cn'], allowDuplicate: true });
    const merged = await runtime().call('contacts.merge', { survivorId: keep.id, otherId: other.id, take: { mobiles: 'survivor', emails: 'other' } });
    expect(merged).toMatchObject({ mobiles: ['13800000001'], emails: ['b@x.cn'] });
  });

  it('takes custom values per field; fields not named keep the survivor’s', async () => {
    const level = await runtime().call('customFields.save', { entity: 'contact', label: '级别', type: 'select', options: ['A', 'B'] });
    const budget = await runtime().call('customFields.save', { entity: 'contact', label: '预算', type: 'number' });
    const since = await runtime().call('customFields.save', { entity: 'contact', label: '首次合作', type: 'date' });
    const keep = await runtime().call('contacts.create', { name: '王', custom: { [level.id]: 'A', [budget.id]: 100 } });
    const other = await runtime().call('contacts.create', {
      name: '王',
      custom: { [level.id]: 'B', [budget.id]: 200, [since.id]: '2024-05-01' },
      allowDuplicate: true,
    });
    const merged = await runtime().call('contacts.merge', {
      survivorId: keep.id,
      otherId: other.id,
      take: { [`custom.${level.id}`]: 'other', [`custom.${budget.id}`]: 'survivor', [`custom.${since.id}`]: 'other' },
    });
    expect(merged.custom).toEqual({ [level.id]: 'B', [budget.id]: 100, [since.id]: '2024-05-01' });
  });

  it('clears a custom value when the other side, which has none, is chosen', async () => {
    const note = await runtime().call('customFields.save', { entity: 'company', label: '开票信息', type: 'text' });
    const keep = await runtime().call('companies.create', { name: '腾达', custom: { [note.id]: '旧' } });
    const other = await runtime().call('companies.create', { name: '腾达', allowDuplicate: true });
    const merged = await runtime().call('companies.merge', { survivorId: keep.id, otherId: other.id, take: { [`custom.${note.id}`]: 'other' } });
    expect(merged.custom).toEqual({});
  });

  it('refuses unknown fields, other kinds’ custom fields, and "both" for a single value', async () => {
    const companyField = await runtime().call('customFields.save', { entity: 'company', label: '等级', type: 'text' });
    const keep = await runtime().call('contacts.create', { name: '赵' });
    const other = await runtime().call('contacts.create', { name: '赵', allowDuplicate: true });
    const merge = (take: Record<string, string>) => runtime().call('contacts.merge', { survivorId: keep.id, otherId: other.id, take } as never);
    await expect(merge({ [`custom.${companyField.id}`]: 'other' })).rejects.toMatchObject({ fields: [{ path: `take.custom.${companyField.id}`, message: 'validation.merge_field' }] });
    await expect(merge({ nonsense: 'other' })).rejects.toMatchObject({ fields: [{ path: 'take.nonsense', message: 'validation.merge_field' }] });
    await expect(merge({ name: 'both' })).rejects.toMatchObject({ fields: [{ path: 'take.name', message: 'validation.merge_both' }] });
    expect((await runtime().call('contacts.get', { id: other.id })).deletedAt).toBeNull();
  });
});
