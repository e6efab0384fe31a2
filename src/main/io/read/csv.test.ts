import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFile, readRows } from './index';
import { CHUNK_BYTES } from './csv';
import { CELL_MAX_CHARS, CsvTokenizer, CUT_MARK, ROW_MAX_CELLS } from './tokenizer';

const FX = '../shared/fixtures/csv/';
const tmp = mkdtempSync(join(tmpdir(), 'kehu-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function all(path: string, opts = {}): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const r of readRows(path, opts)) rows.push(r.values);
  return rows;
}

describe('csv-spectrum: every file matches the upstream expected JSON', () => {
  const dir = FX + 'csv-spectrum/';
  const names = readdirSync(dir).filter((f) => f.endsWith('.csv') && f !== 'location_coordinates.csv');
  it('has the files', () => expect(names.length).toBe(11));
  for (const name of names) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(`${dir}expected/${name.replace('.csv', '.json')}`, 'utf8')) as Record<string, string>[];
      const { info } = await inspectFile(dir + name);
      expect(info.headers).toEqual(Object.keys(expected[0]));
      const rows = await all(dir + name);
      expect(rows).toEqual(expected.map((o) => Object.values(o)));
    });
  }
  it('location_coordinates.csv: bare quote in an unquoted field is data', async () => {
    const rows = await all(dir + 'location_coordinates.csv');
    const { info } = await inspectFile(dir + 'location_coordinates.csv');
    expect(info.headers[0]).toBe('Contact Phone Number');
    expect(rows).toEqual([['2095257564', '37\uFFFD36\'37.8"N 121\uFFFD2\'17.9"W', 'Modesto', 'Stanislaus']]);
  });
});

