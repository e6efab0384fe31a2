// Export over real SQLite files, run as the `io.export` job in a worker thread: each format's
// content read back (papaparse, exceljs, vCard text), BOM, GBK, formula neutralisation, the list's
// filter and order, the audit row, cancel, and export → readers (the import's readRows) equality.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/contacts';
import type { ExportFormat, ExportResult, StartExportInput } from '../../../shared/io';
import type { JobStatus } from '../../../shared/jobs';
import { ownerSession } from '../../core/session';
import { openDatabase } from '../../db/open';
import { seedBulk } from '../../features/demo/bulk';
import { jobsOf } from '../../jobs/registry';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';
import { readRows } from '../read';
import { localDateTime, neutralise, unneutralise } from './cells';
import type { ExportColumn } from './columns';
import { downloadsDir, readDownload } from './downloads';
import { exportCustomers } from './export';
import { openWriter, XLSX_MAX_ROWS } from './writers';
import { foldLine } from './vcard';

const open: TempRuntime[] = [];
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.dispose();
});

async function runtime(): Promise<TempRuntime> {
  const rt = await tempRuntime();
  open.push(rt);
  return rt;
}

async function runExport(rt: TempRuntime, input: Partial<StartExportInput> & { format: ExportFormat }): Promise<{ result: ExportResult; bytes: Buffer; status: JobStatus }> {
  const full = { entity: 'contact', filter: {}, sort: 'updated', dir: 'desc', ...input } as StartExportInput;
  const jobs = jobsOf(rt.app);
  const id = jobs.start({ kind: 'io.export', input: full, auditInput: full, session: ownerSession });
  const status = await jobs.wait(id);
  if (status.state !== 'done') throw new Error(`export ${status.state}: ${JSON.stringify(status.error)}`);
  const result = status.result as ExportResult;
  return { result, bytes: readFileSync(join(downloadsDir(rt.dataDir), result.downloadId)), status };
}

const csvRows = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

async function sample(rt: TempRuntime): Promise<Contact[]> {
  const company = await rt.call('companies.create', { name: '华盛科技, "北京"有限公司', allowDuplicate: true });
  const tag = await rt.call('tags.save', { name: '重点,客户', color: '#ff0000' });
  const field = await rt.call('customFields.save', { entity: 'contact', label: '预算', type: 'number' });
  const a = await rt.call('contacts.create', {
    name: '张伟',
    gender: 'male',
    title: '销售总监',
    mobiles: ['13812345678', '+447911123456'],
    landline: '010-62345678',
    emails: ['zhang.wei@example.com'],
    wechat: 'zw_wechat',
    qq: '123456789',
    province: '北京',
    city: '北京',
    district: '海淀区',
    address: '中关村大街1号, 3层',
    birthday: '1985-06-01',
    companyId: company.id,
    notes: '第一行\n第二行; 含逗号, 和"引号"',
    tagIds: [tag.id],
    custom: { [field.id]: -12.5 },
    allowDuplicate: true,
  });
  const b = await rt.call('contacts.create', {
    name: '=SUM(1)',
    title: '+1',
    notes: '-1',
    wechat: '@x',
    address: '=HYPERLINK("http://evil")',
    allowDuplicate: true,
  });
  return [a, b];
}

