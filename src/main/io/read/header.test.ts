import { describe, expect, it } from 'vitest';
import { TableRows } from './header';
import type { Row } from './types';

/** Feeds numbered rows (null: an empty row, which the readers skip but count) the way csv.ts and xlsx.ts do. */
function feed(rows: (string[] | null)[], first = 1): { headers: string[][]; out: Row[]; table: TableRows } {
  const headers: string[][] = [];
  const table = new TableRows((h) => headers.push(h));
  const out: Row[] = [];
  rows.forEach((values, i) => {
    if (!values) return;
    if (table.headers) out.push(table.data(first + i, values));
    else out.push(...table.push(first + i, values));
  });
  out.push(...table.end());
  return { headers, out, table };
}

describe('TableRows', () => {
  it('title rows are dropped; the header is announced once, cleaned; lines count from it, padded to its width', () => {
    const { headers, out, table } = feed([['客户信息表', '', ''], null, [' 姓名\uFEFF', '手机', '公司'], ['张三', '1'], null, ['李四', '2', '甲', '多']]);
    expect(headers).toEqual([['姓名', '手机', '公司']]);
    expect(table.headerNumber).toBe(3);
    expect(out).toEqual([
      { line: 1, values: ['张三', '1', ''] },
      { line: 3, values: ['李四', '2', '甲', '多'] },
    ]);
  });

  it('rows are held back while the header is looked for, and no longer: four narrow rows make the first the header', () => {
    const headers: string[][] = [];
    const table = new TableRows((h) => headers.push(h));
    expect([table.push(2, ['姓名']), table.push(4, ['张三']), table.push(5, ['李四'])]).toEqual([[], [], []]);
    expect(table.headers).toBeNull();
    expect(table.push(7, ['王五'])).toEqual([
      { line: 2, values: ['张三'] },
      { line: 3, values: ['李四'] },
      { line: 5, values: ['王五'] },
    ]);
    expect(headers).toEqual([['姓名']]);
    expect(table.data(8, ['赵六', '备注'])).toEqual({ line: 6, values: ['赵六', '备注'] });
    expect(table.end()).toEqual([]);
    expect(headers).toHaveLength(1);
  });

  it('a short one-column table: its end makes the first row the header and releases the rest', () => {
    const { headers, out } = feed([null, ['姓名'], null, ['张三']]);
    expect(headers).toEqual([['姓名']]);
    expect(out).toEqual([{ line: 2, values: ['张三'] }]);
  });

  it('no rows: no header, nothing announced, the header number stays 0', () => {
    const { headers, out, table } = feed([null, null]);
    expect([headers, out, table.headers, table.headerNumber]).toEqual([[], [], null, 0]);
  });
});
