import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { KehuError } from '../../../shared/errors';
import { inspectFile, readRows } from './index';
import { formatNumber, keepLastEntries, MergedCells, parseRange, unescapeOoxml, withoutPhonetic, xmlText } from './xlsx';

const FX = '../shared/fixtures/xlsx/';
const tmp = mkdtempSync(join(tmpdir(), 'kehu-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function all(path: string, opts = {}): Promise<{ line: number; values: string[] }[]> {
  const rows: { line: number; values: string[] }[] = [];
  for await (const r of readRows(path, opts)) rows.push(r);
  return rows;
}

/** The KehuError a read fails with, as the renderer receives it (code, i18n key, params). */
async function failure(read: Promise<unknown>): Promise<{ code: string; message: string; params?: unknown }> {
  try {
    await read;
  } catch (e) {
    expect(e).toBeInstanceOf(KehuError);
    const { code, message, params } = e as KehuError;
    return { code, message, ...(params ? { params } : {}) };
  }
  throw new Error('the read did not fail');
}

/** Rewrites one XML part of a workbook in place (for what exceljs does not write: date1904="true", rPh, built-in format ids). */
async function patchZip(path: string, part: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) throw new Error(`${part} missing`);
  const out = edit(xml);
  if (out === xml) throw new Error(`${part}: the edit changed nothing`);
  zip.file(part, out);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('xlsx fixtures', () => {
  it('excelize Book1: two sheets, formula result, rich-text runs joined', async () => {
    const a = await inspectFile(FX + 'excelize/Book1.xlsx');
    expect(a.info).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sheets: ['Sheet1', 'Sheet2'], sheet: 'Sheet1' });
    expect(a.info.headers).toEqual(['Total:', '237']);
    expect(a.sample).toEqual([['', '', 'Column1', 'Column2'], ['GitHub', '']]);
    const b = await inspectFile(FX + 'excelize/Book1.xlsx', { sheet: 'Sheet2', sampleRows: 100 });
    expect(b.info.sheet).toBe('Sheet2');
    expect(b.info.headers.slice(0, 3)).toEqual(['Monitor', '', 'Brand']);
    expect(b.sample[0].slice(0, 4)).toEqual(['> 23 Inch', '19', 'HP', '200']);
    expect(b.sample.map((r) => r[2])).toContain('IBM'); // three rich-text runs
    expect(b.sample.find((r) => r[2] === 'IBM')?.[3]).toBe('127');
  });
  it('unknown sheet name is an invalid-input error naming the sheets', async () => {
    expect(await failure(inspectFile(FX + 'excelize/Book1.xlsx', { sheet: 'Nope' }))).toEqual({
      code: 'invalid_input',
      message: 'io.sheet_missing',
      params: { sheet: 'Nope', sheets: 'Sheet1, Sheet2' },
    });
  });
  it('calamine has_x000D_: _x000D_ becomes CR', async () => {
    const { info } = await inspectFile(FX + 'calamine/has_x000D_.xlsx');
    expect(info.headers).toEqual(['ABC\r\nDEF']);
  });
  it('calamine date_1904: dates honour the 1904 flag', async () => {
    const { info, sample } = await inspectFile(FX + 'calamine/date_1904.xlsx');
    expect(info.headers).toEqual(['2021-01-01', '15']);
    expect(sample).toEqual([['2021-01-02', '16'], ['15:10:10', '17']]);
  });
  it('calamine inlineStr_cdata: inline strings and CDATA', async () => {
    const { info, sample } = await inspectFile(FX + 'calamine/inlineStr_cdata.xlsx');
    expect(info.headers).toEqual(['Hello CDATA', 'World']);
    expect(sample).toEqual([['12345', 'NormalText']]);
  });
  it('calamine whitespace_trim: data keeps its spaces, headers are trimmed', async () => {
    const { info, sample } = await inspectFile(FX + 'calamine/whitespace_trim.xlsx');
    expect(info.sheets).toEqual(['inlineStr', 'SharedStrings']);
    expect(info.headers[0]).toBe('trimmed value');
    expect(sample[0][0]).toBe('  line1\nline2  ');
    expect(sample[1][0]).toBe('日期 时间');
  });
});

