// Sync by file over real SQLite files: three devices, random work, bundles lost and repeated.
import { describe, expect, it } from 'vitest';
import { KehuError } from '../../shared/errors';
import type { TempRuntime } from '../test/temp-runtime';
import { encodeBundle, readHeader } from './bundle';
import { bundleFor, device, send, snapshot } from './test-devices';

/** The content of the whole file that sync may touch (everything but derived/bookkeeping). */
function content(rt: TempRuntime): string {
  const s = rt.app.db.sqlite;
  return JSON.stringify({
    rows: snapshot(rt),
    log: s.prepare('SELECT * FROM change_log ORDER BY seq').all(),
    clocks: s.prepare('SELECT * FROM field_clock ORDER BY tbl, row_id, col').all(),
    peers: s.prepare('SELECT * FROM sync_peer').all(),
    history: s.prepare('SELECT * FROM sync_history').all(),
    conflicts: s.prepare('SELECT * FROM sync_conflict').all(),
    fts: s.prepare('SELECT count(*) FROM customer_keys').pluck().get(),
  });
}

async function refused(rt: TempRuntime, input: { fileName: string; data: string; passphrase?: string }, code: string) {
  const before = content(rt);
  const error = await rt.call('sync.import', input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KehuError);
  expect((error as KehuError).code).toBe(code);
  expect(content(rt)).toBe(before);
}

