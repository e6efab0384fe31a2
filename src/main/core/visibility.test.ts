// Record visibility through the dispatcher (issue #5): two sales users, a manager with one of them
// in the team, and the admin owner, each with the session sessionOf resolves from the database.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Input } from '../../shared/contract';
import type { SessionInfo } from '../../shared/permissions';
import { sessionOf } from '../features/users/session-of';
import { jobsOf } from '../jobs/registry';
import { useTempRuntime } from '../test/use-temp-runtime';
import { addUser as addUserTo } from '../test/users';
import { OWNER_ID } from './session';

const runtime = useTempRuntime();

const addUser = (id: string, role: string, managerId: string | null = null) => addUserTo(runtime(), id, role, managerId);

type Who = 'owner' | 'ana' | 'bo' | 'mia';
let as: Record<Who, SessionInfo>;
/** Each user's records, by kind. */
let made: Record<Who, { company: string; contact: string; lead: string; deal: string; task: string }>;

const call = <C extends Channel>(who: Who, channel: C, input: Input<C>) => runtime().call(channel, input, as[who]);

async function makeRecords(who: Who) {
  const name = `${who}客户`;
  const company = (await call(who, 'companies.create', { name: `${name}公司` })).id;
  const contact = (await call(who, 'contacts.create', { name: `${name}联系人`, companyId: company, mobiles: [] })).id;
  const lead = (await call(who, 'leads.create', { name: `${name}线索` })).id;
  const deal = (await call(who, 'deals.create', { name: `${name}商机`, companyId: company })).id;
  const task = (await call(who, 'tasks.create', { title: `${name}任务`, subjectType: 'company', subjectId: company })).id;
  return { company, contact, lead, deal, task };
}

beforeEach(async () => {
  const owner = await sessionOf(runtime().app.db.kysely, OWNER_ID);
  const mia = await addUser('mia', 'manager');
  as = { owner: owner!, mia, ana: await addUser('ana', 'sales', 'mia'), bo: await addUser('bo', 'sales') };
  // The manager's team is resolved when her session is: ana reports to her now.
  as.mia = (await sessionOf(runtime().app.db.kysely, 'mia'))!;
  made = { owner: await makeRecords('owner'), ana: await makeRecords('ana'), bo: await makeRecords('bo'), mia: await makeRecords('mia') };
});

/** What each kind's list shows the user, as sets of ids. */
async function seen(who: Who) {
  const ids = (items: { id: string }[]) => new Set(items.map((i) => i.id));
  return {
    company: ids((await call(who, 'companies.list', {})).items),
    contact: ids((await call(who, 'contacts.list', {})).items),
    lead: ids((await call(who, 'leads.list', {})).items),
    deal: ids((await call(who, 'deals.list', {})).items),
    task: ids((await call(who, 'tasks.list', { status: 'all' })).items),
  };
}

const KINDS = ['company', 'contact', 'lead', 'deal', 'task'] as const;
const expected = (...owners: Who[]) => Object.fromEntries(KINDS.map((k) => [k, new Set(owners.map((o) => made[o][k]))]));