describe('encodings', () => {
  it.each([
    ['easyexcel/no_bom.csv', 'utf-8'],
    ['easyexcel/office_bom.csv', 'utf-8'],
    ['generated/easyexcel_no_bom.utf8-bom.csv', 'utf-8'],
    ['generated/easyexcel_no_bom.gbk.csv', 'gb18030'],
  ])('%s → %s, same table', async (file, enc) => {
    const { info, sample } = await inspectFile(FX + file, { sampleRows: 3 });
    expect(info).toMatchObject({ format: 'csv', encoding: enc, delimiter: ',', headers: ['姓名', '年纪'], sheets: [], sheet: null });
    expect(sample).toEqual([['姓名0', '20'], ['姓名1', '20'], ['姓名2', '20']]);
    const rows = await all(FX + file);
    expect(rows.length).toBe(10);
    expect(rows[9]).toEqual(['姓名9', '20']);
  });

  it.each([
    ['easyexcel/bom_utf16le.csv', 'utf-16le'],
    ['easyexcel/bom_utf16be.csv', 'utf-16be'],
  ])('%s (Chinese, CRLF) → %s', async (file, enc) => {
    const { info, sample } = await inspectFile(FX + file, { sampleRows: 2 });
    expect(info.encoding).toBe(enc);
    expect(info.headers).toEqual(['姓名', '年纪']);
    expect(sample).toEqual([['姓名0', '0'], ['姓名1', '1']]);
  });

  it.each([
    ['csvkit/test_utf16_big.csv', 'utf-16be'],
    ['csvkit/test_utf16_little.csv', 'utf-16le'],
  ])('%s → %s', async (file, enc) => {
    const { info, sample } = await inspectFile(FX + file);
    expect(info.encoding).toBe(enc);
    expect(info.headers).toEqual(['a', 'b', 'c']);
    expect(sample).toEqual([['1', '2', '3'], ['4', '5', 'ʤ']]);
  });

  it('node-csv 365 UTF-16LE BOM Windows and UTF-8 BOM Windows', async () => {
    const a = await inspectFile(FX + 'node-csv/365-utf16le-bom-windows.csv');
    expect(a.info.encoding).toBe('utf-16le');
    expect(a.info.headers).toEqual(['a', 'b', 'c']);
    expect(a.sample).toEqual([['1', '2', '3']]);
    const b = await inspectFile(FX + 'node-csv/365-utf8-bom-windows.csv');
    expect(b.info.encoding).toBe('utf-8');
    expect(b.info.headers[0]).toBe('a');
  });

  it('salesforce: the same table in UTF-8, UTF-16LE and UTF-16BE with BOM', async () => {
    const results = await Promise.all(
      ['UTF8', 'UTF16LE', 'UTF16BE'].map((e) => inspectFile(`${FX}salesforce-dataloader/csvtext_BOM_${e}.csv`)),
    );
    expect(results.map((r) => r.info.encoding)).toEqual(['utf-8', 'utf-16le', 'utf-16be']);
    expect(results[1].info.headers).toEqual(results[0].info.headers);
    expect(results[2].sample).toEqual(results[0].sample);
    expect(results[0].info.headers[0]).not.toMatch(/^\uFEFF/);
  });

  it('Latin-1 files are not read as UTF-8 or GBK', async () => {
    const a = await inspectFile(FX + 'node-csv/327.cws.csv');
    expect(a.info.encoding).toBe('windows-1252');
    expect(a.sample).toEqual([['Acentuação1', 'acentuação2']]);
    const b = await inspectFile(FX + 'csvkit/test_latin1.csv');
    expect(b.info.encoding).toBe('windows-1252');
    expect(b.sample).toEqual([['1', '2', '3'], ['4', '5', '©']]);
    const c = await inspectFile(FX + 'duckdb/encodings_latin1.csv');
    expect(c.info.headers).toEqual(['name', 'age']);
    expect(c.sample.slice(0, 4)).toEqual([['José Álvarez', '30'], ['Müller', '25'], ['François Dupont', '45'], ['Björn Andersson', '50']]);
  });

  it('duckdb UTF-16 with accented names', async () => {
    const { info, sample } = await inspectFile(FX + 'duckdb/encodings_utf16.csv');
    expect(info.encoding).toBe('utf-16le');
    expect(sample.flat().join(' ')).not.toContain('\uFFFD');
  });

  it('Shift_JIS: manual override decodes it', async () => {
    const { info, sample } = await inspectFile(FX + 'duckdb/encodings_shift_jis.csv', { encoding: 'shift_jis' });
    expect(info.encoding).toBe('shift-jis');
    expect(info.headers).toHaveLength(2);
    expect(sample[0][1]).toBe('25');
    expect(sample.map((r) => r[0]).join('')).toMatch(/^[\u3040-\u30ff\u4e00-\u9fff]+$/);
  });

  it('GBK override name is decoded as gb18030', async () => {
    const { info } = await inspectFile(FX + 'generated/easyexcel_no_bom.gbk.csv', { encoding: 'GBK' });
    expect(info.encoding).toBe('gb18030');
    expect(info.headers).toEqual(['姓名', '年纪']);
  });
});

