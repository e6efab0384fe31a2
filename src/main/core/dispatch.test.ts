import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinSession } from '../../shared/permissions';
import { tempRuntime, type TempRuntime } from '../test/temp-runtime';
import { createDispatch } from './dispatch';
import { handlers } from './handlers';
import { newId } from './ids';

let rt: TempRuntime;
beforeEach(async () => {
  rt = await tempRuntime();
});
afterEach(async () => {
  await rt.dispose();
});

const count = (table: string) => rt.app.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('dispatch', () => {
  it('refuses an unknown channel with a typed error', async () => {
    const r = await rt.dispatch('contacts.dropAll', {}, null);
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_channel' }) });
  });

  it('refuses a caller without a session', async () => {
    const r = await rt.dispatch('tags.list', {}, null);
    expect(r.ok === false && r.error.code).toBe('unauthenticated');
  });

  it('turns bad input into field messages, never a stack trace', async () => {
    const session = builtinSession('admin', 'owner', 'x');
    const r2 = await rt.dispatch('tags.save', { name: '', color: 'red' }, session);
    if (r2.ok) throw new Error('accepted bad input');
    expect(r2.error.code).toBe('invalid_input');
    expect(r2.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'validation.required' },
        { path: 'color', message: 'validation.color' },
      ]),
    );
    expect(JSON.stringify(r2.error)).not.toMatch(/at .*\.ts/);
  });

  it('refuses a channel the role lacks', async () => {
    const marketing = builtinSession('marketing', 'm1', 'm');
    const r = await rt.dispatch('tags.save', { name: '大客户', color: '#ff0000' }, marketing);
    expect(r.ok === false && r.error.code).toBe('forbidden');
    expect(count('tags')).toBe(0);
    expect(count('audit_log')).toBe(0);
  });

  it('records a change_log row with only the set fields, and an audit row, per mutation', async () => {
    const tag = await rt.call('tags.save', { name: '大客户', color: '#ff0000' });
    await rt.call('tags.save', { id: tag.id, name: '重点客户', color: '#ff0000' });
    const changes = rt.app.db.sqlite.prepare('SELECT * FROM change_log ORDER BY seq').all() as { hlc: string; tbl: string; row_id: string; fields: string; device_id: string }[];
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ tbl: 'tags', row_id: tag.id, device_id: rt.app.deviceId });
    expect(JSON.parse(changes[0].fields)).toMatchObject({ name: '大客户', color: '#ff0000', owner_id: 'owner' });
    const second = JSON.parse(changes[1].fields);
    expect(Object.keys(second).sort()).toEqual(['name', 'updated_at']);
    expect(changes[1].hlc > changes[0].hlc).toBe(true);
    const audit = rt.app.db.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { action: string; before: string; after: string; user_id: string }[];
    expect(audit.map((a) => a.action)).toEqual(['tags.save', 'tags.save']);
    expect(JSON.parse(audit[1].before)[`tags:${tag.id}`]).toEqual({ name: '大客户' });
    expect(JSON.parse(audit[1].after)[`tags:${tag.id}`]).toMatchObject({ name: '重点客户' });
  });

  it('rolls back every write of a mutation that fails, logs included', async () => {
    const failing = createDispatch(rt.gate, {
      ...handlers,
      'tags.save': async (_input, ctx) => {
        await ctx.changes.insert('tags', { id: newId(), name: 'half', color: '#000000' });
        throw new Error('disk on fire');
      },
    });
    const session = builtinSession('admin', 'owner', 'x');
    const r = await failing('tags.save', { name: 'x', color: '#000000' }, session);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'errors.internal' } });
    expect(count('tags')).toBe(0);
    expect(count('change_log')).toBe(0);
    expect(count('audit_log')).toBe(0);
  });

  it('keeps the audit log append-only', async () => {
    await rt.call('tags.save', { name: 'a', color: '#000000' });
    expect(() => rt.app.db.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => rt.app.db.sqlite.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
  });

  it('persists the clock so timestamps keep rising across restarts', async () => {
    await rt.call('tags.save', { name: 'a', color: '#000000' });
    const last = rt.app.clock.current();
    const stored = rt.app.db.sqlite.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).pluck().get();
    expect(stored).toBe(last);
  });
});
