// The conflict inbox settles itself: an entry closes ('superseded') once a later decision that saw
// both values reaches the device, and stays open when the later change never saw the losing value.
import { describe, expect, it } from 'vitest';
import type { TempRuntime } from '../test/temp-runtime';
import { hlcDevice, supersedes } from './merge';
import { device, send } from './test-devices';

const kept = (rt: TempRuntime) => rt.app.db.sqlite.prepare('SELECT kept FROM sync_conflict ORDER BY created_at, id').pluck().all();
const title = async (rt: TempRuntime, id: string) => (await rt.call('contacts.get', { id })).title;

/** Two devices that both hold one contact, then edit its title concurrently (b later: b wins). */
async function concurrentTitles() {
  const a = await device('Office');
  const b = await device('Laptop');
  const x = await a.call('contacts.create', { name: '张三', title: '工程师' });
  await send(a, b);
  await send(b, a);
  await a.call('contacts.update', { id: x.id, patch: { title: '经理' } });
  // A later millisecond: within the same one, the two clocks tie and the device ids decide.
  await new Promise((resolve) => setTimeout(resolve, 5));
  await b.call('contacts.update', { id: x.id, patch: { title: '总监' } });
  return { a, b, id: x.id };
}

describe('conflict inbox: superseded entries close', () => {
  it('the other side kept this value: after a full exchange no device keeps an open conflict', async () => {
    const { a, b, id } = await concurrentTitles();
    await send(a, b);
    await send(b, a);
    expect(await a.call('sync.conflicts', {})).toHaveLength(1);
    const [onB] = await b.call('sync.conflicts', {});
    expect(onB).toMatchObject({ field: 'title', localValue: '总监', remoteValue: '经理' });
    expect(onB.localDevice).toBe(b.app.deviceId);
    expect(onB.remoteDevice).toBe(a.app.deviceId);

    await b.call('sync.resolve', { id: onB.id, keep: 'remote' });
    await send(b, a);
    await send(a, b);
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    expect(await b.call('sync.conflicts', {})).toEqual([]);
    expect(await title(a, id)).toBe('经理');
    expect(await title(b, id)).toBe('经理');
    expect(kept(a)).toEqual(['superseded']);
    expect(kept(b)).toEqual(['remote']);
    expect((await a.call('sync.status', {})).openConflicts).toBe(0);
  });

  it('the device whose value lost edits the field again: settled here and there', async () => {
    const { a, b, id } = await concurrentTitles();
    await send(a, b);
    await send(b, a);
    await a.call('contacts.update', { id, patch: { title: '副总' } });
    expect(await a.call('sync.conflicts', {})).toEqual([]); // a person here set it again
    await send(a, b);
    expect(await b.call('sync.conflicts', {})).toEqual([]);
    expect(await title(b, id)).toBe('副总');
    expect(kept(a)).toEqual(['superseded']);
    expect(kept(b)).toEqual(['superseded']);
  });

  it('stays open when the later change never saw the losing value', async () => {
    const { a, b, id } = await concurrentTitles();
    // b edits again before it hears of a's value: a later, sequential change, but blind to '经理'.
    await b.call('contacts.update', { id, patch: { title: '董事' } });
    await send(b, a);
    const onA = await a.call('sync.conflicts', {});
    expect(onA).toEqual([expect.objectContaining({ field: 'title', localValue: '经理', remoteValue: '总监' })]);
    expect(await title(a, id)).toBe('董事');

    // A third device that only ever held b's value edits the field: a's entry still stays open.
    const c = await device('Tablet');
    await send(b, c);
    await c.call('contacts.update', { id, patch: { title: '顾问' } });
    await send(c, a);
    expect(await title(a, id)).toBe('顾问');
    expect(await a.call('sync.conflicts', {})).toHaveLength(1);
    // Another field of the record changing settles nothing either.
    await send(b, a);
    expect(await a.call('sync.conflicts', {})).toHaveLength(1);
  });

  it('supersedes(): later, on top of the winner, and having seen the loser', () => {
    const h = (t: string, d: string) => `2026-06-11T10:00:${t}.000Z-0000-${d}`;
    const o = { id: 'c', local_value: '"A"', remote_value: '"B"', local_hlc: h('01', 'aa'), remote_hlc: h('02', 'bb'), winner: 'remote' };
    const base = h('02', 'bb');
    expect(supersedes(o, { device: 'bb', hlc: h('03', 'bb'), base, value: 'A' })).toBe(true); // wrote the loser
    expect(supersedes(o, { device: 'aa', hlc: h('03', 'aa'), base, value: 'C' })).toBe(true); // the loser's device
    expect(supersedes(o, { device: 'bb', hlc: h('03', 'bb'), base, value: 'C' })).toBe(false); // never saw 'A'
    expect(supersedes(o, { device: 'cc', hlc: h('03', 'cc'), base, value: 'C' })).toBe(false);
    expect(supersedes(o, { device: 'aa', hlc: h('03', 'aa'), base: h('01', 'aa'), value: 'C' })).toBe(false); // concurrent
    expect(supersedes(o, { device: 'aa', hlc: h('00', 'aa'), base, value: 'A' })).toBe(false); // older
    expect(hlcDevice(h('03', 'office-pc-01'))).toBe('office-pc-01');
  });
});
