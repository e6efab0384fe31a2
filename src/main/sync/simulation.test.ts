// Three devices make random creates, edits and deletes through the dispatcher, exchange bundles
// in random order with repeats and losses, then a full exchange: all three files end identical,
// and every value overwritten by a concurrent edit is in a conflict inbox.
import { afterAll, describe, expect, it } from 'vitest';
import { KehuError } from '../../shared/errors';
import { SYNCED_TABLES } from '../db/schema';
import { OWNER_ID } from '../core/session';
import { tempRuntime, type TempRuntime } from '../test/temp-runtime';

const SEED = 20260611;
const STEPS = Number(process.env.SYNC_SIM_STEPS ?? 3000);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴倩', '欧阳娜娜', '司马光'];
const TITLES = ['经理', '总监', '工程师', '销售', '采购', null];
const COMPANIES = ['前海科技', '华南贸易', '星河物流', '云端软件', '长江制造'];

const devices: TempRuntime[] = [];
afterAll(async () => {
  for (const d of devices) await d.dispose();
});

function rows(rt: TempRuntime, sqlText: string, ...args: unknown[]): Record<string, unknown>[] {
  return rt.app.db.sqlite.prepare(sqlText).all(...args) as Record<string, unknown>[];
}

function snapshot(rt: TempRuntime): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of SYNCED_TABLES) out[t] = rows(rt, `SELECT * FROM ${t} WHERE id != ? ORDER BY id`, OWNER_ID).map(({ rid: _r, ...r }) => r);
  return out;
}

