// What mapRow makes of a row's cells, through the real import (read, map, check, write to SQLite):
// the text mark our export writes (cells.ts neutralise) and the vCard reader's own marking, and the
// phone numbers of a CSV row (a mobile in a 电话 column, a landline in a 手机 column). Which column a
// vCard's TEL lines reach is the reader's (read/vcard.test.ts): it alone sees their TYPE.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/contacts';
import { csv, download, importFile, runtime } from './test-import';

const FIXTURES = join(__dirname, '../../../../../shared/fixtures');

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';
const vcf = (...cards: string[]) => Buffer.from(cards.join(''), 'utf8');

async function contacts(rt: Awaited<ReturnType<typeof runtime>>): Promise<Contact[]> {
  return (await rt.call('contacts.list', { filter: {}, sort: 'name', dir: 'asc', limit: 500 })).items;
}

describe('a cell marked as text', () => {
  it("a CSV cell's leading apostrophe before = + - @ is the mark, taken off once; an unmarked =\"…\" is Excel's text, a marked one stays", async () => {
    const rt = await runtime();
    const text = ['姓名,职位,备注,地址', `'=甲,'+1,"''=SUM(1)","'=""0013800138000"""`, `乙,'a,"=""0013800138000""",'-1`].join('\n');
    expect((await importFile(rt, 'marks.csv', csv(text))).result).toMatchObject({ created: 2, rejected: 0 });
    expect((await contacts(rt)).map((c) => [c.name, c.title, c.notes, c.address])).toEqual([
      ['=甲', '+1', "'=SUM(1)", '="0013800138000"'],
      ['乙', "'a", '0013800138000', '-1'],
    ]);
  });

  it("another program's vCard keeps its text as it is: '=x, =\"x\" and +x", async () => {
    const rt = await runtime();
    const file = vcf(card("FN:'=甲", "NOTE:'=SUM(1)", 'TITLE:="0013800138000"', 'X-WECHAT:+wx', "ORG:'@公司"));
    expect((await importFile(rt, 'marks.vcf', file)).result).toMatchObject({ created: 1, rejected: 0, companiesCreated: 1 });
    expect((await contacts(rt)).map((c) => [c.name, c.notes, c.title, c.wechat, c.companyName])).toEqual([["'=甲", "'=SUM(1)", '="0013800138000"', '+wx', "'@公司"]]);
  });

  it("a refused card's text is marked in the rejected-rows CSV, so a spreadsheet opening it runs no formula", async () => {
    const rt = await runtime();
    const { result } = await importFile(rt, 'bad.vcf', vcf(card('FN:=1+1', 'EMAIL:not-an-email', 'NOTE:@x')));
    expect(result).toMatchObject({ created: 0, rejected: 1 });
    const [, row] = (await download(rt, result.rejectedFile!)).slice(1).trim().split('\r\n');
    expect(row!.split(',').slice(0, 9)).toEqual(["'=1+1", '', '', 'not-an-email', '', '', '', '', "'@x"]);
  });
});

describe('phone numbers in a CSV row', () => {
  it("a mobile in a 电话 or phone column is a mobile (DuckDB's phonenumbers.csv: +country numbers under 'phone')", async () => {
    const rt = await runtime();
    const { result } = await importFile(rt, 'phones.csv', csv('姓名,电话\n张三,138 0013 8000\n'));
    expect(result).toMatchObject({ created: 1, rejected: 0 });
    // The fixture is a 'phone' column alone: each of its numbers gets a name, which the form requires.
    const numbers = readFileSync(join(FIXTURES, 'csv/duckdb/phonenumbers.csv'), 'utf8').trim().split('\n');
    const rows = numbers.slice(1).map((n, i) => `客户${i},${n}`);
    expect((await importFile(rt, 'duckdb.csv', csv(['name,phone', ...rows].join('\n')))).result).toMatchObject({ created: 3, rejected: 0 });
    expect((await contacts(rt)).map((c) => [c.name, c.mobiles, c.landline])).toEqual([
      ['客户0', ['+318855443322'], null],
      ['客户1', ['+552244331122'], null],
      ['客户2', ['+12233445567'], null],
      ['张三', ['13800138000'], null],
    ]);
  });

  it('a landline in a 手机 column is the 座机 when that is free; one more, with the 座机 taken, refuses the row (the form takes one)', async () => {
    const rt = await runtime();
    const text = ['姓名,手机,座机', '甲,"13800138000;010-88886666",', '乙,0755-12345678,010-88886666'].join('\n');
    const { result } = await importFile(rt, 'landlines.csv', csv(text));
    expect(result).toMatchObject({ created: 1, rejected: 1 });
    expect((await contacts(rt)).map((c) => [c.name, c.mobiles, c.landline])).toEqual([['甲', ['13800138000'], '010-88886666']]);
    expect(await download(rt, result.rejectedFile!)).toContain('手机号码: 请输入正确的手机号');
  });

  it('a mobile in a 座机 column stays the landline, as the form keeps it (our own export writes it so)', async () => {
    const rt = await runtime();
    expect((await importFile(rt, 'kept.csv', csv('姓名,手机,座机\n甲,13900139000,13700137000\n'))).result).toMatchObject({ created: 1, rejected: 0 });
    expect((await contacts(rt)).map((c) => [c.mobiles, c.landline])).toEqual([[['13900139000'], '13700137000']]);
  });
});

describe('invisible characters', () => {
  it('zero-width spaces copied from a chat are dropped; the joiners of an emoji in a note are kept (a family stays one emoji)', async () => {
    const rt = await runtime();
    const notes = '家人 👨\u200d👩\u200d👧，同事 👩🏽\u200d💻，旗 🏳️\u200d🌈';
    expect((await importFile(rt, 'z.csv', csv(`姓名,备注\n\u200b张\u200d三\u200c,${notes}\n`))).result).toMatchObject({ created: 1 });
    expect((await contacts(rt)).map((c) => [c.name, c.notes])).toEqual([['张三', notes]]);
  });
});
