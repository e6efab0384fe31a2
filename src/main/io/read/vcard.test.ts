import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../../../shared/contacts';
import { contactCard, splitName } from '../export/vcard';
import { inspectFile, readRows, VCARD_HEADERS } from './index';
import { normalizeBirthday } from './vcard';
import { mapRow, suggestMapping } from '../import/mapping';

const FX = '../shared/fixtures/vcard/';
const tmp = mkdtempSync(join(tmpdir(), 'kehu-vcf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Card = Record<string, string>;
async function cards(path: string, opts = {}): Promise<Card[]> {
  const out: Card[] = [];
  for await (const r of readRows(path, opts)) out.push(Object.fromEntries(VCARD_HEADERS.map((h, i) => [h, r.values[i]])));
  return out;
}

describe('vCard fixtures', () => {
  it('info has the fixed headers', async () => {
    const { info, sample } = await inspectFile(FX + 'ez-vcard/rfc2426-example.vcf');
    expect(info).toEqual({ format: 'vcard', encoding: 'utf-8', delimiter: null, sheets: [], sheet: null, headers: ['姓名', '手机', '座机', '邮箱', '公司', '职位', '地址', '生日', '备注', 'QQ', '微信', '性别', '标签', '记录ID'] });
    expect(sample).toHaveLength(2);
    expect(sample[0][0]).toBe('Frank Dawson');
    expect(sample[1][3]).toBe('howes@netscape.com');
  });

  it('OpenHarmony: Chinese QP names, TYPE=CELL;: mobiles', async () => {
    const c = await cards(FX + 'openharmony-telephony/VCardTest_020.vcf');
    expect(c.map((x) => [x['姓名'], x['手机']])).toEqual([['测试1', '18770000001'], ['测试2', '18770000002']]);
    const g = await cards(FX + 'openharmony-telephony/g_importTestStr.vcf');
    expect(g[0]['姓名']).toBe('外公');
    expect(g[1]['姓名']).toBe('测试N');
    const f = await cards(FX + 'openharmony-telephony/g_inputStrFive.vcf');
    expect(f[0]).toMatchObject({ 姓名: '刘小', 邮箱: 'liuxiao@example.com', 公司: '开放人工智能', 职位: 'AI助手', 备注: '这是一个测试备注\n其他电话：1234567890、9876543210' });
    expect(f[1]['姓名']).toBe('山田太郎'); // labelled SHIFT_JIS, bytes are UTF-8
    expect(f[1]['公司']).toBe('オープンAI株式会社');
  });

  it('Android 2.1 (ez-vcard): QP + CHARSET, soft breaks, repeated TEL/EMAIL, PHOTO skipped', async () => {
    const c = await cards(FX + 'ez-vcard/John_Doe_ANDROID.vcf');
    expect(c).toHaveLength(6);
    expect(c[0]['邮箱']).toBe('john.doe@company.com');
    expect(c[2]['姓名']).toBe('Ñ Ñ Ñ Ñ Ñ');
    // numbers neither a mobile nor a landline the form takes: in the notes
    expect(c[3]).toMatchObject({ 手机: '', 座机: '' });
    expect(c[3]['备注']).toContain('Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ');
    expect(c[3]['备注']).toMatch(/\n其他电话：123456、234567、3456789、45678901$/);
    expect(c[4]['邮箱']).toBe('bob@company.com;ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ'); // QP in EMAIL
    expect(c[5]).toMatchObject({ 姓名: 'ÑÑÑÑ', 手机: '', 备注: '其他电话：55556666', 邮箱: 'henry@company.com' });
    // Android's group of every contact is read, and the mapping makes no tag of it.
    expect(c[0]['标签']).toBe('My Contacts');
    const mapping = suggestMapping('contact', [...VCARD_HEADERS]);
    expect(mapRow('contact', mapping, VCARD_HEADERS.map((h) => c[0]![h]!)).tagNames).toEqual([]);
  });

  it('iPhone 3.0: itemN groups, BDAY;value=date, 45 KB photo', async () => {
    const [c] = await cards(FX + 'ez-vcard/John_Doe_IPHONE.vcf');
    expect(c).toMatchObject({ 姓名: 'Mr. John Richter James Doe Sr.', 手机: '', 座机: '', 备注: '其他电话：905-555-1234、905-666-1234、905-777-1234、905-111-1234、905-222-1234', 邮箱: 'john.doe@ibm.com', 公司: 'IBM', 职位: 'Accounting Money Counter', 生日: '2012-06-06' });
    expect(c['地址']).toContain('New York');
  });

  it('Outlook 2.1: QP NOTE, base64 PHOTO ended by an empty line', async () => {
    const [c] = await cards(FX + 'ez-vcard/John_Doe_MS_OUTLOOK.vcf');
    expect(c).toMatchObject({ 座机: '', 邮箱: 'john.doe@ibm.cm', 公司: 'IBM', 职位: 'Accounting Money Counter', 生日: '1980-03-22' });
    expect(c['备注']).toMatch(/^THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS''.*SUCH DAMAGE\.\n其他电话：\(905\) 555-1234、\(905\) 666-1234$/s);
    const [o] = await cards(FX + 'ez-vcard/outlook-2003.vcf');
    expect(o['备注']).toBe('This is the note field!!\r\nSecond line\r\n\r\nThird line is empty\n其他电话：BusinessPhone、HomePhone、MobilePhone');
    expect(o['姓名']).toBe('John Doe III');
  });

  it('vCard 4.0 (RFC 6350): tel: URIs, BDAY --0203 (no year: --MM-DD, for the notes)', async () => {
    const [c] = await cards(FX + 'ez-vcard/rfc6350-example.vcf');
    // A value starting with + or - is marked as our CSV export marks it (types.ts Row.values): the mapping takes the ' off.
    expect(c).toMatchObject({ 姓名: 'Simon Perreault', 手机: "'+1-418-262-6501", 座机: '', 邮箱: 'simon.perreault@viagenie.ca', 公司: 'Viagenie', 生日: "'--02-03", 备注: '其他电话：+1-418-656-9254;ext=102' });
  });

  it('Gmail: escapes, X-QQ', async () => {
    const [c] = await cards(FX + 'ez-vcard/gmail-single2.vcf');
    expect(c['QQ']).toBe('IM6');
    expect(c['生日']).toBe('1912-06-23');
    const [g] = await cards(FX + 'ez-vcard/gmail-single.vcf');
    expect(g['备注']).toBe("This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField\n其他电话：555 555 1111、555 555 2222");
  });

  it('AOSP Shift_JIS cards decode through their CHARSET', async () => {
    const c = await cards(FX + 'aosp-vcard/v21_multiple_entry.vcf');
    expect(c.map((x) => x['姓名'])).toEqual(['安藤ロイド3', '安藤ロイド4', '安藤ロイド5']);
    const [j] = await cards(FX + 'aosp-vcard/v21_japanese_2.vcf');
    expect(j['地址']).toBe('東京都渋谷区桜丘町26-1セルリアンタワー6階');
  });

  it('Windows-1252 raw bytes and an unknown CHARSET do not crash (FolkerKinzel)', async () => {
    const [a] = await cards(FX + 'folkerkinzel-vcards/AnsiIssue.vcf');
    expect(a['地址']).toContain('Lämmerweg 12');
    const [m] = await cards(FX + 'folkerkinzel-vcards/Murks.vcf');
    expect(m['姓名']).toBe('Sören Täve Nüßlebaum');
  });

  it('an unknown CHARSET on every property is looked up once for the file, and its values read in the file\'s encoding', async () => {
    const p = join(tmp, 'murks-charset.vcf');
    const prop = (name: string, value: string) => Buffer.concat([Buffer.from(`${name};CHARSET=Murks:`), iconv.encode(value, 'windows-1252'), Buffer.from('\r\n')]);
    writeFileSync(p, Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\n'), prop('FN', 'Sören Nüßle'), prop('ORG', 'Müller GmbH'), prop('NOTE', 'Grüße'), Buffer.from('END:VCARD\r\n')]));
    const exists = vi.spyOn(iconv, 'encodingExists');
    try {
      const [c] = await cards(p);
      expect([c['姓名'], c['公司'], c['备注']]).toEqual(['Sören Nüßle', 'Müller GmbH', 'Grüße']);
      expect(exists.mock.calls.filter(([name]) => name === 'murks')).toHaveLength(1);
    } finally {
      exists.mockRestore();
    }
  });

  it('2.1 UTF-8 QP note with soft breaks splitting multi-byte sequences', async () => {
    const [c] = await cards(FX + 'folkerkinzel-vcards/v2_1.vcf');
    expect(c['备注'].split('\r\n')).toHaveLength(6);
    expect(c['备注']).not.toContain('\uFFFD');
    expect(c['备注'].startsWith('Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ üüüüüü ßßßßßß')).toBe(true);
  });

  it('impossible BDAY is kept raw for the validator; several cards in 4.0', async () => {
    const c = await cards(FX + 'folkerkinzel-vcards/v4.vcf');
    expect(c).toHaveLength(2);
    expect(c[1]['生日']).toBe('19723101');
  });

  it('AOSP oddities: comment lines, nested card, "Name" <addr> email, folded EMAIL', async () => {
    // No AGENT before the inner BEGIN:VCARDs: each one closes the card before it (see "missing END:VCARD").
    expect((await cards(FX + 'aosp-vcard/v21_nest.vcf')).map((c) => c['姓名'])).toEqual(['parent', 'nest1', 'nest2']);
    const [e] = await cards(FX + 'aosp-vcard/v21_invalid_multiple_line.vcf');
    expect(e['邮箱']).toBe('omega@example.com');
    const [k] = await cards(FX + 'aosp-vcard/v21_invalid_comment_line.vcf');
    expect(k['备注']).toBe('This is an (sharp ->#<- sharp) example. This message must NOT be ignored.');
  });

  it('4.0 multilang: the CJK FN wins; card with only a PHOTO yields no row', async () => {
    const [m] = await cards(FX + 'py-vobject/vcard40_multilang.vcf');
    expect(m['姓名']).toMatch(/山田/);
    expect(await cards(FX + 'node-vcf/photo-base64.vcf')).toEqual([]);
  });
});

describe('generated vCards', () => {
  it('Chinese Android-style export with GBK QP, CHARSET=GB2312 raw bytes, folding, WeChat/QQ', async () => {
    const qp = (s: string, enc: string): string =>
      [...iconv.encode(s, enc)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    const note = qp('第一行\n第二行', 'gbk');
    const lines = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:${qp('王', 'gbk')};${qp('小明', 'gbk')};;;`,
      'TEL;CELL:+86 138-0013-8000',
      'TEL;WORK;VOICE:010-88886666',
      'TEL;HOME:13912345678',
      'TEL;FAX:010-88886667',
      `NOTE;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:${note.slice(0, 20)}=`,
      note.slice(20),
      'BDAY:19850317',
      'X-QQ:10001',
      'X-WECHAT:wxid_abc',
      'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQ',
      ' AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:李四',
      'ORG:示例科技有限公司;销售部',
      'TITLE:经理',
      'item1.EMAIL;type=INTERNET:li',
      ' si@example.com',
      'item2.TEL:0755-1234567',
      'item2.X-ABLabel:手机',
      'ADR;TYPE=WORK:;;科技园路1号;深圳市;广东省;518000;中国',
      'NOTE:a\\, b\\; c\\nd',
      'BDAY:--0523',
      'END:VCARD',
    ];
    const body = Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l, 'utf8'), Buffer.from('\r\n')])));
    // the GB2312 raw-byte ORG line is added as real bytes
    const raw = Buffer.concat([body.subarray(0, body.indexOf('END:VCARD')), Buffer.from('ORG;CHARSET=GB2312:'), iconv.encode('北京某某公司', 'gbk'), Buffer.from('\r\n'), body.subarray(body.indexOf('END:VCARD'))]);
    const p = join(tmp, 'android.vcf');
    writeFileSync(p, raw);
    const c = await cards(p);
    expect(c).toEqual([
      { 姓名: '王小明', 手机: "'+86 138-0013-8000;13912345678", 座机: '010-88886666', 邮箱: '', 公司: '北京某某公司', 职位: '', 地址: '', 生日: '1985-03-17', 备注: '第一行\n第二行', QQ: '10001', 微信: 'wxid_abc', 性别: '', 标签: '', 记录ID: '' },
      { 姓名: '李四', 手机: '', 座机: '0755-1234567', 邮箱: 'lisi@example.com', 公司: '示例科技有限公司', 职位: '销售部 经理', 地址: '中国广东省深圳市科技园路1号', 生日: "'--05-23", 备注: 'a, b; c\nd', QQ: '', 微信: '', 性别: '', 标签: '', 记录ID: '' },
    ]);
  });

  it('UTF-16LE vCard with BOM, a .txt extension, detected by content', async () => {
    const p = join(tmp, 'contacts.txt');
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:赵六\r\nTEL;TYPE=CELL:15000000000\r\nEND:VCARD\r\n', 'utf-16le')]));
    const { info, sample } = await inspectFile(p);
    expect(info.format).toBe('vcard');
    expect(info.encoding).toBe('utf-16le');
    expect(sample).toEqual([['赵六', '15000000000', '', '', '', '', '', '', '', '', '', '', '', '']]);
  });

  it('gender (vCard 4 GENDER or X-GENDER) and CATEGORIES as tags, a category holding a comma kept whole', async () => {
    const p = join(tmp, 'groups.vcf');
    writeFileSync(p, 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:甲\r\nGENDER:F\r\nCATEGORIES:VIP,重点\\,客户\r\nCATEGORIES:VIP\r\nEND:VCARD\r\n' +
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:乙\r\nX-GENDER:Male\r\nCATEGORIES:重点\\,客户\r\nEND:VCARD\r\n');
    const c = await cards(p);
    expect(c.map((x) => [x['姓名'], x['性别'], x['标签']])).toEqual([['甲', 'F', 'VIP;重点,客户'], ['乙', 'Male', '重点,客户;']]);
    const mapping = suggestMapping('contact', [...VCARD_HEADERS]);
    expect(c.map((x) => mapRow('contact', mapping, VCARD_HEADERS.map((h) => x[h]!)).input.gender)).toEqual(['female', 'male']);
    expect(c.map((x) => mapRow('contact', mapping, VCARD_HEADERS.map((h) => x[h]!)).tagNames)).toEqual([['VIP', '重点,客户'], ['重点,客户']]);
  });

  it('UTF-16BE vCard with BOM read right when "utf-16" is chosen by hand (the BOM decides the byte order)', async () => {
    const p = join(tmp, 'be.vcf');
    writeFileSync(p, Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:赵六\r\nEND:VCARD\r\n', 'utf-16be')]));
    const { info, sample } = await inspectFile(p, { encoding: 'utf-16' });
    expect(info.encoding).toBe('utf-16be');
    expect(sample[0]![0]).toBe('赵六');
  });

  it('many cards stream, line = card number', async () => {
    const p = join(tmp, 'many.vcf');
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) parts.push(`BEGIN:VCARD\nVERSION:3.0\nFN:客户${i}\nTEL:1380000${String(i).padStart(4, '0')}\nEND:VCARD\n`);
    writeFileSync(p, parts.join(''));
    let n = 0;
    let last: { line: number; values: string[] } | null = null;
    for await (const r of readRows(p)) {
      n++;
      last = r;
    }
    expect(n).toBe(5000);
    expect(last).toEqual({ line: 5000, values: ['客户4999', '13800004999', '', '', '', '', '', '', '', '', '', '', '', ''] });
  });

  it('helpers', () => {
    expect(normalizeBirthday('1990-1-1')).toBe('1990-1-1');
    expect(normalizeBirthday('19900101')).toBe('1990-01-01');
    expect(normalizeBirthday('1990-01-01T00:00:00Z')).toBe('1990-01-01');
    expect(normalizeBirthday('--1231')).toBe('--12-31');
  });
});

describe('cards phones really write', () => {
  const file = (name: string, lines: string[], enc = 'utf8'): string => {
    const p = join(tmp, name);
    writeFileSync(p, enc === 'utf8' ? lines.join('\r\n') + '\r\n' : iconv.encode(lines.join('\r\n') + '\r\n', enc));
    return p;
  };
  const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'];

  it('missing END:VCARD: the unfinished card is kept as it is and the next one starts; an AGENT card stays nested', async () => {
    const p = file('noend.vcf', [
      ...card('FN:张三', 'TEL;TYPE=CELL:13800138000').slice(0, -1),
      ...card('FN:李四', 'TEL;TYPE=CELL:13900139000'),
      ...card('FN:王五', 'TEL;TYPE=CELL:13700137000'),
      // vCard 2.1: the AGENT's card follows "AGENT:"; the parent goes on after it.
      'BEGIN:VCARD', 'VERSION:2.1', 'FN:赵六', 'AGENT:', ...card('FN:秘书', 'TEL:13600136000'), 'TEL;CELL:13500135000', 'END:VCARD',
      ...card('FN:孙七').slice(0, -1),
    ]);
    const rows = [];
    for await (const r of readRows(p)) rows.push([r.line, r.values[0], r.values[1]]);
    expect(rows).toEqual([
      [1, '张三', '13800138000'],
      [2, '李四', '13900139000'],
      [3, '王五', '13700137000'],
      [4, '赵六', '13500135000'],
      [5, '孙七', ''],
    ]);
  });

  it('GBK declared by CHARSET (raw bytes or quoted-printable) wins over an accidental UTF-8 reading; no CHARSET: the file\'s encoding', async () => {
    const qp = (text: string) => [...iconv.encode(text, 'gbk')].map((b) => `=${b.toString(16).toUpperCase()}`).join('');
    const gbkLine = (head: string, text: string) => Buffer.concat([Buffer.from(head), iconv.encode(text, 'gbk'), Buffer.from('\r\n')]);
    const ascii = (...lines: string[]) => Buffer.from(lines.map((l) => l + '\r\n').join(''));
    const p = join(tmp, 'gbk-charset.vcf');
    writeFileSync(p, Buffer.concat([
      // 谢伟 and 郑强 in GBK are valid UTF-8 too ("лΰ", "֣ǿ")
      ascii('BEGIN:VCARD', 'VERSION:2.1'), gbkLine('FN;CHARSET=GBK:', '谢伟'), gbkLine('ORG;CHARSET=GBK:', '北京华为有限公司'), ascii('END:VCARD'),
      ascii('BEGIN:VCARD', 'VERSION:2.1', `FN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:${qp('郑强')}`, 'END:VCARD'),
      ascii('BEGIN:VCARD', 'VERSION:2.1'), gbkLine('FN;CHARSET=GB18030:', '肖萍'), ascii('END:VCARD'),
      // Android writes UTF-8 whatever CHARSET it names: bytes GBK cannot read as Chinese stay UTF-8
      ascii('BEGIN:VCARD', 'VERSION:2.1'), Buffer.from('FN;CHARSET=GBK:李四\r\nORG;CHARSET=GBK:示例科技\r\n'), ascii('END:VCARD'),
    ]));
    expect((await cards(p)).map((c) => [c['姓名'], c['公司']])).toEqual([['谢伟', '北京华为有限公司'], ['郑强', ''], ['肖萍', ''], ['李四', '示例科技']]);

    // A whole GBK file without any CHARSET: its detected encoding decides, for 谢伟 too.
    const q = file('gbk-file.vcf', [...card('FN:张三', 'ORG:深圳公司'), ...card('FN:谢伟', 'TITLE:经理')], 'gbk');
    expect((await cards(q)).map((c) => [c['姓名'], c['公司'] || c['职位']])).toEqual([['张三', '深圳公司'], ['谢伟', '经理']]);
  });

  it('a birthday without its year (--MMDD, Apple\'s X-APPLE-OMIT-YEAR) reads as --MM-DD, which the mapping keeps in the notes', async () => {
    const p = file('bday.vcf', [
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:甲一', 'BDAY:--0205', 'NOTE:老客户', 'END:VCARD',
      ...card('FN:乙二', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-05'),
      ...card('FN:丙三', 'BDAY;X-APPLE-OMIT-YEAR=1604:1990-02-05'),
      ...card('FN:丁四', 'BDAY:--12-31'),
    ]);
    const read = await cards(p);
    expect(read.map((c) => [c['姓名'], c['生日'], c['备注']])).toEqual([
      ['甲一', "'--02-05", '老客户'],
      ['乙二', "'--02-05", ''],
      ['丙三', '1990-02-05', ''],
      ['丁四', "'--12-31", ''],
    ]);
    const mapping = suggestMapping('contact', [...VCARD_HEADERS]);
    expect(read.map((c) => mapRow('contact', mapping, VCARD_HEADERS.map((h) => c[h])).input)).toMatchObject([
      { notes: '老客户\n生日：02-05' },
      { notes: '生日：02-05' },
      { birthday: '1990-02-05' },
      { notes: '生日：12-31' },
    ]);
  });

  it('a TEL no phone column takes (service number, extension alone) goes to the notes; a TEL goes to the column it fits, not its TYPE\'s', async () => {
    const p = file('service.vcf', [
      ...card('FN:中国移动', 'TEL;CELL:10086'),
      ...card('FN:工商银行', 'TEL;WORK:95588'),
      ...card('FN:王经理', 'TEL;CELL:13800138000', 'TEL;WORK:8021', 'NOTE:老客户'),
      // a landline typed CELL, a mobile typed WORK, a second landline (座机 takes one), a fax (not a phone)
      ...card('FN:李四', 'TEL;TYPE=CELL:010-88886666', 'TEL;TYPE=WORK:139 1234 5678', 'TEL;TYPE=HOME:0755-12345678', 'TEL;TYPE=FAX:010-11112222'),
      // +E.164: a mobile when typed CELL, else the 座机 (which takes it too)
      ...card('FN:Anna', 'TEL;TYPE=CELL:+49 151 12345678', 'TEL;TYPE=WORK:+49 221 9999123'),
      // more mobiles than the form takes (LIMITS.list)
      ...card('FN:多号', ...Array.from({ length: 11 }, (_, i) => `TEL;TYPE=CELL:1380000${String(i).padStart(4, '0')}`)),
    ]);
    expect((await cards(p)).map((c) => [c['姓名'], c['手机'], c['座机'], c['备注']])).toEqual([
      ['中国移动', '', '', '其他电话：10086'],
      ['工商银行', '', '', '其他电话：95588'],
      ['王经理', '13800138000', '', '老客户\n其他电话：8021'],
      ['李四', '139 1234 5678', '010-88886666', '其他电话：0755-12345678'],
      ['Anna', "'+49 151 12345678", "'+49 221 9999123", ''],
      ['多号', Array.from({ length: 10 }, (_, i) => `1380000${String(i).padStart(4, '0')}`).join(';'), '', '其他电话：13800000010'],
    ]);
  });

  it("a card's text starting with an apostrophe before = + - @, or as Excel's =\"x\", is kept as the card has it", async () => {
    const p = file('marks.vcf', card("FN:'=甲", "NOTE:'=SUM(1)", 'TITLE:="0013800138000"', "ORG:'+公司", "CATEGORIES:'@重点", 'X-WECHAT:-wx', 'ADR:;;@科技园路;;;;'));
    const rows = [];
    for await (const r of readRows(p)) rows.push(r.values);
    const mapped = mapRow('contact', suggestMapping('contact', [...VCARD_HEADERS]), rows[0]!);
    expect(mapped).toMatchObject({
      input: { name: "'=甲", notes: "'=SUM(1)", title: '="0013800138000"', wechat: '-wx', address: '@科技园路' },
      companyName: "'+公司",
      tagNames: ["'@重点"],
    });
  });

  it('ORG company;department: the company is the first part, the departments lead the title', async () => {
    const p = file('org.vcf', [
      ...card('FN:甲', 'ORG:某某公司;销售部', 'TITLE:经理'),
      ...card('FN:乙', 'ORG:某某公司;华东区;销售部'),
      ...card('FN:丙', 'ORG:某某\\;公司'),
      ...card('FN:丁', 'ORG:;销售部', 'TITLE:经理'),
    ]);
    expect((await cards(p)).map((c) => [c['姓名'], c['公司'], c['职位']])).toEqual([
      ['甲', '某某公司', '销售部 经理'],
      ['乙', '某某公司', '华东区 销售部'],
      ['丙', '某某;公司', ''],
      ['丁', '', '销售部 经理'],
    ]);
  });

  it('the address of Kehu\'s own export reads back province city district street; another card\'s extended part stays after the street', async () => {
    const contact: Contact = {
      id: 'c1', ownerId: 'u1', ownerName: null, name: '马丽', gender: 'female', title: null, mobiles: ['13912345678'], landline: null, emails: [],
      wechat: null, qq: null, birthday: null, companyId: null, companyName: null, companyDeletedAt: null,
      province: '甘肃', city: '兰州', district: '城关区', address: '科技园路936号', notes: null, tags: [], custom: {},
      lastContactedAt: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null,
    };
    const p = join(tmp, 'kehu-export.vcf');
    writeFileSync(p, contactCard(contact) + contactCard({ ...contact, name: '马强', province: null, city: null }));
    const q = file('room.vcf', card('FN:李四', 'ADR;TYPE=WORK:;3层;科技园路1号;深圳市;广东省;;'));
    expect([...(await cards(p)), ...(await cards(q))].map((c) => c['地址'])).toEqual(['甘肃兰州城关区科技园路936号', '城关区科技园路936号', '广东省深圳市科技园路1号3层']);
  });

  it("Kehu's own card carries its record id in UID (记录ID); another program's UID is not read as one", async () => {
    const contact = { id: '0190f3c2-7a1b-7c3d-8e4f-123456789abc', name: '马丽', gender: 'unknown', mobiles: [], emails: [], tags: [], custom: {} } as unknown as Contact;
    const p = join(tmp, 'kehu-uid.vcf');
    writeFileSync(p, contactCard(contact));
    const q = file('apple-uid.vcf', card('FN:李四', 'UID:A1B2C3D4-0000-4000-8000-000000000001'));
    expect([...(await cards(p)), ...(await cards(q))].map((c) => c['记录ID'])).toEqual([contact.id, '']);
  });

  it('Chinese characters are Unicode\'s Han script (shared/han.ts): one beyond the BMP puts a name and an address in Chinese order', async () => {
    const p = file('han.vcf', [
      ...card('N:𠀀;𠮷;;;', 'ADR;TYPE=WORK:;;𠀾;𡈼;;;'),
      ...card('N:Zhang;San;;;', 'ADR;TYPE=WORK:;;1 Main St;Springfield;;;'),
      ...card('FN:Zhang San', 'FN:𡈼', 'TEL;TYPE=CELL:13800138000'),
    ]);
    const read = await cards(p);
    expect(read.map((c) => c['姓名'])).toEqual(['𠀀𠮷', 'San Zhang', '𡈼']);
    expect(read.map((c) => c['地址'])).toEqual(['𡈼𠀾', '1 Main St, Springfield', '']);
  });

  it('the export splits N after the surname only for a name all in Chinese characters (shared/han.ts isAllHan) of 2 to 5', () => {
    expect(['张伟', '欧阳娜娜', '王', '爱新觉罗·溥仪', '阿卜杜热合曼', '张 伟', 'Wang Wei', 'Wang'].map(splitName)).toEqual([
      ['张', '伟'], ['欧阳', '娜娜'], ['王', ''], ['爱新觉罗·溥仪', ''], ['阿卜杜热合曼', ''], ['伟', '张'], ['Wei', 'Wang'], ['Wang', ''],
    ]);
  });

  it('the export splits a name by characters: one beyond the basic plane is not cut in half', () => {
    expect(['𠀀三', '张𠮷', '𠀀𠀀𠀀𠀀𠀀𠀀'].map(splitName)).toEqual([['𠀀', '三'], ['张', '𠮷'], ['𠀀𠀀𠀀𠀀𠀀𠀀', '']]);
  });
});
