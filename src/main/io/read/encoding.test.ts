// Encoding detection on files written as Chinese Excel/WPS and other tools write them: GBK with a
// cut-off last character or heavy punctuation, Big5, UTF-16 without BOM, and the override rules.
// Each file is made here with iconv-lite and read through the real reader (inspectFile/readRows).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { KehuError } from '../../../shared/errors';
import { detectEncoding, isEastAsianText, normalizeEncoding } from './encoding';
import { CHUNK_BYTES } from './csv';
import { inspectFile, readRows, type ReadOptions } from './index';

const tmp = mkdtempSync(join(tmpdir(), 'kehu-encoding-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function file(...parts: (string | Buffer)[]): string {
  const p = join(tmp, `f${n++}.csv`);
  writeFileSync(p, Buffer.concat(parts.map((x) => (typeof x === 'string' ? Buffer.from(x) : x))));
  return p;
}

async function read(path: string, options: ReadOptions = {}): Promise<{ encoding: string | null; headers: string[]; rows: string[][] }> {
  const { info } = await inspectFile(path, { ...options, sampleRows: 0 });
  const rows: string[][] = [];
  for await (const r of readRows(path, options)) rows.push(r.values);
  return { encoding: info.encoding, headers: info.headers, rows };
}

const people = Array.from({ length: 51 }, (_, i) => [`张三${i}`, `138${String(i).padStart(8, '0')}`, '北京甲公司', '老客户']);

describe('GBK', () => {
  it('English headers and one cut-off byte at the very end are still GBK, not windows-1252', async () => {
    const body = people.map((r) => r.join(',')).join('\r\n');
    // Excel cut the last cell in the middle of a character: one lead byte (0xD5) and the line end.
    const p = file(iconv.encode(`Name,Mobile,Company,Notes\r\n${body}被截`, 'gbk'), Buffer.from([0xd5]), '\r\n');
    const { encoding, headers, rows } = await read(p);
    expect(encoding).toBe('gb18030');
    expect(headers).toEqual(['Name', 'Mobile', 'Company', 'Notes']);
    expect(rows).toHaveLength(51);
    expect(rows[0]).toEqual(['张三0', '13800000000', '北京甲公司', '老客户']);
    expect(rows[50][3]).toBe('老客户被截\uFFFD');
  });

  it('Chinese headers and a cut-off byte inside a cell', async () => {
    const bytes = iconv.encode(`姓名,手机,公司,备注\r\n${people.map((r) => r.join(',')).join('\r\n')}\r\n`, 'gbk');
    const cut = bytes.indexOf(iconv.encode('老客户\r\n', 'gbk')) + 3; // the first byte of 客 stays, its second is gone
    const p = file(bytes.subarray(0, cut), bytes.subarray(cut + 1));
    const { encoding, headers, rows } = await read(p);
    expect(encoding).toBe('gb18030');
    expect(headers).toEqual(['姓名', '手机', '公司', '备注']);
    expect(rows[1]).toEqual(['张三1', '13800000001', '北京甲公司', '老客户']);
  });

  it('text heavy in punctuation (“” — … ① ★ → №) is GBK', async () => {
    const notes = ['“VIP”——已签约…', '①首次联系②报价→③成交', '“老客户”', '★★★重点', '№12 合同…“已付”'];
    const text = `Name,Mobile,Notes\r\n${notes.map((t, i) => `Zhang San ${i},1380013800${i},${t}`).join('\r\n')}\r\n`;
    const { encoding, rows } = await read(file(iconv.encode(text, 'gbk')));
    expect(encoding).toBe('gb18030');
    expect(rows.map((r) => r[2])).toEqual(notes);
  });

  it('a very short file (two characters) is GBK', async () => {
    const { encoding, rows } = await read(file(iconv.encode('Name,Mobile\r\n电话,13800130000\r\n', 'gbk')));
    expect(encoding).toBe('gb18030');
    expect(rows).toEqual([['电话', '13800130000']]);
  });
});

describe('rows of the other encoding', () => {
  const gbk = (t: string) => iconv.encode(t, 'gbk');
  const utf8 = (t: string) => Buffer.from(t, 'utf8');

  it('a GBK file reads its Chinese UTF-8 rows as UTF-8: across a chunk boundary, in a line judged by its start, with a quoted line break', async () => {
    const head = gbk(`姓名,手机,备注\r\n${Array.from({ length: 100 }, (_, i) => `张三${i},1380000${String(i).padStart(4, '0')},老客户`).join('\r\n')}\r\n`);
    // 王芳's row starts 10 bytes before the reader's second chunk.
    const filler = gbk(`填充,,${'x'.repeat(CHUNK_BYTES - 10 - head.length - '填充,,\r\n'.length - 2)}\r\n`);
    const long = Array.from({ length: 8 }, () => '微'.repeat(20000)); // 480 KB in UTF-8
    const p = file(
      head,
      filler,
      utf8('王芳,13700137000,来自微信😀\r\n'),
      gbk('谢伟,13600136000,普通\r\n'), // GBK bytes that are valid UTF-8 ("лΰ"): still GBK
      utf8(`李娜,13500135000,"第一行\r\n第二行"\r\n赵六,13400134000,${long.join(',')}\r\n`),
      gbk('周七,13300133000,“VIP”'),
    );
    const { encoding, rows } = await read(p);
    expect(encoding).toBe('gb18030');
    expect(rows.slice(0, 100).every((r, i) => r[0] === `张三${i}`)).toBe(true);
    expect(rows.slice(101)).toEqual([
      ['王芳', '13700137000', '来自微信😀'],
      ['谢伟', '13600136000', '普通'],
      ['李娜', '13500135000', '第一行\r\n第二行'],
      ['赵六', '13400134000', ...long],
      ['周七', '13300133000', '“VIP”'],
    ]);
  });

  it('a UTF-8 file with one GBK row is UTF-8 whether the row is among the first ones or past the sample: that row alone has U+FFFD', async () => {
    const body = Array.from({ length: 200 }, (_, i) => `客户${i},1380013${String(i).padStart(4, '0')},老客户备注`).join('\n');
    for (const at of [1, 200]) {
      const lines = body.split('\n');
      const p = file(utf8(`姓名,手机,备注\n${lines.slice(0, at).join('\n')}\n`), gbk('王芳,13700137000,来自微信\n'), utf8(`${lines.slice(at).join('\n')}\n`));
      const { encoding, headers, rows } = await read(p);
      expect(encoding).toBe('utf-8');
      expect(headers).toEqual(['姓名', '手机', '备注']);
      expect(rows).toHaveLength(201);
      expect(rows[at]).toEqual([expect.stringContaining('\uFFFD'), '13700137000', expect.stringContaining('\uFFFD')]);
      expect(rows.filter((_, i) => i !== at).map((r) => r.join(','))).toEqual(lines);
    }
  });

  it('a GBK file with a few UTF-8 rows at its start is still GBK', () => {
    const text = Buffer.concat([gbk('姓名,备注\n张伟,老客户\n'), utf8('王芳,来自微信\n'), gbk('赵六,普通\n李四,新客户\n')]);
    expect(detectEncoding(text, false)).toBe('gb18030');
  });
});

describe('Big5', () => {
  const rows = [
    ['陳大文', '0912345678', '台灣積體電路製造股份有限公司'],
    ['林小美', '0922345678', '鴻海精密工業股份有限公司'],
  ];
  it('Traditional Chinese in Big5 is detected and decoded (English or Chinese headers)', async () => {
    for (const header of ['Name,Mobile,Company', '姓名,手機,公司']) {
      const p = file(iconv.encode(`${header}\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'big5'));
      const r = await read(p);
      expect(r.encoding).toBe('big5');
      expect(r.headers.join(',')).toBe(header);
      expect(r.rows).toEqual(rows);
    }
  });

  it('six characters are enough', () => {
    expect(detectEncoding(iconv.encode('Name\r\n陳大文\r\n林小美\r\n', 'big5'), false)).toBe('big5');
  });

  it('Latin-1 names are not taken for Big5 or GBK (Å + "l" is one everyday Big5 character)', () => {
    expect(detectEncoding(iconv.encode('city\r\nÅlesund\r\n', 'windows-1252'), false)).toBe('windows-1252');
    const text = 'name,city\r\nÅsa Berg,Ålesund\r\nJosé Álvarez,Málaga\r\nMüller,Köln\r\nÉcole Côté,Genève\r\n';
    expect(detectEncoding(iconv.encode(text, 'windows-1252'), false)).toBe('windows-1252');
  });
});

describe('UTF-16 without BOM', () => {
  const text = '姓名,手机,公司,地址,备注\r\n张三丰,13800138000,武当山道教协会,湖北省十堰市丹江口市武当山特区,太极拳创始人\r\n李四光,13900139000,中国科学院地质研究所,北京市朝阳区北辰西路,地质学家\r\n';
  it.each(['utf-16le', 'utf-16be'])('mostly Chinese %s is found by its NUL bytes', async (enc) => {
    for (const t of [text, text.replaceAll(',', '\t')]) {
      const { encoding, headers, rows } = await read(file(iconv.encode(t, enc)));
      expect(encoding).toBe(enc);
      expect(headers).toEqual(['姓名', '手机', '公司', '地址', '备注']);
      expect(rows[1]).toEqual(['李四光', '13900139000', '中国科学院地质研究所', '北京市朝阳区北辰西路', '地质学家']);
    }
  });

  it('a stray NUL in an 8-bit file is not UTF-16', () => {
    expect(detectEncoding(Buffer.from('a,b,c\n\u0000,2,3\n', 'latin1'), false)).toBe('utf-8');
  });
});

describe('chosen encoding', () => {
  const text = '姓名,手机\r\n张三,13800138000\r\n';
  it("a BOM decides UTF-16's byte order: 'utf-16' and a contradicting 'utf-16le' read UTF-16BE as BE", async () => {
    const p = file(Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be'));
    for (const choice of ['utf-16', 'UTF-16LE', 'utf-16be']) {
      const r = await read(p, { encoding: choice });
      expect(r.encoding).toBe('utf-16be');
      expect(r.headers).toEqual(['姓名', '手机']);
      expect(r.rows).toEqual([['张三', '13800138000']]);
    }
  });

  it("without a BOM, 'utf-16' takes the order from the NUL bytes", async () => {
    const r = await read(file(iconv.encode(text, 'utf-16be')), { encoding: 'utf-16' });
    expect(r.encoding).toBe('utf-16be');
    expect(r.rows).toEqual([['张三', '13800138000']]);
  });

  it('another family is read as chosen', async () => {
    const r = await read(file(iconv.encode(text, 'gbk')), { encoding: 'big5' });
    expect(r.encoding).toBe('big5');
  });

  it('an unknown name is invalid input, not an internal error', async () => {
    expect(() => normalizeEncoding('foo')).toThrow(KehuError);
    expect(() => normalizeEncoding('foo')).toThrow(expect.objectContaining({ code: 'invalid_input', fields: [{ path: 'encoding', message: 'validation.invalid_value' }] }));
    await expect(read(file(text), { encoding: 'foo' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('East-Asian characters', () => {
  it('East-Asian text takes Hangul and kana, not GB2312 symbols (①), other scripts or supplementary characters', () => {
    expect(['张三·李', '김철수', 'ジャン サン', 'ＡＢＣ，。'].map(isEastAsianText)).toEqual([true, true, true, true]);
    expect(['лΰ', '王①', '\ud840\udc00'].map(isEastAsianText)).toEqual([false, false, false]);
  });
});
