// Rows carrying our export's record id (记录ID) in files edited by hand: copied rows, rows from
// another database, mixed with rows typed in, imported by someone who sees only some records.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Contact } from '../../../shared/contacts';
import { addUser } from '../../test/users';
import type { TempRuntime } from '../../test/temp-runtime';
import { csv, download, importFile, runtime, upload } from './test-import';

const contacts = async (rt: TempRuntime): Promise<Contact[]> =>
  ((await rt.call('contacts.list', { cursor: null, limit: 500, sort: 'name', dir: 'asc', filter: {} })) as { items: Contact[] }).items;
const file = (rows: string[]) => csv(`姓名,职位,公司,手机,记录ID\r\n${rows.join('\r\n')}\r\n`);

describe('record ids in edited files', () => {
  it('a row copied with its id (a template for a new person) is refused with its reason, and its original is not overwritten', async () => {
    const rt = await runtime();
    const a = await rt.call('contacts.create', { name: '张伟', mobiles: ['13800000001'], allowDuplicate: true });
    const rows = [`张伟,,,13800000001,${a.id}`, `李娜,,,13900000002,${a.id}`];
    const uploadId = await upload(rt, 'x.csv', file(rows));
    const { preview } = await rt.call('io.inspect', { uploadId, entity: 'contact' });
    expect(preview[1]!.errors).toEqual([{ field: 'recordId', message: 'validation.record_repeated' }]);
    const { result } = await importFile(rt, 'x.csv', file(rows), { onDuplicate: 'overwrite' });
    expect(result).toMatchObject({ created: 0, rejected: 1 });
    expect(await download(rt, result.rejectedFile!)).toContain('李娜');
    expect((await contacts(rt)).map((c) => [c.name, c.mobiles])).toEqual([['张伟', ['13800000001']]]);
  });

  it('rows with different ids from another database go to different records: one matches the 张伟 here, the other is created', async () => {
    const rt = await runtime();
    const c = await rt.call('companies.create', { name: '鑫达贸易', allowDuplicate: true });
    await rt.call('contacts.create', { name: '张伟', companyId: c.id, allowDuplicate: true });
    const { result } = await importFile(rt, 'x.csv', file([`张伟,销售,鑫达贸易,,${uuidv7()}`, `张伟,仓库,鑫达贸易,,${uuidv7()}`]), { onDuplicate: 'overwrite' });
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect((await contacts(rt)).map((x) => x.title).sort()).toEqual(['仓库', '销售']);
  });

  it('a row typed in and a row with an id, the same mobile: one record, whichever comes first', async () => {
    for (const order of [0, 1]) {
      const rt = await runtime();
      const rows = [`甲,,,13800000001,${uuidv7()}`, `乙,,,13800000001,`];
      const { result } = await importFile(rt, 'x.csv', file(order ? rows.reverse() : rows));
      expect(result).toMatchObject({ created: 1, skipped: 1 });
    }
  });

  it('the same rows match the same records whether they are near or 1,000 rows apart (across a chunk)', async () => {
    const outcome = async (filler: number) => {
      const rt = await runtime();
      const e = await rt.call('contacts.create', { name: '甲', mobiles: ['13800000001'], allowDuplicate: true });
      const rows = [`甲,,,13900000002,${e.id}`, ...Array.from({ length: filler }, (_, i) => `填${i},,,,${uuidv7()}`), `乙,,,13900000002,${uuidv7()}`];
      const { result } = await importFile(rt, 'x.csv', file(rows), { onDuplicate: 'overwrite' });
      const names = rt.app.db.sqlite.prepare(`SELECT name FROM contacts WHERE name NOT LIKE '填%' ORDER BY name`).pluck().all();
      return { created: result.created - filler, updated: result.updated, names };
    };
    expect(await outcome(1100)).toEqual(await outcome(0));
  });

  it('an unchanged export written back with overwrite keeps each contact at its company, also when two companies share a name', async () => {
    const rt = await runtime();
    await rt.call('companies.create', { name: '鑫达贸易', allowDuplicate: true });
    const second = await rt.call('companies.create', { name: '鑫达贸易', allowDuplicate: true });
    const p = await rt.call('contacts.create', { name: '王芳', companyId: second.id, allowDuplicate: true });
    const { result } = await importFile(rt, 'x.csv', file([`王芳,,鑫达贸易,,${p.id}`]), { onDuplicate: 'overwrite' });
    expect(result).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect((await rt.call('contacts.get', { id: p.id })).companyId).toBe(second.id);
  });

  it("an id naming a record the importer may not see is refused (no copy of a colleague's customer under their name)", async () => {
    const rt = await runtime();
    const sales = await addUser(rt, 'lead1', 'manager');
    const e = await rt.call('contacts.create', { name: '甲', mobiles: ['13800000001'], allowDuplicate: true });
    const { result } = await importFile(rt, 'x.csv', file([`甲,,,13800000009,${e.id}`]), { onDuplicate: 'overwrite', session: sales });
    expect(result).toMatchObject({ created: 0, updated: 0, rejected: 1 });
    expect(await download(rt, result.rejectedFile!)).toContain('不在你的可见范围内');
    expect(await contacts(rt)).toHaveLength(1);
  });
});

describe("another program's 记录ID column", () => {
  it('is not mapped when its cells are not our ids, so its rows import and are checked for duplicates as usual; mapped by hand, such a cell is refused', async () => {
    const rt = await runtime();
    const text = file(['甲,,,13800000001,CRM.0001', '乙,,,13800000001,1002']);
    const uploadId = await upload(rt, 'other.csv', text);
    const { mapping } = await rt.call('io.inspect', { uploadId, entity: 'contact' });
    expect(mapping['4']).toBe('ignore');
    expect((await importFile(rt, 'other.csv', text)).result).toMatchObject({ created: 1, skipped: 1, rejected: 0 });
    const { preview } = await rt.call('io.inspect', { uploadId, entity: 'contact', mapping: { ...mapping, 4: 'recordId' } });
    expect(preview.map((r) => r.errors)).toEqual([[{ field: 'recordId', message: 'validation.record_id' }], [{ field: 'recordId', message: 'validation.record_id' }]]);
  });
});
