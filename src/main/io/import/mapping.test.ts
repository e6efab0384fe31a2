// What mapRow makes of a row's cells, through the real import (read, map, check, write to SQLite):
// the text mark our export writes (cells.ts neutralise).
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/contacts';
import { csv, importFile, runtime } from './test-import';

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
});
