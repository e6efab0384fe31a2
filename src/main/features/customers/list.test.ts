// Keyset paging of both customer kinds: every sort, both directions, with ties and NULLs, never
// repeats or skips a row; and every filter.
import { describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/contract';
import type { CustomerSort } from '../../../shared/customers';
import type { SessionInfo } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { addUser } from '../../test/users';

const runtime = useTempRuntime();

const COLUMN: Record<CustomerSort, string> = { name: 'name_py', updated: 'updated_at', created: 'created_at', contacted: 'last_contacted_at' };
const NAMES = ['张伟', '王芳', '张伟', '李娜', '刘洋', '王芳', '陈静', '张伟', '杨勇', '赵磊', '黄敏', '周杰', '吴霞'];

/** Thirteen contacts whose sort columns tie in groups, some never contacted. */
async function seedTies(): Promise<void> {
  for (const name of NAMES) await runtime().call('contacts.create', { name, allowDuplicate: true });
  const db = runtime().app.db.sqlite;
  db.prepare(`UPDATE contacts SET created_at = '2025-01-0' || (rid % 3 + 1), updated_at = '2025-02-0' || (rid % 2 + 1)`).run();
  db.prepare(`UPDATE contacts SET last_contacted_at = CASE WHEN rid % 3 = 0 THEN NULL ELSE '2025-03-0' || (rid % 2 + 1) END`).run();
}

/** The order the list must give, computed from the table: NULLs first ascending, last descending. */
function expectedOrder(sort: CustomerSort, dir: 'asc' | 'desc'): string[] {
  const rows = runtime().app.db.sqlite.prepare(`SELECT id, rid, ${COLUMN[sort]} AS v FROM contacts WHERE deleted_at IS NULL`).all() as { id: string; rid: number; v: string | null }[];
  const key = (r: { rid: number; v: string | null }) => [r.v === null ? 0 : 1, r.v ?? '', r.rid] as const;
  rows.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
  if (dir === 'desc') rows.reverse();
  return rows.map((r) => r.id);
}

/** Every page of each filter, in every sort and direction, is the table's order of its records. */
async function expectFilteredPages(limit: number, cases: [object, string[]][], as?: SessionInfo): Promise<void> {
  for (const sort of ['name', 'updated', 'created', 'contacted'] as const) {
    for (const dir of ['asc', 'desc'] as const) {
      for (const [filter, ids] of cases) {
        const expected = expectedOrder(sort, dir).filter((id) => ids.includes(id));
        const got: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Output<'contacts.list'> = await runtime().call('contacts.list', { sort, dir, limit, cursor, filter }, as);
          got.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(got, `${sort} ${dir} ${JSON.stringify(filter)}`).toEqual(expected);
      }
    }
  }
}

async function allPages(sort: CustomerSort, dir: 'asc' | 'desc', limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Output<'contacts.list'> = await runtime().call('contacts.list', { sort, dir, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('customer lists', () => {
  for (const sort of ['name', 'updated', 'created', 'contacted'] as const) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`pages by ${sort} ${dir} across ties without repeating or skipping`, async () => {
        await seedTies();
        const expected = expectedOrder(sort, dir);
        expect(await allPages(sort, dir, 4)).toEqual(expected);
        expect(await allPages(sort, dir, 1)).toEqual(expected);
      });
    }
  }

  it('sorts names by pinyin with equal names kept together', async () => {
    await seedTies();
    const { items } = await runtime().call('contacts.list', { sort: 'name', dir: 'asc', limit: 3 });
    expect(items.map((c) => c.name)).toEqual(['陈静', '黄敏', '李娜']);
  });

  it('refuses a cursor it did not make', async () => {
    await expect(runtime().call('contacts.list', { cursor: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'cursor', message: 'validation.cursor' }],
    });
  });

  it('leaves deleted records out', async () => {
    const a = await runtime().call('contacts.create', { name: '甲' });
    await runtime().call('contacts.create', { name: '乙' });
    await runtime().call('contacts.delete', { ids: [a.id] });
    const { items } = await runtime().call('contacts.list', {});
    expect(items.map((c) => c.name)).toEqual(['乙']);
  });
});