describe('record visibility', () => {
  it('lists show sales their own, the manager her team, the admin everything', async () => {
    expect(await seen('ana')).toEqual(expected('ana'));
    expect(await seen('bo')).toEqual(expected('bo'));
    expect(await seen('mia')).toEqual(expected('mia', 'ana'));
    expect(await seen('owner')).toEqual(expected('owner', 'ana', 'bo', 'mia'));
  });

  it('pages through exactly one\'s own records, whether they are few (read by owner) or many (checked along the sort)', async () => {
    for (let i = 0; i < 6; i++) await call('bo', 'companies.create', { name: `bo分公司${i}` });
    const all = async (who: Who) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await call(who, 'companies.list', { limit: 1, sort: 'name', cursor });
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    // bo holds 7 of the 10 companies: at least √(2 × 10), so his rows are checked along the name index.
    expect(await all('bo')).toHaveLength(7);
    expect(new Set(await all('bo'))).toEqual(new Set((await call('owner', 'companies.list', { filter: { ownerId: 'bo' } })).items.map((c) => c.id)));
    expect(await all('ana')).toEqual([made.ana.company]);
  });

  it("another's record answers not_found on get, update and delete, and stays as it was", async () => {
    const notFound = { code: 'not_found' };
    const { company, contact, lead, deal, task } = made.ana;
    await expect(call('bo', 'companies.get', { id: company })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'contacts.get', { id: contact })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'leads.get', { id: lead })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'deals.get', { id: deal })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'tasks.get', { id: task })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'companies.update', { id: company, patch: { name: '改名' } })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'leads.update', { id: lead, patch: { name: '改名' } })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'deals.update', { id: deal, patch: { name: '改名' } })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'tasks.update', { id: task, patch: { title: '改名' } })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'contacts.delete', { ids: [contact] })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'leads.delete', { ids: [lead] })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'deals.delete', { ids: [deal] })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'tasks.delete', { id: task })).rejects.toMatchObject(notFound);
    await expect(call('bo', 'activities.list', { subjectId: company })).rejects.toMatchObject(notFound);
    expect((await call('ana', 'companies.get', { id: company })).name).toBe('ana客户公司');
    expect(await seen('ana')).toEqual(expected('ana'));
    // The manager reaches her team's records, not others'.
    expect((await call('mia', 'leads.get', { id: lead })).id).toBe(lead);
    await expect(call('mia', 'leads.get', { id: made.bo.lead })).rejects.toMatchObject(notFound);
  });

  it("a company's timeline leaves out the activities of its contacts one may not see", async () => {
    const company = made.ana.company;
    const hidden = await call('owner', 'contacts.create', { name: '老板的联系人', companyId: company, mobiles: [] });
    await call('owner', 'activities.create', { subjectType: 'contact', subjectId: hidden.id, kind: 'call', occurredAt: '2026-01-02T00:00:00.000Z', content: '秘密' });
    await call('ana', 'activities.create', { subjectType: 'company', subjectId: company, kind: 'note', occurredAt: '2026-01-03T00:00:00.000Z', content: '公开' });
    const timeline = async (who: Who) => (await call(who, 'activities.list', { subjectId: company })).items.map((a) => a.content);
    expect(await timeline('ana')).toEqual(['公开']);
    expect(await timeline('owner')).toEqual(['公开', '秘密']);
  });

  it('search.global and duplicate warnings only name visible records', async () => {
    const hits = async (who: Who) => (await call(who, 'search.global', { q: '客户', limit: 50 })).map((h) => h.id).sort();
    expect(await hits('bo')).toEqual([made.bo.company, made.bo.contact].sort());
    expect(await hits('mia')).toEqual([made.mia.company, made.mia.contact, made.ana.company, made.ana.contact].sort());
    expect(await hits('owner')).toHaveLength(8);
    expect(await call('bo', 'companies.duplicates', { name: 'ana客户公司' })).toEqual([]);
    expect(await call('owner', 'companies.duplicates', { name: 'ana客户公司' })).toEqual([expect.objectContaining({ id: made.ana.company })]);
  });

  it('sharing makes a record visible to another sales user, and unsharing hides it again', async () => {
    const { company } = made.ana;
    await call('ana', 'shares.set', { entity: 'company', id: company, userIds: ['bo'] });
    expect(await call('ana', 'shares.list', { entity: 'company', id: company })).toEqual([{ userId: 'bo', userName: 'bo' }]);
    expect((await seen('bo')).company).toEqual(new Set([made.bo.company, company]));
    expect((await call('bo', 'companies.get', { id: company })).id).toBe(company);
    expect((await call('bo', 'companies.update', { id: company, patch: { city: '上海' } })).city).toBe('上海');
    // Seeing a shared record is not enough to share it further.
    await expect(call('bo', 'shares.set', { entity: 'company', id: company, userIds: ['mia'] })).rejects.toMatchObject({ code: 'not_found' });
    // Nor may one share what one cannot see, or with someone who is not a user.
    await expect(call('bo', 'shares.set', { entity: 'lead', id: made.ana.lead, userIds: ['bo'] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('ana', 'shares.set', { entity: 'company', id: company, userIds: ['nobody'] })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'userIds.0', message: 'validation.user_missing' }],
    });
    await call('ana', 'shares.set', { entity: 'company', id: company, userIds: [] });
    expect((await seen('bo')).company).toEqual(new Set([made.bo.company]));
    // Shared again: the same share row comes back (synced, not a second row).
    await call('ana', 'shares.set', { entity: 'company', id: company, userIds: ['bo', 'bo'] });
    const rows = await runtime().app.db.kysely.selectFrom('record_shares').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ tbl: 'companies', row_id: company, user_id: 'bo', deleted_at: null, owner_id: 'ana' })]);
    const logged = await runtime().app.db.kysely.selectFrom('change_log').select('tbl').where('tbl', '=', 'record_shares').execute();
    expect(logged).toHaveLength(3);
  });

  it('records made by a sales user are theirs; giving one to someone outside their scope is refused', async () => {
    const refused = { code: 'invalid_input', fields: [{ path: 'ownerId', message: 'validation.owner_not_allowed' }] };
    await expect(call('ana', 'companies.create', { name: '给别人', ownerId: 'bo' })).rejects.toMatchObject(refused);
    await expect(call('ana', 'leads.update', { id: made.ana.lead, patch: { ownerId: 'bo' } })).rejects.toMatchObject(refused);
    await expect(call('ana', 'leads.assign', { ids: [made.ana.lead], ownerId: 'bo' })).rejects.toMatchObject(refused);
    await expect(call('mia', 'deals.update', { id: made.mia.deal, patch: { ownerId: 'bo' } })).rejects.toMatchObject(refused);
    // Within the team it is fine, and the record moves into ana's view.
    const given = await call('mia', 'companies.create', { name: '团队客户', ownerId: 'ana' });
    expect(given.ownerId).toBe('ana');
    expect((await call('ana', 'companies.get', { id: given.id })).id).toBe(given.id);
    // Converting a lead named after another's company makes one's own company, not a link to it.
    const lead = await call('ana', 'leads.create', { name: '转化', companyName: 'bo客户公司' });
    const converted = await call('ana', 'leads.convert', { id: lead.id, withOpportunity: false });
    expect(converted.companyId).not.toBe(made.bo.company);
    expect((await call('ana', 'companies.get', { id: converted.companyId! })).ownerId).toBe('ana');
    // Links to a customer one cannot see are refused like links to nothing.
    await expect(call('bo', 'contacts.create', { name: '挂靠', companyId: made.ana.company, mobiles: [] })).rejects.toMatchObject({
      fields: [{ path: 'companyId', message: 'validation.company_missing' }],
    });
  });

  it("an import by a manager never updates a record outside the team: the row becomes a new record of the manager's", async () => {
    await call('owner', 'contacts.update', { id: made.bo.contact, patch: { mobiles: ['13900001111'] } });
    const csv = Buffer.from('姓名,手机\n新名字,13900001111\n');
    const { uploadId } = await call('mia', 'io.upload', { name: 'x.csv', offset: 0, data: csv.toString('base64'), done: true });
    const { mapping } = await call('mia', 'io.inspect', { uploadId, entity: 'contact' });
    const { jobId } = await call('mia', 'io.startImport', { uploadId, entity: 'contact', mapping, options: { onDuplicate: 'overwrite', fileName: 'x.csv', dryRun: false } });
    const status = await jobsOf(runtime().app).wait(jobId);
    expect(status.result).toMatchObject({ created: 1, updated: 0 });
    expect((await call('owner', 'contacts.get', { id: made.bo.contact })).name).toBe('bo客户联系人');
    expect((await call('mia', 'contacts.list', {})).items.map((c) => c.name)).toContain('新名字');
  });

  it('the trash and the forecast follow the same scope', async () => {
    await call('ana', 'leads.delete', { ids: [made.ana.lead] });
    await call('bo', 'leads.delete', { ids: [made.bo.lead] });
    const trash = async (who: Who) => (await call(who, 'trash.list', { entity: 'lead' })).items.map((i) => i.id);
    expect(await trash('bo')).toEqual([made.bo.lead]);
    expect(await trash('owner')).toHaveLength(2);
    await expect(call('bo', 'trash.restore', { entity: 'lead', ids: [made.ana.lead] })).rejects.toMatchObject({ code: 'not_found' });
    // Purging a shared record takes its shares with it.
    await call('ana', 'shares.set', { entity: 'company', id: made.ana.company, userIds: ['bo'] });
    await call('ana', 'companies.delete', { ids: [made.ana.company] });
    await call('owner', 'trash.purge', { entity: 'company', ids: [made.ana.company] });
    expect(await runtime().app.db.kysely.selectFrom('record_shares').selectAll().execute()).toEqual([]);
    // A custom role with reports and scope 'own': its forecast counts only its own opportunities.
    const { id: role } = await call('owner', 'roles.save', { name: '区域销售', permissions: ['deals.read', 'deals.write', 'reports.read'], scope: 'own' });
    await runtime().app.db.kysely.updateTable('users').set({ role }).where('id', '=', 'bo').execute();
    as.bo = (await sessionOf(runtime().app.db.kysely, 'bo'))!;
    await call('owner', 'deals.update', { id: made.ana.deal, patch: { amount: 500_00 } });
    await call('owner', 'deals.update', { id: made.bo.deal, patch: { amount: 300_00 } });
    const total = async (who: Who) => (await call(who, 'forecast.summary', {})).open.total.amount;
    expect(await total('bo')).toBe(300_00);
    expect(await total('owner')).toBe(800_00);
  });
});
