import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

describe('contacts', () => {
  it('stores mobiles, landlines, international numbers and emails normalised', async () => {
    const c = await runtime().call('contacts.create', {
      name: '张伟',
      mobiles: ['+86 138 1234 5678', '139-0000-1111', '+49 151 1234 5678'],
      landline: '010 8765 4321',
      emails: [' Zhang.Wei@Example.COM '],
    });
    expect(c).toMatchObject({ mobiles: ['13812345678', '13900001111', '+4915112345678'], landline: '010-87654321', emails: ['zhang.wei@example.com'] });
    expect(await runtime().call('contacts.get', { id: c.id })).toMatchObject({ mobiles: c.mobiles, emails: c.emails });
  });

  it('answers bad numbers and emails with field messages', async () => {
    await expect(runtime().call('contacts.create', { name: '', mobiles: ['12345'], emails: ['not-an-email'], landline: '12' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: expect.arrayContaining([
        { path: 'name', message: 'validation.required' },
        { path: 'mobiles.0', message: 'validation.mobile' },
        { path: 'emails.0', message: 'validation.email' },
        expect.objectContaining({ path: 'landline' }),
      ]),
    });
  });

  it('links a live company and shows its name; refuses a missing or deleted one', async () => {
    const co = await runtime().call('companies.create', { name: '华为' });
    const c = await runtime().call('contacts.create', { name: '张伟', companyId: co.id });
    expect(c.companyName).toBe('华为');
    await runtime().call('companies.delete', { ids: [co.id] });
    const other = await runtime().call('contacts.create', { name: '王芳' });
    await expect(runtime().call('contacts.update', { id: other.id, patch: { companyId: co.id } })).rejects.toMatchObject({
      fields: [{ path: 'companyId', message: 'validation.company_missing' }],
    });
    await expect(runtime().call('contacts.update', { id: other.id, patch: { companyId: 'no-such-company' } })).rejects.toMatchObject({
      fields: [{ path: 'companyId', message: 'validation.company_missing' }],
    });
  });

  it('keeps fields a patch leaves out (gender, mobiles, tags)', async () => {
    const tag = await runtime().call('tags.save', { name: 'VIP', color: '#ff0000' });
    const c = await runtime().call('contacts.create', { name: '王芳', gender: 'female', mobiles: ['13812345678'], tagIds: [tag.id] });
    const u = await runtime().call('contacts.update', { id: c.id, patch: { title: '总监' } });
    expect(u).toMatchObject({ gender: 'female', mobiles: ['13812345678'], title: '总监' });
    expect(u.tags).toHaveLength(1);
    const logged = runtime().app.db.sqlite.prepare('SELECT fields FROM change_log WHERE row_id = ? ORDER BY seq DESC').pluck().get(c.id) as string;
    expect(Object.keys(JSON.parse(logged)).sort()).toEqual(['title', 'updated_at']);
  });

  // Depends on the search helper's findContactDuplicates (the placeholder finds nothing).
  it('warns of a contact with the same mobile unless told to allow it', async () => {
    const first = await runtime().call('contacts.create', { name: '张伟', mobiles: ['13812345678'] });
    const again = runtime().call('contacts.create', { name: '张三', mobiles: ['+86 138-1234-5678'] });
    await expect(again).rejects.toMatchObject({ code: 'duplicate', detail: [expect.objectContaining({ id: first.id, reason: 'mobile' })] });
    await expect(runtime().call('contacts.create', { name: '张三', mobiles: ['13812345678'], allowDuplicate: true })).resolves.toMatchObject({ name: '张三' });
    expect(await runtime().call('contacts.duplicates', { mobiles: ['13812345678'] })).toHaveLength(2);
  });

  it('merges two contacts: timeline and tags move, the other goes to the Trash, audited as contacts.merge', async () => {
    const tag = await runtime().call('tags.save', { name: '老客户', color: '#123456' });
    const co = await runtime().call('companies.create', { name: '腾达' });
    const keep = await runtime().call('contacts.create', { name: '张伟', companyId: co.id });
    const other = await runtime().call('contacts.create', { name: '张伟', emails: ['zw@tengda.cn'], tagIds: [tag.id], allowDuplicate: true });
    const call = await runtime().call('activities.create', { subjectType: 'contact', subjectId: other.id, kind: 'call', occurredAt: '2025-04-01T01:00:00Z', content: '电话' });
    const merged = await runtime().call('contacts.merge', { survivorId: keep.id, otherId: other.id, take: { emails: 'other' } });
    expect(merged).toMatchObject({ emails: ['zw@tengda.cn'], companyId: co.id, lastContactedAt: '2025-04-01T01:00:00.000Z' });
    expect(merged.tags.map((t) => t.id)).toEqual([tag.id]);
    expect((await runtime().call('activities.list', { subjectId: keep.id })).items.map((a) => a.id)).toEqual([call.id]);
    expect((await runtime().call('activities.list', { subjectId: co.id })).items.map((a) => a.id)).toEqual([call.id]);
    expect((await runtime().call('companies.get', { id: co.id })).lastContactedAt).toBe('2025-04-01T01:00:00.000Z');
    expect((await runtime().call('contacts.get', { id: other.id })).deletedAt).not.toBeNull();
    const actions = runtime().app.db.sqlite.prepare('SELECT action FROM audit_log').pluck().all();
    expect(actions).toContain('contacts.merge');
  });

  it('shows the name of a company in the Trash, marked, and still saves the contact with it', async () => {
    const co = await runtime().call('companies.create', { name: '腾达' });
    const c = await runtime().call('contacts.create', { name: '张伟', companyId: co.id });
    expect(c).toMatchObject({ companyName: '腾达', companyDeletedAt: null });
    await runtime().call('companies.delete', { ids: [co.id] });
    const shown = await runtime().call('contacts.get', { id: c.id });
    expect(shown.companyName).toBe('腾达');
    expect(shown.companyDeletedAt).not.toBeNull();
    const listed = await runtime().call('contacts.list', {});
    expect(listed.items.find((i) => i.id === c.id)).toMatchObject({ companyName: '腾达', companyDeletedAt: shown.companyDeletedAt });
    // The form sends the unchanged company back with an edit: not refused.
    const saved = await runtime().call('contacts.update', { id: c.id, patch: { companyId: co.id, title: '经理' } });
    expect(saved).toMatchObject({ title: '经理', companyId: co.id, companyName: '腾达' });
    // A new link to a deleted company still is.
    const other = await runtime().call('contacts.create', { name: '李娜' });
    await expect(runtime().call('contacts.update', { id: other.id, patch: { companyId: co.id } })).rejects.toMatchObject({
      fields: [{ path: 'companyId', message: 'validation.company_missing' }],
    });
  });
});