describe('export cells', () => {
  it('neutralises text a spreadsheet would run, and only that', () => {
    // Text stored with the mark already ('=已引用) comes back as stored too.
    for (const s of ['=SUM(1)', '+1', '-1', '@x', '\tx', '\rx', '+447911123456', "'=已引用", "''+1"]) {
      expect(neutralise(s)).toBe(`'${s}`);
      expect(unneutralise(neutralise(s))).toBe(s);
    }
    for (const s of ['13812345678', '张伟', "'quoted", 'a=b']) expect(neutralise(s)).toBe(s);
  });

  it('folds vCard lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `NOTE:${'中文备注'.repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
});

describe('io.export job', () => {
  it('CSV: UTF-8 with BOM, Chinese headers, multi-values joined with ;, quoting, neutralised formulas', async () => {
    const rt = await runtime();
    const [a] = await sample(rt);
    const { result, bytes } = await runExport(rt, { format: 'csv', sort: 'name', dir: 'asc' });
    expect(result.rows).toBe(2);
    expect(result.fileName).toMatch(/^联系人-\d{8}-\d{6}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(bytes.toString('utf8'));
    const header = rows[0];
    expect(header.slice(0, 19)).toEqual(['姓名', '性别', '职位', '手机', '座机', '邮箱', '微信', 'QQ', '省', '市', '区', '地址', '生日', '公司', '负责人', '标签', '备注', '创建时间', '更新时间']);
    expect(header.slice(19)).toEqual(['预算', '记录ID']);
    const byName = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    const z = byName.get('张伟')!;
    expect(z).toMatchObject({
      性别: '男',
      手机: '13812345678;+447911123456', // one cell: only its start is checked
      座机: a.landline,
      邮箱: 'zhang.wei@example.com',
      QQ: '123456789',
      地址: '中关村大街1号, 3层',
      生日: '1985-06-01',
      公司: '华盛科技, "北京"有限公司',
      标签: '重点,客户;', // a lone tag holding a comma ends with the separator (splitTags)
      备注: '第一行\n第二行; 含逗号, 和"引号"',
      创建时间: localDateTime(a.createdAt),
      预算: '-12.5',
      记录ID: a.id,
    });
    const evil = byName.get("'=SUM(1)")!;
    expect(evil).toMatchObject({ 职位: "'+1", 备注: "'-1", 微信: "'@x", 地址: `'=HYPERLINK("http://evil")` });
  });

  it('the file is named in the interface language: 联系人-…, or Contacts-… / Companies-… in English', async () => {
    const rt = await runtime();
    await sample(rt);
    await rt.call('app.setLocale', { locale: 'en' });
    expect((await runExport(rt, { format: 'xlsx' })).result.fileName).toMatch(/^Contacts-\d{8}-\d{6}\.xlsx$/);
    expect((await runExport(rt, { entity: 'company', format: 'csv-gbk' })).result.fileName).toMatch(/^Companies-\d{8}-\d{6}-GBK\.csv$/);
    await rt.call('app.setLocale', { locale: 'zh-CN' });
    expect((await runExport(rt, { format: 'csv' })).result.fileName).toMatch(/^联系人-\d{8}-\d{6}\.csv$/);
  });

  it('CSV GBK: no BOM, the bytes decode back as GBK', async () => {
    const rt = await runtime();
    await sample(rt);
    const { result, bytes } = await runExport(rt, { format: 'csv-gbk' });
    expect(result.fileName).toMatch(/-GBK\.csv$/);
    expect(bytes[0]).not.toBe(0xef);
    expect(bytes.includes(Buffer.from('张伟', 'utf8'))).toBe(false);
    expect(bytes.includes(iconv.encode('张伟', 'gbk'))).toBe(true);
    const rows = csvRows(iconv.decode(bytes, 'gbk'));
    expect(rows[0][0]).toBe('姓名');
    expect(rows.some((r) => r[0] === '张伟' && r[13] === '华盛科技, "北京"有限公司')).toBe(true);
  });

  it('XLSX: header row frozen, typed cells (dates, numbers, phones as text), neutralised text', async () => {
    const rt = await runtime();
    const [a] = await sample(rt);
    const { bytes } = await runExport(rt, { format: 'xlsx', sort: 'name', dir: 'asc' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('联系人');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('姓名');
    const col = (h: string) => header.indexOf(h) + 1;
    expect(ws.getColumn(col('地址')).width).toBeGreaterThan(20);
    const rows = [2, 3].map((n) => ws.getRow(n));
    const z = rows.find((r) => r.getCell(1).value === '张伟')!;
    expect(z.getCell(col('手机')).value).toBe('13812345678;+447911123456');
    expect(z.getCell(col('QQ')).value).toBe('123456789');
    expect(z.getCell(col('生日')).value).toEqual(new Date('1985-06-01T00:00:00Z'));
    const created = z.getCell(col('创建时间')).value as Date;
    expect(created).toBeInstanceOf(Date);
    expect(created.toISOString().slice(0, 19).replace('T', ' ')).toBe(localDateTime(a.createdAt));
    expect(z.getCell(col('预算')).value).toBe(-12.5);
    const evil = rows.find((r) => r !== z)!;
    expect(evil.getCell(1).value).toBe("'=SUM(1)");
    expect(evil.getCell(col('职位')).value).toBe("'+1");
    expect(evil.getCell(col('备注')).value).toBe("'-1");
    expect(evil.getCell(col('微信')).value).toBe("'@x");
  });

  it('XLSX: numbers show every digit (General shows 12345678901234 as 1.23457E+13)', async () => {
    const rt = await runtime();
    const field = await rt.call('customFields.save', { entity: 'contact', label: '金额', type: 'number' });
    const values = { 甲: 12345678901234, 乙: -12.5, 丙: 1234567890.125, 丁: 0.00000015 };
    for (const [name, value] of Object.entries(values)) await rt.call('contacts.create', { name, custom: { [field.id]: value }, allowDuplicate: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await runExport(rt, { format: 'xlsx' })).bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const col = (ws.getRow(1).values as unknown[]).indexOf('金额');
    const cells = Object.fromEntries([2, 3, 4, 5].map((n) => ws.getRow(n)).map((r) => [r.getCell(1).value, [r.getCell(col).value, r.getCell(col).numFmt]]));
    expect(cells).toEqual({ 甲: [12345678901234, '0'], 乙: [-12.5, '0.0'], 丙: [1234567890.125, '0.000'], 丁: [0.00000015, '0.00000000'] });
  });

  // Excel's sheet holds 1,048,576 rows (XLSX_MAX_ROWS); past it Excel drops rows silently. A
  // small limit stands in for it here: the same code path, without writing a million rows.
  it('XLSX: a list longer than a sheet holds is refused before a row is written', async () => {
    expect(XLSX_MAX_ROWS).toBe(1_048_576);
    const rt = await runtime();
    for (const name of ['甲', '乙', '丙']) await rt.call('contacts.create', { name, allowDuplicate: true });
    // The job's own connection, as its thread has (the main one checkpoints between calls).
    const job = { ...rt.app, db: await openDatabase(rt.app.db.file) };
    try {
      const opts = { entity: 'contact', format: 'xlsx', viewer: ownerSession, xlsxMaxRows: 3 } as const;
      const progress: number[] = [];
      const refused = exportCustomers(job, ownerSession.userId, opts, { progress: (_phase, done) => progress.push(done) });
      await expect(refused).rejects.toMatchObject({ code: 'invalid_input', message: 'io.xlsx_too_many_rows', params: { rows: 3, max: 2 } });
      expect(progress).toEqual([]);
      expect(readdirSync(downloadsDir(rt.dataDir))).toEqual([]);
      // CSV has no such limit; two records and the header fill the sheet exactly.
      expect((await exportCustomers(job, ownerSession.userId, { ...opts, format: 'csv' }, {})).rows).toBe(3);
      await rt.call('contacts.delete', { ids: [(await rt.call('contacts.list', { limit: 1 })).items[0]!.id] });
      const { downloadId, rows } = await exportCustomers(job, ownerSession.userId, opts, {});
      expect(rows).toBe(2);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(downloadsDir(rt.dataDir), downloadId));
      expect(wb.worksheets[0].rowCount).toBe(3);
    } finally {
      await job.db.close();
    }
  });

  it('XLSX writer: refuses the record that would not fit, whatever the count said beforehand', async () => {
    const rt = await runtime();
    const columns: ExportColumn[] = [{ header: '姓名', kind: 'text', width: 10, value: () => '甲' }];
    const writer = openWriter(join(rt.dataDir, 'full.xlsx'), 'xlsx', 'contact', columns, 3);
    const records = [{}, {}] as Contact[];
    await writer.write(records);
    await expect(writer.write(records.slice(1))).rejects.toMatchObject({ message: 'io.xlsx_too_many_rows', params: { rows: 3, max: 2 } });
    writer.abort();
  });

  it('vCard 3.0: one card per contact, TEL types, escaped values, CRLF', async () => {
    const rt = await runtime();
    await sample(rt);
    const { bytes } = await runExport(rt, { format: 'vcf', sort: 'name', dir: 'asc' });
    const text = bytes.toString('utf8');
    expect(text.match(/BEGIN:VCARD\r\nVERSION:3\.0\r\n/g)).toHaveLength(2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const unfolded = text.replace(/\r\n /g, '');
    for (const line of [
      'FN:张伟',
      'N:张;伟;;;',
      'TEL;TYPE=CELL:13812345678',
      'TEL;TYPE=CELL:+447911123456',
      'TEL;TYPE=WORK:010-62345678',
      'EMAIL;TYPE=INTERNET:zhang.wei@example.com',
      'ORG:华盛科技\\, "北京"有限公司',
      'TITLE:销售总监',
      'ADR;TYPE=WORK:;海淀区;中关村大街1号\\, 3层;北京;北京;;',
      'BDAY:1985-06-01',
      'NOTE:第一行\\n第二行\\; 含逗号\\, 和"引号"',
      'X-QQ:123456789',
      'X-WECHAT:zw_wechat',
      'CATEGORIES:重点\\,客户',
    ]) {
      expect(unfolded.split('\r\n')).toContain(line);
    }
  });

  it('exports exactly what contacts.list shows with that filter and sort, across pages, with progress and an audit row', async () => {
    const rt = await runtime();
    seedBulk(rt.app.db.sqlite, { contacts: 2500, seed: 3, clock: rt.app.clock });
    const city = rt.app.db.sqlite.prepare('SELECT city FROM contacts GROUP BY city ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
    const filter = { city };
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Contact[]; nextCursor: string | null } = await rt.call('contacts.list', { cursor, limit: 200, sort: 'name', dir: 'asc', filter });
      listed.push(...page.items.map((c) => `${c.name}|${c.mobiles.join(';')}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(listed.length).toBeGreaterThan(10);

    const { result, status } = await runExport(rt, { format: 'csv', filter, sort: 'name', dir: 'asc' });
    expect(result.rows).toBe(listed.length);
    expect(status.done).toBe(listed.length);
    const rows = csvRows(readFileSync(join(downloadsDir(rt.dataDir), result.downloadId), 'utf8')).slice(1);
    expect(rows.map((r) => `${r[0]}|${r[3]}`)).toEqual(listed);

    const all = await runExport(rt, { format: 'csv' });
    const live = rt.app.db.sqlite.prepare('SELECT count(*) FROM contacts WHERE deleted_at IS NULL').pluck().get() as number;
    expect(all.result.rows).toBe(live);

    const audit = rt.app.db.sqlite.prepare(`SELECT * FROM audit_log WHERE action = 'io.startExport' ORDER BY at`).all() as { user_id: string; entity: string; input: string }[];
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ user_id: ownerSession.userId, entity: 'contact' });
    expect(JSON.parse(audit[0].input)).toMatchObject({ format: 'csv', filter: { city }, rows: listed.length });

    // io.download serves it in chunks with its name.
    const chunk = readDownload(rt.dataDir, result.downloadId, 0);
    expect(chunk).toMatchObject({ done: true, fileName: result.fileName });
    expect(Buffer.from(chunk.data, 'base64').length).toBe(chunk.size);
  });

  it('companies: every format', async () => {
    const rt = await runtime();
    await rt.call('companies.create', { name: '鑫达贸易', category: 'key', phone: '021-55556666', website: 'https://xd.example.com', allowDuplicate: true });
    const csv = csvRows((await runExport(rt, { entity: 'company', format: 'csv' })).bytes.toString('utf8'));
    expect(csv[0].slice(0, 5)).toEqual(['公司名称', '行业', '规模', '类别', '电话']);
    expect(csv[1].slice(0, 5)).toEqual(['鑫达贸易', '', '', '重要客户', '021-55556666']);
    const vcf = (await runExport(rt, { entity: 'company', format: 'vcf' })).bytes.toString('utf8');
    expect(vcf).toContain('ORG:鑫达贸易\r\n');
    const xlsx = await runExport(rt, { entity: 'company', format: 'xlsx' });
    expect(xlsx.result.rows).toBe(1);
  });

  it('a contact whose company is in the Trash: no company in any format (the screen marks it deleted; a file cannot)', async () => {
    const rt = await runtime();
    const company = await rt.call('companies.create', { name: '已删公司', allowDuplicate: true });
    await rt.call('contacts.create', { name: '甲', companyId: company.id, allowDuplicate: true });
    await rt.call('companies.delete', { ids: [company.id] });
    const csv = csvRows((await runExport(rt, { format: 'csv' })).bytes.toString('utf8'));
    expect(csv[1][csv[0].indexOf('公司')]).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await runExport(rt, { format: 'xlsx' })).bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).getCell((ws.getRow(1).values as unknown[]).indexOf('公司')).value).toBeNull();
    expect((await runExport(rt, { format: 'vcf' })).bytes.toString('utf8')).not.toContain('ORG:');
  });

  it('a cancelled export leaves no file behind', async () => {
    const rt = await runtime();
    seedBulk(rt.app.db.sqlite, { contacts: 20_000, seed: 5, clock: rt.app.clock });
    const jobs = jobsOf(rt.app);
    const input = { entity: 'contact', format: 'xlsx', filter: {}, sort: 'name', dir: 'asc' };
    const id = jobs.start({ kind: 'io.export', input, auditInput: input, session: ownerSession });
    for (;;) {
      const s = jobs.get(id, ownerSession);
      if (s.done > 0 || s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    jobs.cancel(id, ownerSession);
    const status = await jobs.wait(id);
    expect(status.state).toBe('cancelled');
    expect(readdirSync(downloadsDir(rt.dataDir))).toEqual([]);
  });

  it('round trip through the import readers: each format reads back field for field', async () => {
    const rt = await runtime();
    await sample(rt);
    seedBulk(rt.app.db.sqlite, { contacts: 300, seed: 9, clock: rt.app.clock });
    const csv = await runExport(rt, { format: 'csv', sort: 'created', dir: 'asc' });
    const expected = csvRows(csv.bytes.toString('utf8')).slice(1).map((r) => r.map(unneutralise));
    expect(expected).toHaveLength(302);
    for (const format of ['csv', 'csv-gbk', 'xlsx'] as const) {
      const { result } = await runExport(rt, { format, sort: 'created', dir: 'asc' });
      const path = join(rt.dataDir, `copy-${format}.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
      copyFileSync(join(downloadsDir(rt.dataDir), result.downloadId), path);
      const got: string[][] = [];
      for await (const row of readRows(path)) got.push(row.values.map(unneutralise));
      if (format === 'xlsx') {
        // Typed cells come back as the reader formats them: compare the text columns.
        const text = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16];
        expect(got.map((r) => text.map((i) => r[i] ?? ''))).toEqual(expected.map((r) => text.map((i) => r[i])));
      } else {
        expect(got).toEqual(expected);
      }
    }
  });
});