describe('dialect and messy files', () => {
  it('CR-only line endings with a CR inside quotes (mac_newlines)', async () => {
    expect(await all(FX + 'csvkit/mac_newlines.csv')).toEqual([['1', '2', '3'], ['Once upon\ra time', '5', '6']]);
  });
  it('CR-only Excel export with error literals (ErrorTypes)', async () => {
    const { info, sample } = await inspectFile(FX + 'sheetjs-test_files/ErrorTypes.csv');
    expect(info.headers.length).toBeGreaterThan(1);
    expect(sample.flat()).toContain('#DIV/0!');
    expect(sample.flat()).toContain('#NULL!');
  });
  it('CRLF records with bare LF inside quoted header cells (Attendance)', async () => {
    const { info, sample } = await inspectFile(FX + 'sheetjs-test_files/Attendance.csv', { sampleRows: 1 });
    expect(info.headers.slice(0, 3)).toEqual(['Date', 'Ben \nAshley', 'Tom Brooks']);
    expect(sample[0]).toEqual(['10/1', 'FALSE', 'TRUE', 'TRUE', 'TRUE', 'TRUE', 'TRUE', 'FALSE', 'TRUE']);
  });
  it('NUL bytes are stripped', async () => {
    expect(await all(FX + 'csvkit/null_byte.csv')).toEqual([['', '2', '3']]);
  });
  it('ragged rows: long rows keep extra cells, short rows are padded', async () => {
    const rows: { line: number; values: string[] }[] = [];
    for await (const r of readRows(FX + 'csvkit/bad.csv')) rows.push(r);
    expect(rows).toEqual([
      { line: 1, values: ['1', '27', '', "I'm too long!"] },
      { line: 2, values: ['', "I'm too short!", ''] },
      { line: 3, values: ['0', 'mixed types.... uh oh', '17'] },
    ]);
  });
  it('leading zeroes stay text', async () => {
    expect(await all(FX + 'csvkit/test_no_leading_zeroes.csv')).toEqual([['01', '00.11', '0.1']]);
    expect(await all(FX + 'duckdb/phonenumbers.csv')).toEqual([['+318855443322'], ['+552244331122'], ['+12233445567']]);
  });
  it('empty trailing header names and rows of only commas', async () => {
    const { info } = await inspectFile(FX + 'csvkit/test_empty_columns.csv');
    expect(info.headers).toEqual(['a', 'b', 'c', '', '']);
    expect(await all(FX + 'csvkit/test_empty_columns.csv')).toEqual([['a', '', '', '', ''], ['', '', 'c', '', '']]);
  });
  it('BOM + trailing comma on one row (411)', async () => {
    const { info } = await inspectFile(FX + 'node-csv/411.csv');
    expect(info.headers).toEqual(['id', 'first_name', 'last_name', 'email', 'modified_at']);
    const rows = await all(FX + 'node-csv/411.csv');
    expect(rows[1]).toEqual(['2', 'Kylie', 'Lauderdale', 'klauderdale1@wsj.com', '2022-02-14', '']);
  });
  it('BOM and spaces in the header are trimmed (commons-csv bom)', async () => {
    const { info } = await inspectFile(FX + 'commons-csv/CSVFileParser_bom.csv');
    expect(info.headers.slice(0, 3)).toEqual(['Date', 'Open', 'High']);
  });
  it('papaparse utf-8-bom-sample', async () => {
    const { info, sample } = await inspectFile(FX + 'papaparse/utf-8-bom-sample.csv');
    expect(info).toMatchObject({ encoding: 'utf-8', headers: ['A', 'B', 'C'] });
    expect(sample).toEqual([['X', 'Y', 'Z']]);
  });
  it('semicolon delimiter (duckdb glob f_2, decimal separators, bank export)', async () => {
    const a = await inspectFile(FX + 'duckdb/glob_dif_dialect_f_2.csv');
    expect(a.info).toMatchObject({ delimiter: ';', headers: ['id', 'name', 'email'] });
    expect(a.sample[0]).toEqual(['1', 'alice', 'alice@email.com']);
    const b = await inspectFile(FX + 'duckdb/decimal_separators.csv');
    expect(b.info.delimiter).toBe(';');
    expect(b.sample[0]).toEqual(['1,1', '1.1']);
    const c = await inspectFile(FX + 'duckdb/rejects_sniffer.csv');
    expect(c.info.delimiter).toBe(';');
    expect(c.info.headers).toHaveLength(25);
    expect(c.sample[0][6]).toBe('123,45');
  });
  it('unescaped quotes inside quoted fields are kept as data', async () => {
    const rows = await all(FX + 'duckdb/unescaped_quote.csv');
    expect(rows[0]).toEqual(['2', 'pedro "pdet" holanda']);
    expect(rows[1]).toEqual(['3', 'pedro "pdet" ho;landa']);
  });
  it('full-width comma in a Chinese header (converterCsv): 37 header fields, 38 in the row', async () => {
    const { info, sample } = await inspectFile(FX + 'easyexcel/converterCsv.csv');
    expect(info.headers).toHaveLength(37);
    expect(info.headers[2]).toBe('大数的字符串，大整数的布尔(不支持)');
    expect(sample[0]).toHaveLength(38);
    expect(sample[0]).toContain('#VALUE!');
  });
  it('JSON arrays in quoted cells (krayin persons)', async () => {
    const { sample } = await inspectFile(FX + 'krayin-crm/persons.csv');
    expect(sample[0].some((v) => v.startsWith('[{"label": '))).toBe(true);
  });
  it('header cell with TAB/LF/VT/FF/CR inside quotes', async () => {
    const { info, sample } = await inspectFile(FX + 'csvkit/test_header_newline.csv');
    expect(info.headers).toEqual(['start \t\n\v\f\r end', 'b', 'c']);
    expect(sample).toEqual([['d', 'e', 'f']]);
  });
  it('delimiter override', async () => {
    const { info, sample } = await inspectFile(FX + 'csvkit/bad.csv', { delimiter: ';' });
    expect(info.delimiter).toBe(';');
    expect(info.headers).toEqual(['column_a,column_b,column_c']);
    expect(sample[0]).toEqual(['1,27,,"I\'m too long!"']);
  });
  it('a large faker CRM export reads fully (atomic-crm)', async () => {
    const { info } = await inspectFile(FX + 'atomic-crm/test-data_contacts.csv');
    expect(info.headers).toHaveLength(24);
    const rows = await all(FX + 'atomic-crm/test-data_contacts.csv');
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.length === 24)).toBe(true);
  });
});

