// Merged cells in an Excel list, imported end to end: a company merged down a block of people is each
// person's, in the preview and in the database; a header merged across two columns maps both.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFile, runtime, upload } from './test-import';

type Rt = Awaited<ReturnType<typeof runtime>>;

const contacts = (rt: Rt) =>
  rt.app.db.sqlite.prepare(`SELECT c.name, c.mobiles, co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id ORDER BY c.rid`).all() as Record<string, string | null>[];

/** A workbook of one sheet, 客户, with `ranges` merged. */
async function workbook(rows: unknown[][], ranges: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  rows.forEach((r) => ws.addRow(r));
  ranges.forEach((r) => ws.mergeCells(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx merged cells', () => {
  const people = [
    ['姓名', '手机', '公司'],
    ['张伟', '13800138000', '华为'],
    ['李娜', '13900139000', null],
    ['王芳', '13700137000', null],
  ];

  it('公司 merged over three people (C2:C4): the preview shows 华为 on each row, and all three are at 华为', async () => {
    const rt = await runtime();
    const bytes = await workbook(people, ['C2:C4']);
    const uploadId = await upload(rt, 'merged.xlsx', bytes);
    const inspected = await rt.call('io.inspect', { uploadId, entity: 'contact' });
    expect(inspected.preview.map((r) => [r.values.name, r.values.company])).toEqual([
      ['张伟', '华为'],
      ['李娜', '华为'],
      ['王芳', '华为'],
    ]);
    const { result } = await importFile(rt, 'merged.xlsx', bytes);
    expect(result).toMatchObject({ rows: 3, created: 3, rejected: 0, companiesCreated: 1 });
    expect(contacts(rt).map((c) => [c.name, c.company])).toEqual([
      ['张伟', '华为'],
      ['李娜', '华为'],
      ['王芳', '华为'],
    ]);
  });

  it('手机 merged across two header cells: the columns are 手机 and 手机(2), both mapped to mobiles', async () => {
    const rt = await runtime();
    const rows = [['姓名', '手机', null, '公司'], ['张伟', '13800138000', '13900139000', '华为']];
    const bytes = await workbook(rows, ['B1:C1']);
    const inspected = await rt.call('io.inspect', { uploadId: await upload(rt, 'phones.xlsx', bytes), entity: 'contact' });
    expect(inspected.info.headers).toEqual(['姓名', '手机', '手机(2)', '公司']);
    expect(inspected.mapping).toMatchObject({ 1: 'mobiles', 2: 'mobiles' });
    await importFile(rt, 'phones.xlsx', bytes);
    expect(contacts(rt)).toMatchObject([{ name: '张伟', company: '华为' }]);
    expect(JSON.parse(contacts(rt)[0]!.mobiles!)).toEqual(['13800138000', '13900139000']);
  });
});
