import { describe, expect, it } from 'vitest';
import { builtinSession } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();
const call: ReturnType<typeof runtime>['call'] = (channel, input, session) => runtime().call(channel, input, session);
const sqlite = () => runtime().app.db.sqlite;

async function addUser(id: string, role: string, createdAt: string): Promise<void> {
  await runtime()
    .app.db.kysely.insertInto('users')
    .values({ id, name: id, role, created_at: createdAt, updated_at: createdAt, created_by: 'owner', owner_id: 'owner', deleted_at: null })
    .execute();
}

describe('leads.create / get / update', () => {
  it('creates a new lead with normalised fields and pinyin', async () => {
    const lead = await call('leads.create', { name: ' 王芳 ', companyName: '星河科技', mobile: '138 1234 5678', email: 'Wang@Example.COM', source: '展会' });
    expect(lead).toMatchObject({ name: '王芳', mobile: '13812345678', email: 'wang@example.com', status: 'new', ownerId: 'owner', overdue: false });
    expect(sqlite().prepare('SELECT name_py FROM leads WHERE id = ?').pluck().get(lead.id)).toBe('wangfang');
    expect(await call('leads.get', { id: lead.id })).toEqual(lead);
    const edited = await call('leads.update', { id: lead.id, patch: { title: '经理', nextFollowUpAt: '2030-01-02T03:00:00Z' } });
    expect(edited).toMatchObject({ title: '经理', nextFollowUpAt: '2030-01-02T03:00:00.000Z', companyName: '星河科技' });
  });

  it('updates only the fields given, clears with null, validates the patch', async () => {
    const lead = await call('leads.create', { name: '林涛', mobile: '13512345678', wechat: 'lintao' });
    const edited = await call('leads.update', { id: lead.id, patch: { wechat: null, nextFollowUpAt: '' } });
    expect(edited).toMatchObject({ name: '林涛', mobile: '13512345678', wechat: null, nextFollowUpAt: null });
    await expect(call('leads.update', { id: lead.id, patch: { mobile: '12345', name: '' } })).rejects.toMatchObject({
      fields: expect.arrayContaining([
        { path: 'patch.mobile', message: 'validation.mobile' },
        { path: 'patch.name', message: 'validation.required' },
      ]),
    });
    await expect(call('leads.update', { id: lead.id, patch: { nextFollowUpAt: 'tomorrow' } })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await call('leads.get', { id: lead.id })).mobile).toBe('13512345678');
  });

  it('refuses bad input with field messages', async () => {
    await expect(call('leads.create', { name: '', mobile: '123', email: 'x@' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: expect.arrayContaining([
        { path: 'name', message: 'validation.required' },
        { path: 'mobile', message: 'validation.mobile' },
        { path: 'email', message: 'validation.email' },
      ]),
    });
    await expect(call('leads.create', { name: '李', ownerId: 'ghost' })).rejects.toMatchObject({ fields: [{ path: 'ownerId', message: 'validation.owner_missing' }] });
    await expect(call('leads.get', { id: 'ghost' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('leads.update', { id: 'ghost', patch: { name: 'x' } })).rejects.toMatchObject({ code: 'not_found' });
    const marketing = builtinSession('service', 'm', 'm');
    await expect(call('leads.create', { name: '李' }, marketing)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('warns of a lead or contact with the same mobile or email unless forced', async () => {
    const first = await call('leads.create', { name: '王芳', mobile: '13812345678' });
    await expect(call('leads.create', { name: '王小芳', mobile: '+86 138-1234-5678' })).rejects.toMatchObject({
      code: 'duplicate',
      detail: [{ kind: 'lead', id: first.id, name: '王芳', reason: 'mobile' }],
    });
    const contact = await call('contacts.create', { name: '赵强', emails: ['zq@example.com'] });
    await expect(call('leads.create', { name: '赵', email: 'ZQ@example.com' })).rejects.toMatchObject({
      code: 'duplicate',
      detail: [{ kind: 'contact', id: contact.id, reason: 'email' }],
    });
    expect((await call('leads.create', { name: '王小芳', mobile: '13812345678', force: true })).status).toBe('new');
    // A deleted lead is no duplicate.
    await call('leads.delete', { ids: [first.id] });
    await call('contacts.delete', { ids: [contact.id] });
    await call('leads.create', { name: '赵', email: 'zq@example.com' });
  });
});

describe('leads.setStatus', () => {
  it('moves through the flow; invalid needs a reason; a converted lead stays converted', async () => {
    const lead = await call('leads.create', { name: '刘洋' });
    expect((await call('leads.setStatus', { id: lead.id, status: 'following' })).status).toBe('following');
    await expect(call('leads.setStatus', { id: lead.id, status: 'invalid' })).rejects.toMatchObject({
      fields: [{ path: 'invalidReason', message: 'leads.errors.reason_required' }],
    });
    expect(await call('leads.setStatus', { id: lead.id, status: 'invalid', invalidReason: '联系不上' })).toMatchObject({ status: 'invalid', invalidReason: '联系不上' });
    expect(await call('leads.setStatus', { id: lead.id, status: 'contacted' })).toMatchObject({ status: 'contacted', invalidReason: null });
    await expect(call('leads.setStatus', { id: lead.id, status: 'converted' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await call('leads.convert', { id: lead.id, withOpportunity: false });
    await expect(call('leads.setStatus', { id: lead.id, status: 'new' })).rejects.toMatchObject({ code: 'conflict', message: 'leads.errors.already_converted' });
  });
});

describe('leads.delete / restore', () => {
  it('soft-deletes and restores, counting only what changed', async () => {
    const lead = await call('leads.create', { name: '陈静' });
    expect(await call('leads.delete', { ids: [lead.id, 'ghost'] })).toEqual({ deleted: 1 });
    expect(await call('leads.delete', { ids: [lead.id] })).toEqual({ deleted: 0 });
    await expect(call('leads.get', { id: lead.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await call('leads.list', {})).items).toEqual([]);
    expect(await call('leads.restore', { ids: [lead.id] })).toEqual({ restored: 1 });
    expect((await call('leads.list', {})).items.map((l) => l.id)).toEqual([lead.id]);
  });
});

describe('leads.list', () => {
  it('filters by status, owner, source, overdue and text; pages by cursor', async () => {
    await addUser('u-sales', 'sales', '2026-01-01T00:00:00Z');
    const past = '2020-01-01T00:00:00Z';
    const a = await call('leads.create', { name: '张伟', companyName: '腾达贸易', mobile: '13900000001', source: '展会', nextFollowUpAt: past });
    const b = await call('leads.create', { name: '李娜', source: '网站', ownerId: 'u-sales', nextFollowUpAt: '2099-01-01T00:00:00Z' });
    const c = await call('leads.create', { name: '王强_1', nextFollowUpAt: past });
    await call('leads.setStatus', { id: c.id, status: 'invalid', invalidReason: '没有需求' });
    const ids = async (input: Parameters<typeof call<'leads.list'>>[1]) => (await call('leads.list', input)).items.map((l) => l.id);
    expect(await ids({})).toEqual([a.id, c.id, b.id]);
    expect(await ids({ sort: 'created' })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ filter: { overdue: true } })).toEqual([a.id]);
    expect((await call('leads.get', { id: a.id })).overdue).toBe(true);
    expect((await call('leads.get', { id: c.id })).overdue).toBe(false);
    expect(await ids({ filter: { status: 'invalid' } })).toEqual([c.id]);
    expect(await ids({ filter: { ownerId: 'u-sales' } })).toEqual([b.id]);
    expect(await ids({ filter: { source: '展会' } })).toEqual([a.id]);
    expect(await ids({ filter: { q: '腾达' } })).toEqual([a.id]);
    expect(await ids({ filter: { q: '0000000' } })).toEqual([a.id]);
    expect(await ids({ filter: { q: '_' } })).toEqual([c.id]);
    const first = await call('leads.list', { limit: 2 });
    expect(first.items.map((l) => l.id)).toEqual([a.id, c.id]);
    const second = await call('leads.list', { limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ id: b.id, ownerName: 'u-sales' })], nextCursor: null });
    await expect(call('leads.list', { cursor: 'nonsense' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('leads.assign', () => {
  it('assigns to one person, or round-robin over sales users continuing across calls', async () => {
    await addUser('s1', 'sales', '2026-01-01T00:00:01Z');
    await addUser('s2', 'sales', '2026-01-01T00:00:02Z');
    await addUser('s3', 'sales', '2026-01-01T00:00:03Z');
    await addUser('m1', 'manager', '2026-01-01T00:00:04Z');
    const leads = [];
    for (let i = 0; i < 5; i++) leads.push(await call('leads.create', { name: `线索${i}` }));
    const ownerOf = async (id: string) => (await call('leads.get', { id })).ownerId;
    expect(await call('leads.assign', { ids: [leads[0].id, leads[1].id], roundRobin: true })).toEqual({ assigned: 2 });
    expect(await call('leads.assign', { ids: [leads[2].id, leads[3].id, leads[4].id], roundRobin: true })).toEqual({ assigned: 3 });
    expect(await Promise.all(leads.map((l) => ownerOf(l.id)))).toEqual(['s1', 's2', 's3', 's1', 's2']);
    expect(await call('leads.assign', { ids: [leads[0].id, 'ghost'], ownerId: 'm1' })).toEqual({ assigned: 1 });
    expect(await ownerOf(leads[0].id)).toBe('m1');
    await expect(call('leads.assign', { ids: [leads[0].id] })).rejects.toMatchObject({ fields: [{ path: 'ownerId', message: 'validation.required' }] });
    await expect(call('leads.assign', { ids: [leads[0].id], ownerId: 'ghost' })).rejects.toMatchObject({ fields: [{ path: 'ownerId', message: 'validation.owner_missing' }] });
  });

  it('uses every user when nobody has the sales role', async () => {
    await addUser('x1', 'manager', '2027-01-01T00:00:00Z');
    const a = await call('leads.create', { name: '甲' });
    const b = await call('leads.create', { name: '乙' });
    const c = await call('leads.create', { name: '丙' });
    await call('leads.assign', { ids: [a.id, b.id, c.id], roundRobin: true });
    const owners = await Promise.all([a, b, c].map(async (l) => (await call('leads.get', { id: l.id })).ownerId));
    expect(owners).toEqual(['owner', 'x1', 'owner']);
  });
});

describe('follow-ups', () => {
  it('an activity on a lead sets the last follow-up and moves a new lead to contacted', async () => {
    const lead = await call('leads.create', { name: '周敏' });
    const act = await call('activities.create', { subjectType: 'lead', subjectId: lead.id, kind: 'call', occurredAt: '2026-03-01T08:00:00Z', content: '电话沟通，有兴趣' });
    expect(act.subjectType).toBe('lead');
    expect(await call('leads.get', { id: lead.id })).toMatchObject({ status: 'contacted', lastFollowUpAt: '2026-03-01T08:00:00.000Z' });
    expect((await call('activities.list', { subjectId: lead.id })).items.map((a) => a.id)).toEqual([act.id]);
    await call('leads.setStatus', { id: lead.id, status: 'following' });
    await call('activities.create', { subjectType: 'lead', subjectId: lead.id, kind: 'visit', occurredAt: '2026-03-05T08:00:00Z', content: '上门拜访' });
    expect(await call('leads.get', { id: lead.id })).toMatchObject({ status: 'following', lastFollowUpAt: '2026-03-05T08:00:00.000Z' });
    await expect(call('activities.create', { subjectType: 'lead', subjectId: 'ghost', kind: 'call', occurredAt: '2026-03-01T08:00:00Z', content: 'x' })).rejects.toMatchObject({
      fields: [{ path: 'subjectId', message: 'validation.subject_missing' }],
    });
  });
});

describe('leads.convert', () => {
  it('creates company, contact and opportunity, copies the history, logs every change', async () => {
    const lead = await call('leads.create', { name: '孙丽', companyName: '华兴建材', title: '采购经理', mobile: '13712345678', email: 'sl@hx.cn', wechat: 'sunli', source: '转介绍' });
    await call('activities.create', { subjectType: 'lead', subjectId: lead.id, kind: 'call', occurredAt: '2026-03-01T08:00:00Z', content: '首次电话' });
    await call('activities.create', { subjectType: 'lead', subjectId: lead.id, kind: 'wechat', occurredAt: '2026-03-02T08:00:00Z', content: '发了资料' });
    const result = await call('leads.convert', { id: lead.id, opportunityName: '华兴建材 年度采购', amount: 1_200_000, expectedClose: '2026-06-30' });
    expect(result.lead).toMatchObject({ status: 'converted', convertedCompanyId: result.companyId, convertedContactId: result.contactId, convertedOpportunityId: result.opportunityId });
    expect(result.lead.convertedAt).not.toBeNull();
    const company = await call('companies.get', { id: result.companyId as string });
    expect(company).toMatchObject({ name: '华兴建材', source: '转介绍' });
    const contact = await call('contacts.get', { id: result.contactId });
    expect(contact).toMatchObject({ name: '孙丽', title: '采购经理', mobiles: ['13712345678'], emails: ['sl@hx.cn'], wechat: 'sunli', companyId: result.companyId, lastContactedAt: '2026-03-02T08:00:00.000Z' });
    const opp = sqlite().prepare('SELECT * FROM opportunities WHERE id = ?').get(result.opportunityId) as Record<string, unknown>;
    expect(opp).toMatchObject({ name: '华兴建材 年度采购', amount: 1_200_000, expected_close: '2026-06-30', company_id: result.companyId, contact_id: result.contactId, lead_id: lead.id, stage_id: 'stage-default-1' });
    // Both timelines show the history.
    expect((await call('activities.list', { subjectId: lead.id })).items.map((a) => a.content)).toEqual(['发了资料', '首次电话']);
    expect((await call('activities.list', { subjectId: result.contactId })).items.map((a) => a.content)).toEqual(['发了资料', '首次电话']);
    expect((await call('activities.list', { subjectId: result.companyId as string })).items).toHaveLength(2);
    // Found by search.
    const found = await call('search.global', { q: 'sunli' });
    expect(found.map((h) => h.id)).toContain(result.contactId);
    const logged = (table: string) => sqlite().prepare('SELECT count(*) FROM change_log WHERE tbl = ?').pluck().get(table);
    expect(logged('companies')).toBe(1);
    expect(logged('contacts')).toBe(1);
    expect(logged('opportunities')).toBe(1);
    expect(sqlite().prepare('SELECT fields FROM change_log WHERE row_id = ? ORDER BY seq DESC').pluck().get(lead.id)).toContain('converted');
    await expect(call('leads.convert', { id: lead.id })).rejects.toMatchObject({ code: 'conflict', message: 'leads.errors.already_converted' });
    expect(sqlite().prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
  });

  it('links to the live company of the same name, and may skip the opportunity', async () => {
    const company = await call('companies.create', { name: '华兴建材' });
    const lead = await call('leads.create', { name: '钱进', companyName: ' 华兴建材 ' });
    const result = await call('leads.convert', { id: lead.id, withOpportunity: false });
    expect(result).toMatchObject({ companyId: company.id, opportunityId: null });
    expect((await call('contacts.get', { id: result.contactId })).companyId).toBe(company.id);
    const alone = await call('leads.create', { name: '独立客户' });
    expect(await call('leads.convert', { id: alone.id })).toMatchObject({ companyId: null, opportunityId: expect.any(String) });
  });

  it('refuses an invalid lead and leaves nothing half-written', async () => {
    const lead = await call('leads.create', { name: '吴刚', companyName: '某公司' });
    await call('leads.setStatus', { id: lead.id, status: 'invalid', invalidReason: '重复线索' });
    await expect(call('leads.convert', { id: lead.id })).rejects.toMatchObject({ code: 'conflict', message: 'leads.errors.convert_invalid' });
    await call('leads.setStatus', { id: lead.id, status: 'following' });
    await expect(call('leads.convert', { id: lead.id, amount: -1 })).rejects.toMatchObject({ fields: [{ path: 'amount', message: 'validation.min' }] });
    expect(sqlite().prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
  });
});
