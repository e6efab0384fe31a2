// A row that duplicates an earlier row which itself matched a record (skipped or updated): the
// preview says "duplicate of line N", and the import must do with it what it did with line N,
// wherever the rows fall in the import's 1,000-row chunks.
import { describe, expect, it } from 'vitest';
import type { OnDuplicate } from '../../../shared/io';
import { count, csv, importFile, runtime, upload } from './test-import';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `填${i},,,`);
const file = (rows: string[]) => csv(`姓名,手机,邮箱,公司\n${rows.join('\n')}\n`);

describe('a row duplicating an earlier row that matched a record', () => {
  // 张三 is here already (13800000001, at 乙公司). Line 1 is 张三 by that mobile, with a new email and
  // another company; line 2 shares only that email (skip) or only name and company (fill-empty, which
  // keeps 张三 at 乙公司): neither key is stored by the time line 2 comes.
  const cases: [OnDuplicate, string][] = [
    ['skip', '李四,,new@example.com,'],
    ['update_empty', '张三,,,甲公司'],
  ];

  it.each(cases)('%s: the preview calls line 2 a duplicate of line 1, and the import creates no record for it, near or 1,100 rows apart', async (onDuplicate, second) => {
    const outcome = async (apart: number) => {
      const rt = await runtime();
      await rt.call('contacts.create', { name: '张三', mobiles: ['13800000001'], companyId: (await rt.call('companies.create', { name: '乙公司' })).id });
      const rows = ['张三,13800000001,new@example.com,甲公司', ...filler(apart), second];
      if (apart === 0) {
        const uploadId = await upload(rt, 'p.csv', file(rows));
        const { preview } = await rt.call('io.inspect', { uploadId, entity: 'contact' });
        expect(preview[1]!.duplicate).toMatchObject({ source: 'file', line: 1 });
      }
      const { result } = await importFile(rt, 'x.csv', file(rows), { onDuplicate });
      return { created: result.created - apart, people: count(rt, `SELECT count(*) FROM contacts WHERE name NOT LIKE '填%'`) };
    };
    const near = await outcome(0);
    expect(near).toEqual({ created: 0, people: 1 });
    expect(await outcome(1100)).toEqual(near);
  });
});

describe('the preview predicts what the import does with a row whose earlier twin matched a record', () => {
  it('two people sharing a mobile, exported with their ids, one of them in the Trash since: the preview calls the other new, and it is created', async () => {
    const rt = await runtime();
    const front = await rt.call('contacts.create', { name: '前台', mobiles: ['13800138000'] });
    const zhang = await rt.call('contacts.create', { name: '张伟', mobiles: ['13800138000'], allowDuplicate: true });
    await rt.call('contacts.delete', { ids: [zhang.id] });
    const bytes = csv(`姓名,手机,记录ID\n前台,13800138000,${front.id}\n张伟,13800138000,${zhang.id}\n`);
    const { preview } = await rt.call('io.inspect', { uploadId: await upload(rt, 'p.csv', bytes), entity: 'contact' });
    expect(preview.map((r) => r.duplicate?.source ?? null)).toEqual(['existing', null]);
    const { result } = await importFile(rt, 'p.csv', bytes);
    expect(result).toMatchObject({ skipped: 1, created: 1 });
  });
});