describe('sync by file', () => {
  it('carries records to a new device; search finds them; the same bundle twice changes nothing', async () => {
    const a = await device('Office');
    const b = await device('Laptop');
    const co = await a.call('companies.create', { name: '深圳前海科技有限公司' });
    const c = await a.call('contacts.create', { name: '欧阳娜娜', mobiles: ['13812345678'], companyId: co.id });
    const bundle = await bundleFor(a, b);
    expect(bundle.changes).toBeGreaterThanOrEqual(2);
    const first = await b.call('sync.import', bundle);
    expect(first).toMatchObject({ fromDevice: { deviceId: a.app.deviceId, name: 'Office' }, conflicts: 0, skipped: 0, warning: null });
    expect(first.applied).toBe(bundle.changes);
    expect(await b.call('contacts.get', { id: c.id })).toMatchObject({ name: '欧阳娜娜', companyId: co.id });
    const hits = await b.call('search.global', { q: 'ouyang', limit: 10 });
    expect(hits.map((h) => h.id)).toContain(c.id);
    expect((await b.call('search.global', { q: '5678', limit: 10 })).map((h) => h.id)).toContain(c.id);

    const before = content(b);
    const again = await b.call('sync.import', bundle);
    expect(again).toMatchObject({ applied: 0, skipped: bundle.changes, conflicts: 0 });
    // Only the bookkeeping (history, the peer's last import time) says it was imported again.
    const strip = (text: string) => ({ ...(JSON.parse(text) as object), history: [], peers: [] });
    expect(strip(content(b))).toEqual(strip(before));
    expect(snapshot(b)).toEqual(snapshot(a));

    // The answer bundle acknowledges what b holds: a has nothing more to send.
    await send(b, a);
    const status = await a.call('sync.status', {});
    expect(status.devices).toEqual([expect.objectContaining({ deviceId: b.app.deviceId, name: 'Laptop', pending: 0 })]);
    expect((await bundleFor(a, b)).changes).toBe(0);
    expect((await a.call('sync.history', {})).map((h) => h.direction)).toEqual(['export', 'import', 'export']);
  });

  it('heals lost and out-of-order bundles', async () => {
    const a = await device('A');
    const b = await device('B');
    await send(b, a); // introduce b to a
    const x = await a.call('contacts.create', { name: '王一' });
    const lost = await bundleFor(a, b);
    await a.call('contacts.update', { id: x.id, patch: { title: '经理' } });
    const second = await bundleFor(a, b);
    await a.call('contacts.update', { id: x.id, patch: { title: '总监' } });
    const third = await bundleFor(a, b);
    void lost;
    await b.call('sync.import', third);
    await b.call('sync.import', second);
    expect(await b.call('contacts.get', { id: x.id })).toMatchObject({ title: '总监' });
    expect(snapshot(b)).toEqual(snapshot(a));
    expect(await b.call('sync.conflicts', {})).toEqual([]);
  });

  it('refuses corrupt, truncated, foreign, newer, smuggled and wrongly locked bundles whole', async () => {
    const a = await device('A');
    const b = await device('B');
    await a.call('contacts.create', { name: '李雷', mobiles: ['13900001111'] });
    await b.call('contacts.create', { name: '韩梅梅' });
    const good = await bundleFor(a, b);
    const bytes = Buffer.from(good.data, 'base64');
    const flip = Buffer.from(bytes);
    flip[flip.length - 5] ^= 0x01;
    await refused(b, { fileName: 'f', data: flip.toString('base64') }, 'bundle_invalid');
    const flipHeader = Buffer.from(bytes);
    flipHeader[30] ^= 0x01;
    await refused(b, { fileName: 'f', data: flipHeader.toString('base64') }, 'bundle_invalid');
    await refused(b, { fileName: 't', data: bytes.subarray(0, bytes.length - 20).toString('base64') }, 'bundle_invalid');
    await refused(b, { fileName: 't', data: bytes.subarray(0, 10).toString('base64') }, 'bundle_invalid');
    await refused(b, { fileName: 'x', data: Buffer.from('hello').toString('base64') }, 'bundle_invalid');
    await refused(b, await bundleFor(b, a), 'bundle_foreign');

    const locked = await bundleFor(a, b, 'correct horse');
    await refused(b, { ...locked, passphrase: 'wrong horse' }, 'bundle_wrong_passphrase');
    await refused(b, { ...locked }, 'bundle_wrong_passphrase');

    // A newer format, and rows naming rid or an unknown table, each with a valid checksum.
    const { header } = readHeader(bytes);
    const info = { deviceId: header.deviceId, deviceName: 'A', forDevice: null, createdAt: header.createdAt, vector: header.vector };
    const hlc = `${new Date().toISOString()}-0000-${header.deviceId}`;
    const newer = encodeBundle(info, []).bytes;
    const h = JSON.parse(newer.subarray(12, 12 + newer.readUInt32BE(8)).toString()) as Record<string, unknown>;
    h.format = 99;
    const hb = Buffer.from(JSON.stringify(h));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(hb.length);
    await refused(b, { fileName: 'n', data: Buffer.concat([newer.subarray(0, 8), len, hb]).toString('base64') }, 'bundle_newer');
    const smuggle = (tbl: string, fields: Record<string, unknown>) =>
      encodeBundle(info, [{ device: header.deviceId, hlc, tbl, row: 'r1', fields, base: null }]).bytes.toString('base64');
    await refused(b, { fileName: 's', data: smuggle('contacts', { rid: 1 }) }, 'bundle_invalid');
    await refused(b, { fileName: 's', data: smuggle('sqlite_master', { name: 'x' }) }, 'bundle_invalid');
    await refused(b, { fileName: 's', data: smuggle('meta', { key: 'device_id', value: 'x' }) }, 'bundle_invalid');
    await refused(b, { fileName: 's', data: smuggle('contacts', { 'name = 1; --': 'x' }) }, 'bundle_invalid');
    // A row that breaks a constraint halfway through: rolled back, refused.
    await refused(b, { fileName: 's', data: smuggle('contacts', { id: 'r1', created_at: 'now' }) }, 'bundle_invalid');

    const ok = await b.call('sync.import', { ...locked, passphrase: 'correct horse' });
    expect(ok.applied).toBeGreaterThan(0);
  });

  it('keeps the loser of concurrent edits in the inbox; resolving writes a new change that syncs onward', async () => {
    const a = await device('A');
    const b = await device('B');
    const x = await a.call('contacts.create', { name: '张三', title: '工程师' });
    await send(a, b);
    await send(b, a);
    await a.call('contacts.update', { id: x.id, patch: { title: '经理' } });
    await b.call('contacts.update', { id: x.id, patch: { title: '总监', notes: '只在B' } });
    await send(a, b);
    await send(b, a);
    const ta = (await a.call('contacts.get', { id: x.id })).title;
    expect((await b.call('contacts.get', { id: x.id })).title).toBe(ta);
    expect(ta).toBe('总监'); // b edited later: higher HLC
    expect((await a.call('contacts.get', { id: x.id })).notes).toBe('只在B');
    const [conflict] = await a.call('sync.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'field', table: 'contacts', rowId: x.id, recordName: '张三', field: 'title', localValue: '经理', remoteValue: '总监' });
    expect(await b.call('sync.conflicts', {})).toEqual([expect.objectContaining({ field: 'title', localValue: '总监', remoteValue: '经理' })]);

    await a.call('sync.resolve', { id: conflict.id, keep: 'local' });
    expect((await a.call('contacts.get', { id: x.id })).title).toBe('经理');
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    await send(a, b);
    expect((await b.call('contacts.get', { id: x.id })).title).toBe('经理');
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  it('an edit that meets a delete is a conflict, not lost, on both sides; keeping the edit restores the record', async () => {
    const a = await device('A');
    const b = await device('B');
    const x = await a.call('contacts.create', { name: '赵六' });
    await send(a, b);
    await send(b, a);
    await a.call('contacts.delete', { ids: [x.id] });
    await b.call('contacts.update', { id: x.id, patch: { title: '新头衔' } });
    await send(a, b);
    await send(b, a);
    expect(snapshot(a)).toEqual(snapshot(b));
    const onA = await a.call('sync.conflicts', {});
    const onB = await b.call('sync.conflicts', {});
    expect(onA).toEqual([expect.objectContaining({ kind: 'edit_on_deleted', field: 'deleted_at', rowId: x.id })]);
    expect(onB).toEqual([expect.objectContaining({ kind: 'edit_on_deleted', field: 'deleted_at', rowId: x.id })]);
    // The edit is in the (deleted) row; keeping it restores the record everywhere.
    const restore = onB[0].localValue === null ? { id: onB[0].id, keep: 'local' as const } : { id: onB[0].id, keep: 'remote' as const };
    await b.call('sync.resolve', restore);
    await send(b, a);
    expect(await a.call('contacts.get', { id: x.id })).toMatchObject({ title: '新头衔' });
    expect(a.app.db.sqlite.prepare('SELECT deleted_at FROM contacts WHERE id = ?').pluck().get(x.id)).toBeNull();
    expect((await a.call('search.global', { q: '赵六', limit: 5 })).map((h) => h.id)).toContain(x.id);
  });

  it('warns of a device whose clock is far ahead, and still applies', async () => {
    const a = await device('A');
    const b = await device('B');
    const realNow = Date.now;
    const clock = a.app.clock as unknown as { now: () => number };
    const prior = clock.now;
    clock.now = () => realNow() + 3 * 3600_000;
    await a.call('contacts.create', { name: '未来人' });
    clock.now = prior;
    const summary = await send(a, b);
    expect(summary).toMatchObject({ applied: 1, warning: 'sync.warn_clock_ahead' });
  });
});