describe('generated hard cases', () => {
  it('GBK CSV from Chinese Excel with quoted newlines, quotes and CRLF', async () => {
    const text = '姓名,手机,地址,备注\r\n张三,13800138000,"北京市朝阳区\r\n建国路88号","他说""你好"""\r\n\r\n李四,13912345678,上海,\r\n';
    const p = join(tmp, 'gbk.csv');
    writeFileSync(p, iconv.encode(text, 'gbk'));
    const { info } = await inspectFile(p);
    expect(info).toMatchObject({ encoding: 'gb18030', delimiter: ',', headers: ['姓名', '手机', '地址', '备注'] });
    const rows: { line: number; values: string[] }[] = [];
    for await (const r of readRows(p)) rows.push(r);
    expect(rows).toEqual([
      { line: 1, values: ['张三', '13800138000', '北京市朝阳区\r\n建国路88号', '他说"你好"'] },
      { line: 3, values: ['李四', '13912345678', '上海', ''] },
    ]);
  });
  it('semicolon, tab and pipe delimiters are detected', async () => {
    for (const d of [';', '\t', '|']) {
      const p = join(tmp, `d${d.charCodeAt(0)}.csv`);
      writeFileSync(p, [`姓名${d}公司${d}备注`, `王五${d}"A${d}B公司"${d}x,y`, `赵六${d}C公司${d}`].join('\n'));
      const { info, sample } = await inspectFile(p);
      expect(info.delimiter).toBe(d);
      expect(info.headers).toEqual(['姓名', '公司', '备注']);
      expect(sample).toEqual([['王五', `A${d}B公司`, 'x,y'], ['赵六', 'C公司', '']]);
    }
  });
  it('GBK that starts with more than 64 KB of ASCII is still detected', async () => {
    const p = join(tmp, 'late-gbk.csv');
    const ascii = Array.from({ length: 3000 }, (_, i) => `${i},customer${i},2024-01-01`).join('\r\n');
    writeFileSync(p, iconv.encode(`id,name,date\r\n${ascii}\r\n9999,张三丰,2024-02-02\r\n`, 'gbk'));
    const { info } = await inspectFile(p);
    expect(info.encoding).toBe('gb18030');
    const rows = await all(p);
    expect(rows[rows.length - 1]).toEqual(['9999', '张三丰', '2024-02-02']);
  });
  it('UTF-16LE without BOM (tab-delimited, as Excel "Unicode Text" minus BOM)', async () => {
    const p = join(tmp, 'u16.txt');
    writeFileSync(p, iconv.encode('name\tcity\nAnna\tKöln\n', 'utf-16le'));
    const { info, sample } = await inspectFile(p);
    expect(info).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['name', 'city'] });
    expect(sample).toEqual([['Anna', 'Köln']]);
  });
  it('UTF-8 multi-byte characters split across read chunks', async () => {
    const p = join(tmp, 'split.csv');
    const row = '客户名称,备注\n' + Array.from({ length: 30000 }, (_, i) => `客户${i},备注内容${i}`).join('\n');
    writeFileSync(p, row);
    const rows = await all(p);
    expect(rows.length).toBe(30000);
    expect(rows[29999]).toEqual(['客户29999', '备注内容29999']);
    expect(rows.every((r) => !r.join('').includes('\uFFFD'))).toBe(true);
  });
  it('200k rows stream with low memory', async () => {
    const p = join(tmp, 'big.csv');
    const ws = createWriteStream(p);
    ws.write('姓名,手机,邮箱,公司,备注\n');
    for (let i = 0; i < 200_000; i++) {
      ws.write(`客户${i},1380000${String(i).padStart(4, '0')},c${i}@example.com,"公司, 有限${i}","备注 ${'x'.repeat(200)}"\n`);
    }
    await new Promise<void>((res, rej) => ws.end((err?: Error | null) => (err ? rej(err) : res())));
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let n = 0;
    let peak = before;
    let last: string[] = [];
    for await (const r of readRows(p)) {
      n++;
      last = r.values;
      if (n % 10000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(n).toBe(200_000);
    expect(last[0]).toBe('客户199999');
    expect(last[3]).toBe('公司, 有限199999');
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('a quote closed before the end of its cell', () => {
  const lines = (text: string, chunk = Infinity) => {
    const t = new CsvTokenizer(',');
    const out: string[][] = [];
    for (let i = 0; i < text.length; i += chunk) t.push(text.slice(i, i + chunk), out);
    const closed = t.end(out);
    return { out, closed };
  };
  const file = '姓名,手机,备注\r\n张三,13800138000,"老客户"推荐\r\n李四,13900139000,普通\r\n王五,13700137000,"VIP" 客户\r\n赵六,13600136000,"a "b" c","x"\r\n孙七,13500135000,"VIP" 客"户\r\n';
  const expected = [
    ['姓名', '手机', '备注'],
    ['张三', '13800138000', '老客户推荐'],
    ['李四', '13900139000', '普通'],
    ['王五', '13700137000', 'VIP 客户'],
    ['赵六', '13600136000', 'a "b" c', 'x'],
    ['孙七', '13500135000', 'VIP 客"户'],
  ];

  it('is read as Excel reads it: the rest of the cell is text, the next rows stay rows', () => {
    expect(lines(file)).toEqual({ out: expected, closed: true });
  });
  it('reads the same whatever the chunks (the decision waits for the end of the line)', () => {
    for (const size of [1, 2, 3, 7, 13]) expect(lines(file, size).out).toEqual(expected);
    // Cut anywhere in two (a quote's cell may end just at a chunk's end).
    for (let cut = 1; cut < file.length; cut++) {
      const t = new CsvTokenizer(',');
      const out: string[][] = [];
      t.push(file.slice(0, cut), out);
      t.push(file.slice(cut), out);
      t.end(out);
      expect(out, `cut at ${cut}`).toEqual(expected);
    }
  });
  it('a file ending without a line break reads its last line as with one, cut anywhere', () => {
    // The stray quotes are decided at the end of the file; before, text after the second one was lost (`pedro "pdet`).
    const last = '周八,13400134000,"pedro "pdet" holanda"';
    const want = [['周八', '13400134000', 'pedro "pdet" holanda']];
    expect(lines(`${last}\r\n`).out).toEqual(want);
    for (let cut = 1; cut <= last.length; cut++) {
      const t = new CsvTokenizer(',');
      const out: string[][] = [];
      t.push(last.slice(0, cut), out);
      t.push(last.slice(cut), out);
      expect(t.end(out)).toBe(true);
      expect(out, `cut at ${cut}`).toEqual(want);
    }
  });
  it('a later quoted cell on the line does not make the first quote data', () => {
    expect(lines('"老客户"推荐,"x"\n').out).toEqual([['老客户推荐', 'x']]);
  });
  it('says when the file ends inside a quoted cell', () => {
    expect(lines('a,"b\nc,d\n').closed).toBe(false);
  });

  it('an import of a file with an unclosed quote fails with the line where it ran on', async () => {
    const path = join(tmp, 'unclosed.csv');
    writeFileSync(path, '姓名,备注\n张三,好\n李四,"没关上\n王五,好\n');
    const read = all(path);
    await expect(read).rejects.toMatchObject({ code: 'invalid_input', message: 'io.unclosed_quote', params: { line: 2 } });
  });
  it('the unclosed quote\'s line counts from the header past title rows, or from the file\'s start when there is none', async () => {
    const titled = join(tmp, 'unclosed-titled.csv');
    writeFileSync(titled, '客户信息表,,\n\n姓名,备注\n张三,好\n李四,"没关上\n王五,好\n');
    await expect(all(titled)).rejects.toMatchObject({ message: 'io.unclosed_quote', params: { line: 2 } });
    const empty = join(tmp, 'unclosed-empty.csv');
    writeFileSync(empty, ',\n,"\n');
    await expect(all(empty)).rejects.toMatchObject({ message: 'io.unclosed_quote', params: { line: 2 } });
  });
});

describe('title rows above the header', () => {
  const write = (name: string, text: string) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };
  it('a title line ("客户信息表,,,") and Excel\'s sep= hint above the header are skipped; lines count from the header', async () => {
    const path = write('titled.csv', 'sep=,\n客户信息表,,,\n\n姓名,手机,公司\n张三,13800138000,甲公司\n\n李四,13900139000,\n');
    expect((await inspectFile(path)).info.headers).toEqual(['姓名', '手机', '公司']);
    const rows: { line: number; values: string[] }[] = [];
    for await (const r of readRows(path)) rows.push(r);
    expect(rows).toEqual([
      { line: 1, values: ['张三', '13800138000', '甲公司'] },
      { line: 3, values: ['李四', '13900139000', ''] },
    ]);
  });
  it('cells of only spaces or tabs are empty for both rules: an empty row, and a title\'s one filled cell', async () => {
    const path = write('blank-cells.csv', ' , \n客户信息表, ,\t\n姓名,手机\n张三,1\n \t, \n李四,2\n');
    expect((await inspectFile(path)).info.headers).toEqual(['姓名', '手机']);
    const rows: { line: number; values: string[] }[] = [];
    for await (const r of readRows(path)) rows.push(r);
    expect(rows).toEqual([
      { line: 1, values: ['张三', '1'] },
      { line: 3, values: ['李四', '2'] },
    ]);
  });
  it('a one-column file keeps its first row as the header and every other row', async () => {
    const path = write('names.csv', '姓名\n张三\n李四\n王五\n赵六\n钱七\n');
    expect((await inspectFile(path)).info.headers).toEqual(['姓名']);
    expect(await all(path)).toEqual([['张三'], ['李四'], ['王五'], ['赵六'], ['钱七']]);
    const short = write('two-names.csv', '姓名\n张三\n');
    expect(await all(short)).toEqual([['张三']]);
    // Lines count from the header, empty lines too, for the rows held back while looking for it.
    const gaps = write('gaps.csv', '姓名\n张三\n\n李四\n王五\n\n赵六\n');
    const lines: number[] = [];
    for await (const r of readRows(gaps)) lines.push(r.line);
    expect(lines).toEqual([1, 3, 4, 6]);
  });
});

describe('cells and rows beyond what a spreadsheet holds', () => {
  const cut = (s: string) => s.slice(0, CELL_MAX_CHARS) + CUT_MARK;
  it('a cell longer than CELL_MAX_CHARS is cut and marked, quoted or not, across chunks; the next rows are whole', async () => {
    const plain = 'x'.repeat(CHUNK_BYTES * 3);
    const quoted = '长"'.repeat(CHUNK_BYTES);
    const path = join(tmp, 'long-cells.csv');
    writeFileSync(path, `姓名,备注\n张伟,${plain}\n李四,"${quoted.replaceAll('"', '""')}"\n王五,"VIP"${plain}\n赵六,好\n`);
    expect(await all(path)).toEqual([
      ['张伟', cut(plain)],
      ['李四', cut(quoted)],
      ['王五', cut(`VIP${plain}`)],
      ['赵六', '好'],
    ]);
  });
  it('a record has at most ROW_MAX_CELLS cells: the last one takes the rest of its line', async () => {
    const path = join(tmp, 'many-cells.csv');
    writeFileSync(path, `姓名,备注\n张伟,${','.repeat(ROW_MAX_CELLS + 10)}\n李四,好\n`);
    const rows = await all(path);
    expect(rows.map((r) => r.length)).toEqual([ROW_MAX_CELLS, 2]);
    expect(rows[0][ROW_MAX_CELLS - 1]).toBe(','.repeat(12));
    expect(rows[1]).toEqual(['李四', '好']);
  });
});
