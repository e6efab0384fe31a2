import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/search';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';
import { refreshCustomerIndex } from './indexer';
import { addCompany, addContact } from './test-rows';

let rt: TempRuntime;
const ids: Record<string, string> = {};
const search = (q: string, limit = 50): Promise<SearchHit[]> => rt.call('search.global', { q, limit });
const names = async (q: string) => (await search(q)).map((h) => h.name);

beforeAll(async () => {
  rt = await tempRuntime();
  const db = rt.app.db.kysely;
  ids.acme = await addCompany(db, '深圳市华强电子有限公司', { phone: '0755-26543210', website: 'www.huaqiang-dz.cn' });
  ids.zhangwei = await addContact(db, { name: '张伟', mobiles: ['13812345678'], emails: ['zhang.wei@163.com'], companyId: ids.acme });
  ids.ouyang = await addContact(db, { name: '欧阳娜娜', mobiles: ['13900001111'] });
  ids.zeng = await addContact(db, { name: '曾志伟', landline: '010-62345678' });
  ids.shan = await addContact(db, { name: '单雄信', emails: ['xiongxin.shan@qq.com'] });
  ids.kevin = await addContact(db, { name: 'Kevin 张', mobiles: ['15011112222'] });
  ids.smith = await addContact(db, { name: 'John Smith', emails: ['john@smith-trading.com'] });
});
afterAll(() => rt.dispose());

describe('search.global', () => {
  it('finds 张伟 by Chinese substrings, full pinyin, pinyin prefix and initials', async () => {
    for (const q of ['张伟', '伟', 'zhangwei', 'zhangw', 'wei', 'zw', 'ZhangWei']) {
      expect(await names(q), q).toContain('张伟');
    }
  });

  it('reads compound and polyphonic surnames as surnames', async () => {
    expect(await names('ouyang')).toEqual(['欧阳娜娜']);
    expect(await names('欧阳')).toEqual(['欧阳娜娜']);
    expect(await names('oynn')).toEqual(['欧阳娜娜']);
    expect(await names('zengzhi')).toEqual(['曾志伟']);
    expect(await names('shanxiong')).toEqual(['单雄信']);
    expect(await names('sxx')).toEqual(['单雄信']);
  });

  it('finds phones by their last 4, 7 or 11 digits, and landlines whatever the dashes', async () => {
    expect(await names('5678')).toEqual(expect.arrayContaining(['张伟', '曾志伟']));
    expect(await names('2345678')).toEqual(expect.arrayContaining(['张伟', '曾志伟']));
    expect(await names('13812345678')).toEqual(['张伟']);
    expect(await names('138 1234 5678')).toEqual(['张伟']);
    expect(await names('01062345678')).toEqual(['曾志伟']);
    expect(await names('010-6234')).toEqual(['曾志伟']);
  });

  it('finds emails by any part', async () => {
    expect(await names('zhang.wei@163')).toEqual(['张伟']);
    expect(await names('163.com')).toEqual(['张伟']);
    expect(await names('xiongxin')).toEqual(['单雄信']);
    expect(await names('smith-trading')).toEqual(['John Smith']);
  });

  it('finds contacts by a fragment of their company, and the company itself', async () => {
    const hits = await search('华强');
    expect(hits).toEqual([
      { type: 'contact', id: ids.zhangwei, name: '张伟', detail: '深圳市华强电子有限公司 · 13812345678' },
      { type: 'company', id: ids.acme, name: '深圳市华强电子有限公司', detail: '0755-26543210' },
    ]);
    expect(await names('huaqiang')).toEqual(['深圳市华强电子有限公司']);
    expect(await names('26543210')).toEqual(['深圳市华强电子有限公司']);
  });

  it('shows the phone or email the query matched in the detail line', async () => {
    const [hit] = await search('zhang.wei');
    expect(hit.detail).toBe('深圳市华强电子有限公司 · zhang.wei@163.com');
  });

  it('finds English and mixed names', async () => {
    expect(await names('kevin')).toEqual(['Kevin 张']);
    expect(await names('Kevin 张')).toEqual(['Kevin 张']);
    expect(await names('kevinzhang')).toEqual(['Kevin 张']);
    expect(await names('smith')).toEqual(['John Smith']);
    expect(await names('jo')).toEqual(['John Smith']);
  });

  it('puts the exact name first', async () => {
    const other = await addContact(rt.app.db.kysely, { name: '张伟明' });
    expect((await names('张伟')).slice(0, 1)).toEqual(['张伟']);
    await sql`DELETE FROM contact_search WHERE rowid = (SELECT rid FROM contacts WHERE id = ${other})`.execute(rt.app.db.kysely);
    await sql`DELETE FROM contacts WHERE id = ${other}`.execute(rt.app.db.kysely);
  });

  it('puts an exact pinyin or initials match first, even among many candidates', async () => {
    const db = rt.app.db.kysely;
    const crowd: string[] = [];
    for (let i = 0; i < 230; i++) crowd.push(await addContact(db, { name: `吴林${'博文志强'[i % 4]}${i}` }));
    const exact = await addContact(db, { name: '吴林' });
    expect((await names('wulin')).slice(0, 1)).toEqual(['吴林']);
    expect((await names('wl')).slice(0, 1)).toEqual(['吴林']);
    for (const id of [...crowd, exact]) {
      await sql`DELETE FROM contact_search WHERE rowid = (SELECT rid FROM contacts WHERE id = ${id})`.execute(db);
      await sql`DELETE FROM contacts WHERE id = ${id}`.execute(db);
    }
  });

  it('leaves soft-deleted contacts out and finds restored ones again', async () => {
    const db = rt.app.db.kysely;
    await db.updateTable('contacts').set({ deleted_at: '2026-02-01T00:00:00.000Z' }).where('id', '=', ids.ouyang).execute();
    await refreshCustomerIndex(db, 'contact', [ids.ouyang]);
    expect(await names('欧阳')).toEqual([]);
    expect(await names('13900001111')).toEqual([]);
    await db.updateTable('contacts').set({ deleted_at: null }).where('id', '=', ids.ouyang).execute();
    await refreshCustomerIndex(db, 'contact', [ids.ouyang]);
    expect(await names('欧阳')).toEqual(['欧阳娜娜']);
  });

  it("follows a company's new name in its contacts' index", async () => {
    const db = rt.app.db.kysely;
    await db.updateTable('companies').set({ name: '深圳市赛格科技有限公司' }).where('id', '=', ids.acme).execute();
    await refreshCustomerIndex(db, 'company', [ids.acme]);
    expect(await names('赛格')).toEqual(['张伟', '深圳市赛格科技有限公司']);
    expect(await names('华强')).toEqual([]);
    await db.updateTable('companies').set({ name: '深圳市华强电子有限公司' }).where('id', '=', ids.acme).execute();
    await refreshCustomerIndex(db, 'company', [ids.acme]);
  });

  it('returns nothing for an empty or blank query', async () => {
    expect(await search('')).toEqual([]);
    expect(await search('   ')).toEqual([]);
  });

  it('survives hostile queries', async () => {
    const hostile = ['"', '""', "'", '*', 'zhang*', '(', ')', 'NEAR', 'NEAR(张 伟)', 'a OR b', 'NOT 张', '张 AND', '^zw',
      'name:张伟', '{name}: x', "'; DROP TABLE contacts; --", '%', '_', '\\', '😀😀', '张"伟', '-', '+138', 'x'.repeat(100)];
    for (const q of hostile) {
      await expect(search(q), q).resolves.toBeInstanceOf(Array);
    }
    expect(await names('张"伟')).toContain('张伟');
  });
});