describe('generated workbook', () => {
  it('numbers, phones, dates, rich text, formulas, first non-empty sheet', async () => {
    const p = join(tmp, 'contacts.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空表');
    const ws = wb.addWorksheet('客户');
    ws.addRow(['  姓名 ', '手机', '生日', '金额', '邮编', '备注', '合计', '比例']);
    const r = ws.addRow(['张三', 13800138000, new Date(Date.UTC(1990, 4, 17)), 0.1 + 0.2, 100080, { richText: [{ text: '重要' }, { text: '客户', font: { bold: true } }] }, { formula: 'D2*2', result: 0.6000000000000001 }, 0.125]);
    r.getCell(3).numFmt = 'yyyy-mm-dd';
    r.getCell(5).numFmt = '000000';
    r.getCell(8).numFmt = '0.0%';
    ws.addRow([]);
    ws.addRow(['李四', 8613912345678, null, 1234567.5, '010', 'x']);
    ws.addRow(['王五', 1e-7, null, -3, 12]);
    await wb.xlsx.writeFile(p);

    const { info, sample } = await inspectFile(p);
    expect(info.sheets).toEqual(['空表', '客户']);
    expect(info.sheet).toBe('客户');
    expect(info.headers).toEqual(['姓名', '手机', '生日', '金额', '邮编', '备注', '合计', '比例']);
    expect(sample[0]).toEqual(['张三', '13800138000', '1990-05-17', '0.3', '100080', '重要客户', '0.6', '12.5%']);
    const rows = await all(p);
    expect(rows.map((x) => x.line)).toEqual([1, 3, 4]);
    expect(rows[1].values).toEqual(['李四', '8613912345678', '', '1234567.5', '010', 'x', '', '']);
    expect(rows[2].values).toEqual(['王五', '0.0000001', '', '-3', '12', '', '', '']);
  });
  it('20k rows with CJK text stream through (chunk-split UTF-8 intact)', async () => {
    const p = join(tmp, 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p, useSharedStrings: false });
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['姓名', '手机']).commit();
    for (let i = 0; i < 20000; i++) ws.addRow([`客户名称很长的名字${i}`, 13800000000 + i]).commit();
    ws.commit();
    await wb.commit();
    let n = 0;
    let bad = 0;
    let last: string[] = [];
    for await (const r of readRows(p)) {
      n++;
      if (r.values[0].includes('\uFFFD')) bad++;
      last = r.values;
    }
    expect(n).toBe(20000);
    expect(bad).toBe(0);
    expect(last).toEqual(['客户名称很长的名字19999', '13800019999']);
  });
});

