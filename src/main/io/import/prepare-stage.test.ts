// The prepare stage gives the writer the same batches whether it runs in the writer's thread or on
// a thread of its own, and a failure in that thread reaches the writer (which rolls back).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preparedBatches, preparedInThread, type PrepareInput } from './prepare-stage';
import type { PreparedRow } from './prepare';

const dir = mkdtempSync(join(tmpdir(), 'kehu-prepare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = Array.from({ length: 2500 }, (_, i) => (i % 500 === 7 ? `,bad${i},,` : `张${i},1${String(3800000000 + i)},公司${i % 30},VIP;标签${i % 5}`));
const path = join(dir, 'rows.csv');
writeFileSync(path, `姓名,手机,公司,标签\n${rows.join('\n')}\n`);
const input: PrepareInput = { entity: 'contact', mapping: { 0: 'name', 1: 'mobiles', 2: 'company', 3: 'tags' }, defs: [], onDuplicate: 'update_empty', width: 4, locale: 'zh-CN', path, read: {} };

async function collect(batches: AsyncIterable<PreparedRow[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  // Ids are new UUIDv7s on either side: compared without them.
  for await (const batch of batches) out.push(batch.map((r) => ({ ...r, id: r.rejected ? undefined : typeof r.id })));
  return out;
}

describe('prepare stage', () => {
  it('gives the same batches in the writer thread and on its own thread', async () => {
    const here = await collect(preparedBatches(input));
    expect(here.length).toBeGreaterThan(1);
    expect(here.flat()).toHaveLength(2500);
    expect((here[0] as PreparedRow[])[7]).toMatchObject({ line: 8, rejected: { reason: expect.stringContaining('validation.required') } });
    // A row that may update a record carries its cells (the writer checks them again for the update).
    expect((here[0] as PreparedRow[])[0]).toMatchObject({ line: 1, values: ['张0', '13800000000', '公司0', 'VIP;标签0'], keys: [{ kind: 'mobile', value: '13800000000' }, { kind: 'name_company' }] });
    expect(await collect(preparedInThread(input))).toEqual(here);
  }, 60_000);

  it('rows that can only be created or skipped do not carry their cells', async () => {
    const [first] = (await collect(preparedBatches({ ...input, onDuplicate: 'skip' })))[0] as PreparedRow[];
    expect(first).not.toHaveProperty('values');
    expect(first).toHaveProperty('keys');
  });

  it('a failure on its thread reaches the writer', async () => {
    await expect(collect(preparedInThread({ ...input, failAtRow: 1500 }))).rejects.toThrow('test failure at row 1500');
  }, 60_000);
});