describe('sync simulation', () => {
  it(`${STEPS} random steps on three devices converge, no concurrent value lost`, async () => {
    const rnd = mulberry32(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    for (const name of ['Office', 'Laptop', 'Tablet']) {
      const rt = await tempRuntime();
      await rt.call('sync.rename', { name });
      devices.push(rt);
    }
    const idsOf = (rt: TempRuntime, table: string, live = true) =>
      rows(rt, `SELECT id FROM ${table} ${live ? 'WHERE deleted_at IS NULL' : 'WHERE deleted_at IS NOT NULL'}`).map((r) => String(r.id));
    const mail: { to: number; bundle: { fileName: string; data: string } }[] = [];
    let ops = 0;
    let delivered = 0;

    const exportFor = async (from: number, to: number) => {
      const known = (await devices[from].call('sync.status', {})).devices.some((d) => d.deviceId === devices[to].app.deviceId);
      return devices[from].call('sync.export', { deviceId: known ? devices[to].app.deviceId : null });
    };

    for (let step = 0; step < STEPS; step++) {
      const i = Math.floor(rnd() * 3);
      const rt = devices[i];
      const r = rnd();
      try {
        if (r < 0.08) {
          // Export for another device; the bundle may be lost, delivered later, or twice.
          const to = (i + 1 + Math.floor(rnd() * 2)) % 3;
          const bundle = await exportFor(i, to);
          if (rnd() > 0.2) mail.push({ to, bundle });
          if (rnd() < 0.15) mail.push({ to, bundle });
        } else if (r < 0.16 && mail.length) {
          const [m] = mail.splice(Math.floor(rnd() * mail.length), 1);
          await devices[m.to].call('sync.import', m.bundle);
          delivered++;
        } else if (r < 0.3) {
          const companies = idsOf(rt, 'companies');
          await rt.call('contacts.create', {
            name: pick(NAMES),
            title: pick(TITLES),
            companyId: companies.length && rnd() < 0.5 ? pick(companies) : null,
            allowDuplicate: true,
          });
        } else if (r < 0.36) {
          await rt.call('companies.create', { name: pick(COMPANIES) + step, allowDuplicate: true });
        } else if (r < 0.6) {
          const ids = idsOf(rt, 'contacts');
          if (ids.length) {
            const patch = pick([{ title: pick(TITLES) }, { notes: `n${step}` }, { name: pick(NAMES) }, { title: pick(TITLES), notes: `m${step}` }]);
            await rt.call('contacts.update', { id: pick(ids), patch });
          }
        } else if (r < 0.66) {
          const ids = idsOf(rt, 'companies');
          if (ids.length) await rt.call('companies.update', { id: pick(ids), patch: { notes: `c${step}` } });
        } else if (r < 0.72) {
          const ids = idsOf(rt, 'contacts');
          if (ids.length) await rt.call('contacts.delete', { ids: [pick(ids)] });
        } else if (r < 0.75) {
          const ids = idsOf(rt, 'contacts', false);
          if (ids.length) await rt.call('trash.restore', { entity: 'contact', ids: [pick(ids)] });
        } else if (r < 0.79) {
          await rt.call('tags.save', { name: `标签${step}`, color: pick(['#f5222d', '#1677ff', '#52c41a']) });
        } else if (r < 0.86) {
          const tags = idsOf(rt, 'tags');
          const contacts = idsOf(rt, 'contacts');
          if (tags.length && contacts.length) await rt.call('tags.apply', { tagId: pick(tags), recordIds: [pick(contacts)], on: rnd() < 0.7 });
        } else {
          const contacts = idsOf(rt, 'contacts');
          if (contacts.length) {
            await rt.call('activities.create', {
              subjectType: 'contact',
              subjectId: pick(contacts),
              kind: pick(['call', 'visit', 'note'] as const),
              occurredAt: new Date(Date.UTC(2026, 0, 1 + (step % 28))).toISOString(),
              content: `记录${step}`,
            });
          }
        }
        ops++;
      } catch (e) {
        if (!(e instanceof KehuError) || e.code === 'internal' || e.code.startsWith('bundle_')) throw e;
      }
    }
    // Leftover mail arrives late, in random order.
    while (mail.length) {
      const [m] = mail.splice(Math.floor(rnd() * mail.length), 1);
      await devices[m.to].call('sync.import', m.bundle);
      delivered++;
    }
    // A full exchange: every device to every other, twice.
    for (let round = 0; round < 2; round++) {
      for (let from = 0; from < 3; from++) {
        for (let to = 0; to < 3; to++) {
          if (from !== to) await devices[to].call('sync.import', await exportFor(from, to));
        }
      }
    }

    const [a, b, c] = devices.map(snapshot);
    expect(a.contacts.length).toBeGreaterThan(50);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const logOf = (rt: TempRuntime) => rows(rt, 'SELECT device_id, hlc, tbl, row_id, fields, base FROM change_log ORDER BY hlc, tbl, row_id');
    const log = logOf(devices[0]);
    expect(logOf(devices[1])).toEqual(log);
    expect(logOf(devices[2])).toEqual(log);
    // Search sees the same live contacts everywhere.
    const keys = (rt: TempRuntime) => rows(rt, 'SELECT kind, value, record_id FROM customer_keys ORDER BY 1, 2, 3');
    expect(keys(devices[1])).toEqual(keys(devices[0]));

    // Oracle: a value that is not the final one was either overwritten knowingly (some change
    // names its HLC as base) or is in some device's conflict inbox.
    const NO_CONFLICT = new Set(['updated_at', 'name_py', 'name_initials', 'name_key', 'last_contacted_at']);
    const overwritten = new Set<string>();
    for (const ch of log) {
      const base = ch.base ? (JSON.parse(String(ch.base)) as Record<string, string | null>) : {};
      for (const [col, h] of Object.entries(base)) if (h) overwritten.add(`${String(ch.tbl)}|${String(ch.row_id)}|${col}|${h}`);
    }
    const inbox = new Set<string>();
    for (const rt of devices) {
      for (const k of rows(rt, 'SELECT tbl, row_id, col, local_hlc, remote_hlc FROM sync_conflict')) {
        inbox.add(`${String(k.tbl)}|${String(k.row_id)}|${String(k.col)}|${String(k.local_hlc)}`);
        inbox.add(`${String(k.tbl)}|${String(k.row_id)}|${String(k.col)}|${String(k.remote_hlc)}`);
      }
    }
    const finalRows = new Map<string, Record<string, unknown>>();
    for (const [t, list] of Object.entries(a)) for (const row of list as Record<string, unknown>[]) finalRows.set(`${t}|${String(row.id)}`, row);
    const lost: string[] = [];
    let concurrentLosers = 0;
    // A value is safe when it is final, was overwritten knowingly, is in an inbox, or equals a
    // later safe value of the same field (two devices that set the same value lose nothing).
    const safeValues = new Map<string, Set<string>>();
    for (const ch of [...log].reverse()) {
      const fields = JSON.parse(String(ch.fields)) as Record<string, unknown>;
      const row = finalRows.get(`${String(ch.tbl)}|${String(ch.row_id)}`);
      if (!row) continue;
      for (const [col, value] of Object.entries(fields)) {
        const field = `${String(ch.tbl)}|${String(ch.row_id)}|${col}`;
        const v = JSON.stringify(value ?? null);
        const safe = safeValues.get(field) ?? new Set([JSON.stringify(row[col] ?? null)]);
        safeValues.set(field, safe);
        if (NO_CONFLICT.has(col) || safe.has(v)) continue;
        const key = `${field}|${String(ch.hlc)}`;
        if (overwritten.has(key)) {
          safe.add(v);
          continue;
        }
        concurrentLosers++;
        if (inbox.has(key)) safe.add(v);
        else lost.push(`${key} = ${v}`);
      }
    }
    if (lost.length && process.env.SYNC_SIM_DEBUG) {
      for (const l of lost) {
        const [, id] = l.split('|');
        console.log(l, JSON.stringify(log.filter((x) => x.row_id === id).map((x) => [x.hlc, x.fields, x.base]), null, 1));
        for (const rt of devices) console.log(rt.app.deviceId, JSON.stringify(rows(rt, 'SELECT kind, col, local_hlc, remote_hlc, local_value, remote_value FROM sync_conflict WHERE row_id = ?', id)));
      }
    }
    expect(lost).toEqual([]);
    expect(ops).toBeGreaterThan(STEPS * 0.8);
    expect(delivered).toBeGreaterThan(20);
    expect(concurrentLosers).toBeGreaterThan(0);
    console.log(`[sync simulation] ${ops} operations, ${log.length} changes, ${delivered} bundles delivered, ${concurrentLosers} concurrent losers, ${inbox.size / 2} conflicts`);
  }, 120_000);
});