describe('customer list filters', () => {
  const names = (page: { items: { name: string }[] }) => page.items.map((c) => c.name).sort();

  it('filters companies by category, tag, owner, city, created and contacted ranges', async () => {
    const vip = await runtime().call('tags.save', { name: 'VIP', color: '#ff0000' });
    const a = await runtime().call('companies.create', { name: '甲公司', category: 'key', city: '深圳', tagIds: [vip.id] });
    const b = await runtime().call('companies.create', { name: '乙公司', category: 'lost', city: '北京' });
    await runtime().call('companies.create', { name: '丙公司', city: '深圳' });
    runtime().app.db.sqlite.prepare(`UPDATE companies SET created_at = '2024-05-01T08:00:00.000Z', owner_id = 'other' WHERE id = ?`).run(b.id);
    await runtime().call('activities.create', { subjectType: 'company', subjectId: a.id, kind: 'visit', occurredAt: '2025-06-10T09:00:00Z', content: '拜访' });

    expect(names(await runtime().call('companies.list', { filter: { category: 'key' } }))).toEqual(['甲公司']);
    expect(names(await runtime().call('companies.list', { filter: { tagId: vip.id } }))).toEqual(['甲公司']);
    expect(names(await runtime().call('companies.list', { filter: { ownerId: 'other' } }))).toEqual(['乙公司']);
    expect(names(await runtime().call('companies.list', { filter: { city: '深圳' } }))).toEqual(['丙公司', '甲公司']);
    expect(names(await runtime().call('companies.list', { filter: { created: { from: '2024-05-01', to: '2024-05-01' } } }))).toEqual(['乙公司']);
    expect(names(await runtime().call('companies.list', { filter: { contacted: { from: '2025-06-10', to: '2025-06-10' } } }))).toEqual(['甲公司']);
    expect(names(await runtime().call('companies.list', { filter: { contacted: { to: '2025-06-09' } } }))).toEqual([]);
  });

  // A common value is checked along the sort's index, a rare one read through its own index and
  // sorted (list.ts): both must give the same pages as the table says, in every sort.
  it('pages filtered lists the same whichever index drives them (common and rare values)', async () => {
    await seedTies();
    const db = runtime().app.db.sqlite;
    const tag = await runtime().call('tags.save', { name: 'VIP', color: '#ff0000' });
    const rows = db.prepare('SELECT id, rid FROM contacts').all() as { id: string; rid: number }[];
    const common = rows.filter((r) => r.rid % 4 !== 0).map((r) => r.id);
    const rare = rows.filter((r) => r.rid % 4 === 0).map((r) => r.id);
    const few = await runtime().call('tags.save', { name: '新客', color: '#00ff00' });
    await runtime().call('tags.apply', { tagId: tag.id, recordIds: common, on: true });
    await runtime().call('tags.apply', { tagId: few.id, recordIds: rare, on: true });
    db.prepare(`UPDATE contacts SET city = CASE WHEN rid % 4 = 0 THEN '北京' ELSE '深圳' END`).run();
    await expectFilteredPages(2, [
      [{ tagId: tag.id }, common],
      [{ tagId: few.id }, rare],
      [{ tagId: few.id, city: '北京' }, rare],
      [{ city: '深圳' }, common],
      [{ city: '北京' }, rare],
      [{ ownerId: 'owner' }, [...common, ...rare]],
    ]);
  });

  // 200 contacts, pages of 7: S = √(8 × 200) = 40, so a tag on 3 is driven by its links, one on
  // 20 walks against their set, one on 150 looks each link up; a city walks its own index, with a
  // tag driving or tested on it (list.ts filterConditions: drives under S/4, tests a set under S,
  // looks up from S).
  it('pages a tag and record visibility the same in each of their three plans, alone and with a city', async () => {
    for (let i = 0; i < 200; i += 1) await runtime().call('contacts.create', { name: NAMES[i % NAMES.length]!, allowDuplicate: true });
    const db = runtime().app.db.sqlite;
    db.prepare(`UPDATE contacts SET created_at = '2025-01-0' || (rid % 3 + 1), updated_at = '2025-02-0' || (rid % 2 + 1),
      last_contacted_at = CASE WHEN rid % 3 = 0 THEN NULL ELSE '2025-03-0' || (rid % 2 + 1) END,
      city = CASE WHEN rid % 50 = 0 THEN '北京' WHEN rid % 3 = 0 THEN '深圳' ELSE '杭州' END`).run();
    const ids = (where: string) => db.prepare(`SELECT id FROM contacts WHERE ${where}`).pluck().all() as string[];
    const tagged = async (name: string, recordIds: string[]) => {
      const tag = await runtime().call('tags.save', { name, color: '#ff0000' });
      await runtime().call('tags.apply', { tagId: tag.id, recordIds, on: true });
      return tag.id;
    };
    const [three, twenty, many] = [ids('rid % 60 = 0'), ids('rid % 10 = 0'), ids('rid % 4 != 0')];
    expect([three.length, twenty.length, many.length]).toEqual([3, 20, 150]);
    const [tagThree, tagTwenty, tagMany] = [await tagged('三个', three), await tagged('二十个', twenty), await tagged('很多', many)];
    const inCity = (city: string, among: string[]) => ids(`city = '${city}'`).filter((id) => among.includes(id));
    await expectFilteredPages(7, [
      [{ tagId: tagThree }, three],
      [{ tagId: tagTwenty }, twenty],
      [{ tagId: tagMany }, many],
      [{ city: '北京' }, ids(`city = '北京'`)],
      [{ city: '深圳' }, ids(`city = '深圳'`)],
      // Together: the smallest drives when the walk would be long, else each is tested on the walk.
      [{ tagId: tagThree, city: '杭州' }, inCity('杭州', three)],
      [{ tagId: tagTwenty, city: '深圳' }, inCity('深圳', twenty)],
      [{ tagId: tagMany, city: '深圳' }, inCity('深圳', many)],
      [{ tagId: tagMany, city: '北京' }, inCity('北京', many)],
    ]);
    // Record visibility is a set in the same three plans: a sales user who owns 4 records, one who
    // owns 20 and has 2 shared with her, one who owns 140.
    const owns = async (user: string, where: string) => {
      const session = await addUser(runtime(), user, 'sales');
      db.prepare(`UPDATE contacts SET owner_id = ? WHERE ${where}`).run(user);
      return session;
    };
    const most = await owns('most', 'rid % 4 != 1');
    const some = await owns('some', 'rid % 10 = 5');
    const few = await owns('few', 'rid % 60 = 1');
    const shared = ids('rid IN (2, 3)');
    for (const id of shared) await runtime().call('shares.set', { entity: 'contact', id, userIds: [some.userId] });
    expect([ids(`owner_id = 'few'`).length, ids(`owner_id = 'some'`).length, ids(`owner_id = 'most'`).length]).toEqual([4, 20, 140]);
    await expectFilteredPages(7, [[{}, ids(`owner_id = 'few'`)]], few);
    await expectFilteredPages(7, [[{}, [...ids(`owner_id = 'some'`), ...shared]]], some);
    await expectFilteredPages(7, [[{}, ids(`owner_id = 'most'`)], [{ tagId: tagTwenty }, ids(`owner_id = 'most'`).filter((id) => twenty.includes(id))]], most);
    await expectFilteredPages(7, [[{ tagId: tagMany, city: '深圳' }, [...ids(`owner_id = 'some'`), ...shared].filter((id) => inCity('深圳', many).includes(id))]], some);
  });

  it('filters contacts by company', async () => {
    const co = await runtime().call('companies.create', { name: '华为' });
    await runtime().call('contacts.create', { name: '张伟', companyId: co.id });
    await runtime().call('contacts.create', { name: '李娜' });
    expect(names(await runtime().call('contacts.list', { filter: { companyId: co.id } }))).toEqual(['张伟']);
  });
});