describe('sheet choice', () => {
  it('the default is the first visible non-empty sheet; a hidden one only by name', async () => {
    const p = join(tmp, 'hidden.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明');
    const h = wb.addWorksheet('隐藏', { state: 'hidden' });
    h.addRow(['选项']);
    h.addRow(['A']);
    const ws = wb.addWorksheet('联系人');
    ws.addRow(['姓名', '手机']);
    ws.addRow(['张三', '13800138000']);
    await wb.xlsx.writeFile(p);
    const a = await inspectFile(p);
    expect(a.info).toMatchObject({ sheets: ['说明', '隐藏', '联系人'], sheet: '联系人', headers: ['姓名', '手机'] });
    expect(a.sample).toEqual([['张三', '13800138000']]);
    const b = await inspectFile(p, { sheet: '隐藏' });
    expect(b.info).toMatchObject({ sheet: '隐藏', headers: ['选项'] });
    expect(b.sample).toEqual([['A']]);
  });
  it('only a hidden sheet has data: the first visible sheet is announced, with no headers', async () => {
    const p = join(tmp, 'hidden-only.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('隐藏', { state: 'veryHidden' }).addRow(['选项']);
    wb.addWorksheet('空表');
    await wb.xlsx.writeFile(p);
    const a = await inspectFile(p);
    expect(a.info).toMatchObject({ sheet: '空表', headers: [] });
    expect(a.sample).toEqual([]);
  });
});

describe('header row', () => {
  async function book(name: string, rows: unknown[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
    const p = join(tmp, name);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const r of rows) ws.addRow(r);
    build?.(ws);
    await wb.xlsx.writeFile(p);
    return p;
  }
  it('title rows (one filled cell, merged across) above the header are skipped', async () => {
    const p = await book('title.xlsx', [['2024年客户通讯录'], [], [null, null, '单位：个'], ['姓名', '手机', '公司'], ['张三', '13800138000', '甲公司'], [], ['李四']], (ws) =>
      ws.mergeCells('A1:C1'),
    );
    const { info, sample } = await inspectFile(p);
    expect(info.headers).toEqual(['姓名', '手机', '公司']);
    expect(sample).toEqual([['张三', '13800138000', '甲公司'], ['李四', '', '']]);
    expect((await all(p)).map((r) => r.line)).toEqual([1, 3]);
  });
  it('a one-column table keeps its first row as the header, however short or long', async () => {
    const short = await book('one-col-short.xlsx', [['姓名'], ['张三']]);
    expect(await inspectFile(short)).toEqual({ info: expect.objectContaining({ headers: ['姓名'] }), sample: [['张三']] });
    const long = await book('one-col-long.xlsx', [['姓名'], ['张三'], ['李四'], ['王五'], ['赵六'], ['钱七']]);
    expect((await inspectFile(long)).info.headers).toEqual(['姓名']);
    expect((await all(long)).map((r) => [r.line, r.values[0]])).toEqual([[1, '张三'], [2, '李四'], [3, '王五'], [4, '赵六'], [5, '钱七']]);
  });
  it('rows held back while the header is looked for keep their lines, empty rows between them counted', async () => {
    const p = await book('one-col-gaps.xlsx', [[], ['姓名'], ['张三'], [], ['李四'], ['王五'], [], ['赵六']]);
    expect((await all(p)).map((r) => [r.line, r.values[0]])).toEqual([[1, '张三'], [3, '李四'], [4, '王五'], [6, '赵六']]);
    const titled = await book('title-gaps.xlsx', [['客户通讯录'], [], ['姓名', '手机'], [], ['张三']]);
    expect(await all(titled)).toEqual([{ line: 2, values: ['张三', ''] }]);
  });
  it('a wider row after more than three one-cell rows is data, not the header', async () => {
    const p = await book('late-wide.xlsx', [['姓名'], ['张三'], ['李四'], ['王五'], ['赵六', '备注']]);
    expect((await inspectFile(p)).info.headers).toEqual(['姓名']);
    expect((await all(p)).map((r) => r.values)).toEqual([['张三'], ['李四'], ['王五'], ['赵六', '备注']]);
  });
});

describe('merged cells', () => {
  /** A workbook of one sheet per entry (rows, then merged ranges), written by exceljs. */
  async function merged(name: string, sheets: Record<string, [unknown[][], string[]]>): Promise<string> {
    const p = join(tmp, name);
    const wb = new ExcelJS.Workbook();
    for (const [sheet, [rows, ranges]] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(sheet);
      rows.forEach((r) => ws.addRow(r));
      ranges.forEach((r) => ws.mergeCells(r));
    }
    await wb.xlsx.writeFile(p);
    return p;
  }
  const people = [
    ['姓名', '手机', '公司', '备注'],
    ['张伟', '13800138000', '华为', 'a'],
    ['李娜', '13900139000', null, 'b'],
    ['王芳', '13700137000', null, 'c'],
  ];

  it('a company merged down a block (C2:C4) is every row’s, in the preview and the rows', async () => {
    const p = await merged('vertical.xlsx', { 客户: [people, ['C2:C4']] });
    const { info, sample } = await inspectFile(p);
    expect(info.headers).toEqual(['姓名', '手机', '公司', '备注']);
    expect(sample.map((r) => r[2])).toEqual(['华为', '华为', '华为']);
    expect(await all(p)).toEqual([
      { line: 1, values: ['张伟', '13800138000', '华为', 'a'] },
      { line: 2, values: ['李娜', '13900139000', '华为', 'b'] },
      { line: 3, values: ['王芳', '13700137000', '华为', 'c'] },
    ]);
  });

  it('the sheet asked for gets its own merges, not the first sheet’s', async () => {
    const p = await merged('two-sheets.xlsx', { 说明: [people, ['A2:A4']], 客户: [people, ['C2:C4']] });
    expect((await all(p, { sheet: '客户' })).map((r) => r.values.slice(0, 3))).toEqual([
      ['张伟', '13800138000', '华为'],
      ['李娜', '13900139000', '华为'],
      ['王芳', '13700137000', '华为'],
    ]);
  });

  it('across columns in a data row, and a block merged both ways', async () => {
    const rows = [['姓名', '手机', '座机', '公司', '备注'], ['张伟', '无', null, '华为', 'x'], ['李娜', '1390013900', '010-1', null, null], ['王芳', '137', '021-2', null, null]];
    const p = await merged('both-ways.xlsx', { S: [rows, ['B2:C2', 'D3:E4']] });
    expect((await all(p)).map((r) => r.values)).toEqual([
      ['张伟', '无', '无', '华为', 'x'],
      ['李娜', '1390013900', '010-1', '', ''],
      ['王芳', '137', '021-2', '', ''],
    ]);
    const block = await merged('block.xlsx', { S: [rows.slice(0, 2).concat([['李娜']]), ['D2:E3']] });
    expect((await all(block)).map((r) => r.values)).toEqual([
      ['张伟', '无', '', '华为', '华为'],
      ['李娜', '', '', '华为', '华为'],
    ]);
  });

  it('a header cell merged across two columns names both, the second as 电话(2); the title above stays a title', async () => {
    const rows = [['2024年客户通讯录'], ['姓名', '电话', null, '公司'], ['张伟', '13800138000', '010-12345678', '华为']];
    const p = await merged('header-across.xlsx', { S: [rows, ['A1:D1', 'B2:C2']] });
    const { info, sample } = await inspectFile(p);
    expect(info.headers).toEqual(['姓名', '电话', '电话(2)', '公司']);
    expect(sample).toEqual([['张伟', '13800138000', '010-12345678', '华为']]);
  });

  it('a range over the title, the header and data fills no data row with header text, and a range past the header gives no extra cells', async () => {
    const rows = [['客户表'], ['序号', '姓名', '公司'], ['1', '张伟', '华为'], ['2', '李娜'], ['3', '王芳', '深圳公司']];
    const p = await merged('over-header.xlsx', { S: [rows, ['A1:A4', 'B2:B3', 'C3:C4', 'C5:E5']] });
    const { info } = await inspectFile(p);
    expect(info.headers).toEqual(['', '姓名', '公司']); // A2 is under the title's range: no header of its own
    expect((await all(p)).map((r) => r.values)).toEqual([
      ['', '', '华为'],
      ['', '李娜', '华为'],
      ['3', '王芳', '深圳公司'],
    ]);
  });

  it('an empty row inside a merged block stays skipped: a merge makes no row', async () => {
    const p = await merged('gap.xlsx', { S: [[...people, [], ['赵六', '136', null, 'd']], ['C2:C6']] });
    expect((await all(p)).map((r) => [r.line, r.values[0], r.values[2]])).toEqual([
      [1, '张伟', '华为'],
      [2, '李娜', '华为'],
      [3, '王芳', '华为'],
      [5, '赵六', '华为'],
    ]);
  });

  it('parseRange and MergedCells: refs in any corner order, one-cell refs ignored, values taken at the top row', () => {
    expect(parseRange('C2:C4')).toEqual({ top: 2, left: 3, bottom: 4, right: 3 });
    expect(parseRange('AB10:Z3')).toEqual({ top: 3, left: 26, bottom: 10, right: 28 });
    expect(parseRange('A6')).toEqual({ top: 6, left: 1, bottom: 6, right: 1 });
    expect(parseRange('nonsense')).toBeNull();
    const m = new MergedCells(['A6', 'B3:C3', 'A1:A2', 'x']);
    const rows: [number, string[]][] = [[1, ['甲']], [2, ['旧', 'b']], [3, ['', '乙', '旧']], [6, ['丙']]];
    const out = rows.map(([n, v]) => (m.see(n, v), m.fill([...v], 1, 9)));
    expect(out).toEqual([['甲'], ['甲', 'b'], ['', '乙', '乙'], ['丙']]);
  });
});

describe('files that are not a readable workbook', () => {
  const corrupt = { code: 'invalid_input', message: 'io.xlsx_corrupt' };
  it('a truncated .xlsx, a text file named .xlsx and a zip with no workbook are "damaged", not internal errors', async () => {
    const whole = readFileSync(FX + 'excelize/Book1.xlsx');
    const cut = join(tmp, 'truncated.xlsx');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await failure(inspectFile(cut))).toEqual(corrupt);
    const text = join(tmp, 'csv-as.xlsx');
    writeFileSync(text, '姓名,手机\n张三,13800138000\n');
    expect(await failure(inspectFile(text))).toEqual(corrupt);
    const zip = new JSZip();
    zip.file('hi.txt', 'hi');
    const notBook = join(tmp, 'notbook'); // zip signature, no extension: read as xlsx
    writeFileSync(notBook, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await failure(inspectFile(notBook))).toEqual(corrupt);
  });
  it('an OLE2 compound file (old .xls, password-protected .xlsx) says to save it as .xlsx, with or without an extension', async () => {
    const ole2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4088, 0xff)]);
    for (const name of ['upload', 'old.xls', 'locked.xlsx']) {
      const p = join(tmp, name);
      writeFileSync(p, ole2);
      expect(await failure(inspectFile(p))).toEqual({ code: 'invalid_input', message: 'io.xls_or_encrypted' });
      expect(await failure(all(p))).toEqual({ code: 'invalid_input', message: 'io.xls_or_encrypted' });
    }
  });
  it('a web page or an Excel 2003 XML workbook saved as .xls says to save it as .xlsx; a CSV starting with "<" is still a CSV', async () => {
    const pages = {
      'export.xls': '\uFEFF<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>姓名</td></tr></table></body></html>',
      'report.xls': '  <table border=1><tr><th>姓名</th><th>手机</th></tr></table>',
      'book.xml': '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="客户"/></Workbook>',
    };
    for (const [name, text] of Object.entries(pages)) {
      const p = join(tmp, name);
      writeFileSync(p, text);
      expect(await failure(inspectFile(p))).toEqual({ code: 'invalid_input', message: 'io.markup_sheet' });
    }
    const csv = join(tmp, 'angle.csv');
    writeFileSync(csv, '<姓名>,手机\n张三,13800138000\n');
    expect((await inspectFile(csv)).info.headers).toEqual(['<姓名>', '手机']);
  });
  it('a photo, PDF or archive picked by mistake is not a table; an empty file or one of blank lines has nothing to map', async () => {
    const mistakes = { 'photo.csv': '89504e470d0a1a0a0000000d49484452', 'scan.pdf': '255044462d312e340a', 'backup.gz': '1f8b0800000000000003' };
    for (const [name, hex] of Object.entries(mistakes)) {
      const p = join(tmp, name);
      writeFileSync(p, Buffer.concat([Buffer.from(hex, 'hex'), Buffer.alloc(200, 0x41)]));
      expect(await failure(inspectFile(p))).toEqual({ code: 'invalid_input', message: 'io.not_a_table' });
    }
    for (const [name, text] of Object.entries({ 'empty.csv': '', 'blank.csv': '\r\n\r\n  \r\n', 'utf8-bom.csv': '\uFEFF' })) {
      const p = join(tmp, name);
      writeFileSync(p, text);
      expect(await failure(inspectFile(p))).toEqual({ code: 'invalid_input', message: 'io.no_content' });
    }
  });
});

