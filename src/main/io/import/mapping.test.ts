// What mapRow makes of a row's cells, through the real import (read, map, check, write to SQLite):
// the text mark our export writes (cells.ts neutralise) and the vCard reader's own marking.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/contacts';
import { csv, download, importFile, runtime } from './test-import';

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
