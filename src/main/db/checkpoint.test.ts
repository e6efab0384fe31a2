import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useTempRuntime } from '../test/use-temp-runtime';
import { AUTOCHECKPOINT_PAGES } from './checkpoint';

const runtime = useTempRuntime();

// In WAL mode the database file itself only changes when a checkpoint copies the log into it.
const fileBytes = () => statSync(runtime().app.db.file).size;

describe('idle checkpoint', () => {
  it('keeps checkpoints out of the saves and copies the log into the file right after them', async () => {
    const rt = runtime();
    expect(rt.app.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTOCHECKPOINT_PAGES);
    await sleep(300); // whatever opening the folder wrote is checkpointed first
    const before = fileBytes();
    for (let i = 0; i < 200; i += 1) await rt.call('companies.create', { name: `检查点公司${i}`, notes: '备注'.repeat(200) });
    expect(fileBytes()).toBe(before);
    await sleep(500);
    expect(fileBytes()).toBeGreaterThan(before);
    expect(rt.app.db.sqlite.pragma('wal_checkpoint(PASSIVE)')).toEqual([{ busy: 0, log: expect.any(Number), checkpointed: expect.any(Number) }]);
  });

  it('stops when the database closes', async () => {
    const rt = runtime();
    await rt.call('companies.create', { name: '关闭前公司' });
    await rt.app.db.close();
    await sleep(300); // a pending checkpoint on the closed connection would throw in the timer
    expect(rt.app.db.sqlite.open).toBe(false);
  });
});