describe('date1904', () => {
  // Excel writes date1904="1" (exceljs then shifts date cells itself), LibreOffice "true" (exceljs does not).
  it.each(['1', 'true'])('date1904="%s": date cells and date formula results are not shifted twice', async (spelling) => {
    const p = join(tmp, `d1904-${spelling}.xlsx`);
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.addRow(['姓名', '生日', '签约']);
    ws.addRow(['张三', new Date(Date.UTC(1990, 1, 5)), { formula: 'DATE(2021,1,2)', result: new Date(Date.UTC(2021, 0, 2)) }]);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    ws.getCell('C2').numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(p);
    if (spelling !== '1') await patchZip(p, 'xl/workbook.xml', (x) => x.replace('date1904="1"', `date1904="${spelling}"`));
    expect((await all(p))[0].values).toEqual(['张三', '1990-02-05', '2021-01-02']);
  });
});

describe('built-in East-Asian number formats', () => {
  it('cells styled with numFmtId 31, 57, 58 are dates and 33 a time (zh-CN meanings)', async () => {
    const p = join(tmp, 'builtin.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['姓名', '生日', '入职', '续约', '来电', '金额']);
    const r = ws.addRow(['张三', new Date(Date.UTC(1990, 1, 5)), new Date(Date.UTC(2020, 6, 1)), new Date(Date.UTC(2024, 11, 31)), new Date(Date.UTC(2024, 0, 2, 13, 30, 15)), 32909]);
    // exceljs gives these custom ids 164–167 in this order; the patch turns them into built-in ids.
    ['yyyy-mm-dd', 'yyyy/m/d', 'yyyy.m.d', 'hh:mm:ss'].forEach((f, i) => (r.getCell(i + 2).numFmt = f));
    await wb.xlsx.writeFile(p);
    const ids: Record<string, string> = { 164: '31', 165: '57', 166: '58', 167: '33' };
    await patchZip(p, 'xl/styles.xml', (x) =>
      x.replace(/<numFmts[\s\S]*?<\/numFmts>/, '').replace(/(<xf [^>]*numFmtId=")(16[4-7])"/g, (_, pre: string, id: string) => `${pre}${ids[id]}"`),
    );
    expect((await all(p))[0].values).toEqual(['张三', '1990-02-05', '2020-07-01', '2024-12-31', '13:30:15', '32909']);
  });
});

describe('phonetic readings', () => {
  it('a string with <rPh> (Japanese readings) is its text, in shared and inline strings', async () => {
    const p = join(tmp, 'rph.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['姓名', '公司', '备注']);
    ws.addRow(['张三', '甲公司', '普通']);
    await wb.xlsx.writeFile(p);
    await patchZip(p, 'xl/sharedStrings.xml', (x) =>
      x.replace('<si><t>张三</t></si>', '<si><t>张三</t><rPh sb="0" eb="2"><t>ジャン サン</t></rPh><phoneticPr fontId="1"/></si>'),
    );
    await patchZip(p, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(/<c r="B2"([^>]*) t="s"><v>\d+<\/v><\/c>/, '<c r="B2"$1 t="inlineStr"><is><t>甲公司</t><rPh sb="0" eb="1"><t>コウ</t></rPh><rPh sb="1" eb="3"><t>カイシャ</t></rPh></is></c>'),
    );
    expect((await all(p))[0].values).toEqual(['张三', '甲公司', '普通']);
  });
});

describe('_xHHHH_ escapes', () => {
  it('only what Excel escapes is unescaped: literal "_x0041_" text survives, "_x005F_x0041_" is "_x0041_"', async () => {
    expect(unescapeOoxml('a_x000D_\nb_x0009_c')).toBe('a\r\nb\tc');
    expect(unescapeOoxml('_x0041_ _x4E2D_')).toBe('_x0041_ _x4E2D_');
    expect(unescapeOoxml('_x005F_x0041_ _x005F_x000D_ a_x005F_b')).toBe('_x0041_ _x000D_ a_b');
    expect(unescapeOoxml('_xD83D__xDE00_')).toBe('😀');
    const p = join(tmp, 'escapes.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['编号', '备注', '说明']);
    ws.addRow(['_x0041_', 'ESCAPED', { richText: [{ text: 'a_x00' }, { text: '0D_b' }] }]); // exceljs writes "_x" as is
    await wb.xlsx.writeFile(p);
    await patchZip(p, 'xl/sharedStrings.xml', (x) => x.replace('ESCAPED', '_x005F_x0041__x000D_'));
    expect((await all(p))[0].values).toEqual(['_x0041_', '_x0041_\r', 'a_x000D_b']);
  });
});

describe('temp files and open descriptors', () => {
  // exceljs copied a worksheet met before the shared strings and the workbook's rels to a temp file of
  // the `tmp` package (tmp-<pid>-<random>), left its descriptor open, and deleted it only when asked for
  // the next worksheet: never after a read that stopped early or failed.
  const tmpFiles = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith(`tmp-${process.pid}-`));
  const FDS = '/proc/self/fd';
  const fdCount = (): number => (existsSync(FDS) ? readdirSync(FDS).length : 0);

  /** The descriptor count once streams closing (asynchronously) have closed: it stops falling within 2 s. */
  async function settledFdCount(): Promise<number> {
    let count = fdCount();
    for (let waited = 0; waited < 2000; waited += 50) {
      await sleep(50);
      if (fdCount() >= count) break;
      count = fdCount();
    }
    return count;
  }

  /** Runs `read`, then checks it left no temp file and (on Linux) no descriptor open. */
  async function leavesNothing(read: () => Promise<unknown>): Promise<void> {
    const [files, fds] = [tmpFiles(), await settledFdCount()];
    await read();
    expect(tmpFiles()).toEqual(files);
    expect(await settledFdCount()).toBe(fds);
  }

  /** A workbook as exceljs writes it: its worksheets before sharedStrings.xml and workbook.xml. */
  async function worksheetsFirst(name: string, rows = 200): Promise<string> {
    const p = join(tmp, name);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Intro').addRow(['欢迎', '说明']);
    const contacts = wb.addWorksheet('Contacts');
    contacts.addRow(['姓名', '手机']);
    for (let i = 1; i <= rows; i++) contacts.addRow([`客户${i}`, `138${String(i).padStart(8, '0')}`]);
    await wb.xlsx.writeFile(p);
    const bytes = readFileSync(p);
    const at = (part: string): number => bytes.indexOf(part); // the first mention is the local header's
    expect(at('xl/worksheets/sheet2.xml')).toBeLessThan(at('xl/sharedStrings.xml'));
    expect(at('xl/worksheets/sheet2.xml')).toBeLessThan(at('xl/workbook.xml'));
    return p;
  }

  it('reading a workbook whole, two at once, and a preview stopped after 20 rows', async () => {
    const p = await worksheetsFirst('sheets-first.xlsx');
    await all(p); // the first read loads the modules
    await leavesNothing(async () => {
      const [a, b] = await Promise.all([all(p, { sheet: 'Contacts' }), all(p)]);
      expect(a).toHaveLength(200);
      expect(a[199]).toEqual({ line: 200, values: ['客户200', '13800000200'] });
      expect(b).toEqual([]); // Intro: a header only
    });
    await leavesNothing(async () => {
      const { info, sample } = await inspectFile(p, { sheet: 'Contacts', sampleRows: 20 });
      expect(info).toMatchObject({ sheets: ['Intro', 'Contacts'], sheet: 'Contacts', headers: ['姓名', '手机'] });
      expect(sample).toHaveLength(20);
    });
    await leavesNothing(async () => {
      for await (const row of readRows(p, { sheet: 'Contacts' })) if (row.line === 3) break;
    });
  });

  it('a workbook with no shared strings, and one with worksheets before the shared strings (calamine)', async () => {
    const p = join(tmp, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p, useSharedStrings: false });
    const sheet = writer.addWorksheet('Inline');
    sheet.addRow(['姓名', '手机']).commit();
    sheet.addRow(['张三', '13800138000']).commit();
    await writer.commit();
    expect(readFileSync(p).includes('xl/sharedStrings.xml')).toBe(false);
    await all(p);
    await leavesNothing(async () => expect(await all(p)).toEqual([{ line: 1, values: ['张三', '13800138000'] }]));
    await leavesNothing(async () => expect((await inspectFile(FX + 'calamine/whitespace_trim.xlsx')).sample.length).toBeGreaterThan(0));
  });

  it('a worksheet whose XML breaks after 2,500 rows, and a truncated file, fail as damaged and leave nothing', async () => {
    const p = await worksheetsFirst('broken-sheet.xlsx', 3000);
    await patchZip(p, 'xl/worksheets/sheet2.xml', (xml) => xml.replace('<row r="2502"', '<row <<'));
    const corrupt = { code: 'invalid_input', message: 'io.xlsx_corrupt' };
    await leavesNothing(async () => {
      const rows: unknown[] = [];
      const read = (async () => {
        for await (const row of readRows(p, { sheet: 'Contacts' })) rows.push(row);
      })();
      expect(await failure(read)).toEqual(corrupt);
      expect(rows.length).toBeGreaterThan(0); // it failed mid-way
    });
    writeFileSync(p, readFileSync(p).subarray(0, -100));
    await leavesNothing(async () => expect(await failure(all(p, { sheet: 'Contacts' }))).toEqual(corrupt));
  });
});

describe('zip parts read after a slow one', () => {
  // exceljs pauses the unzip while it handles a part; a part taking a while (here styles, made 30 ms
  // slower) let unzipper finish and drop the parts behind it: xl/workbook.xml, last in exceljs's files.
  it.each([false, true])('keepLastEntries=%s', async (keep) => {
    const p = join(tmp, 'slow-part.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('First').addRow(['a', 'b']);
    wb.addWorksheet('Second').addRow(['c', 'd']);
    await wb.xlsx.writeFile(p);
    const file = createReadStream(p);
    if (keep) keepLastEntries(file);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { styles: 'cache' });
    const slow = reader as unknown as { _parseStyles(entry: unknown): Promise<void> };
    const parseStyles = slow._parseStyles;
    slow._parseStyles = async function (entry) {
      await parseStyles.call(this, entry);
      await sleep(30);
    };
    const read = (async () => {
      const names: (string | undefined)[] = [];
      for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<unknown> & { name?: string }>) {
        names.push(ws.name);
        for await (const row of ws) void row;
      }
      return names;
    })();
    if (keep) expect(await read).toEqual(['First', 'Second']);
    else await expect(read).rejects.toThrow(/sheets/); // what exceljs alone does: the workbook part was lost
  });
});

describe('helpers', () => {
  it('formatNumber', () => {
    expect(formatNumber(13800138000)).toBe('13800138000');
    expect(formatNumber(8.613912345678e12)).toBe('8613912345678');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e21)).toBe('1e+21');
    expect(formatNumber(123, '000000')).toBe('000123');
  });
  it('xmlText keeps CDATA split across chunks', async () => {
    async function* src() {
      yield Buffer.from('<t><![CDA');
      yield Buffer.from('TA[a<b & ');
      const zh = Buffer.from('中文]]></t>');
      yield zh.subarray(0, 1);
      yield zh.subarray(1);
    }
    let s = '';
    for await (const t of xmlText(src())) s += t;
    expect(s).toBe('<t>a&lt;b &amp; 中文</t>');
  });
  it('withoutPhonetic drops <rPh> elements, also split across chunks, and nothing else', async () => {
    const xml = '<si><t>张三</t><rPh sb="0" eb="2"><t>ジャン</t></rPh><rPh/><rPhx/><phoneticPr fontId="1"/></si><si><t>a</t></si>';
    const strip = async (chunks: string[]): Promise<string> => {
      let s = '';
      for await (const t of withoutPhonetic((async function* () { yield* chunks; })())) s += t;
      return s;
    };
    const want = '<si><t>张三</t><rPhx/><phoneticPr fontId="1"/></si><si><t>a</t></si>';
    expect(await strip([xml])).toBe(want);
    expect(await strip([...xml])).toBe(want); // one character at a time
    expect(await strip(['<t>x</t><rP', 'h>'])).toBe('<t>x</t><rPh>'); // unclosed at the end: left for the XML parser to reject
  });
});
