import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../core/changes';
import type { Ctx } from '../../core/context';
import { writeChangeLog } from '../../core/logs';
import { ownerSession } from '../../core/session';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';
import { seedBulk, seedSampleData } from '.';

let rt: TempRuntime;
beforeEach(async () => {
  rt = await tempRuntime();
});
afterEach(() => rt.dispose());

const count = (sql: string) => rt.app.db.sqlite.prepare(sql).pluck().get() as number;

/** Runs the seeder the way the dispatcher runs a mutation (app.firstRun): one transaction, one ChangeSet. */
function inMutation<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return rt.app.db.kysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const changes = new ChangeSet(trx, ownerSession.userId, now);
    const out = await fn({ db: trx, session: ownerSession, changes, now, app: rt.app });
    await writeChangeLog(trx, rt.app, changes.records());
    return out;
  });
}

async function expectSearchable() {
  const [name, mobile] = rt.app.db.sqlite
    .prepare(`SELECT name, json_extract(mobiles, '$[0]') FROM contacts WHERE mobiles != '[]' LIMIT 1`)
    .raw()
    .get() as [string, string];
  const byName = await rt.call('search.global', { q: name, limit: 200 });
  expect(byName.map((h) => h.name)).toContain(name);
  const byPhone = await rt.call('search.global', { q: mobile.slice(-4), limit: 200 });
  expect(byPhone.length).toBeGreaterThan(0);
  const company = rt.app.db.sqlite.prepare('SELECT name FROM companies LIMIT 1').pluck().get() as string;
  expect((await rt.call('search.global', { q: company, limit: 200 })).map((h) => h.name)).toContain(company);
}

const SALES_TABLES = ['leads', 'opportunities', 'opportunity_stage_history', 'products', 'quotes', 'orders', 'line_items', 'tasks'];

describe('seedSampleData', () => {
  it('writes a realistic world through the ChangeSet, indexed and logged', async () => {
    const result = await inMutation((ctx) => seedSampleData(ctx, { contacts: 120 }));
    expect(result.contacts).toBe(120);
    expect(count('SELECT count(*) FROM contacts')).toBe(120);
    expect(count('SELECT count(*) FROM companies')).toBe(result.companies);
    expect(result.companies).toBeGreaterThan(3);
    expect(count('SELECT count(*) FROM tags')).toBe(12);
    expect(count('SELECT count(*) FROM taggings')).toBeGreaterThan(20);
    expect(count('SELECT count(*) FROM activities')).toBeGreaterThan(50);
    expect(count('SELECT count(*) FROM contacts WHERE last_contacted_at IS NOT NULL')).toBeGreaterThan(50);
    expect(count(`SELECT count(*) FROM contacts WHERE name LIKE '% %'`)).toBeGreaterThan(0);
    const logged = ['contacts', 'companies', 'tags', 'taggings', 'activities', ...SALES_TABLES];
    const records = count(`SELECT ${logged.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')}`);
    expect(count('SELECT count(DISTINCT row_id) FROM change_log')).toBe(records);
    expect(count('SELECT count(*) FROM contact_search')).toBe(120);
    expect(count(`SELECT count(*) FROM customer_keys WHERE kind = 'mobile'`)).toBeGreaterThan(100);
    await expectSearchable();
  });

  it('adds sales through the sales handlers: products, leads, a pipeline with history, an order that took stock, tasks', async () => {
    await inMutation((ctx) => seedSampleData(ctx, { contacts: 60 }));
    expect(count('SELECT count(*) FROM products')).toBe(8);
    expect(count(`SELECT count(*) FROM leads WHERE status = 'invalid'`)).toBe(1);
    expect(count(`SELECT count(*) FROM leads WHERE next_follow_up_at < datetime('now')`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM opportunities WHERE status = 'won'`)).toBe(2);
    expect(count(`SELECT count(*) FROM opportunities WHERE status = 'lost' AND lost_reason IS NOT NULL`)).toBe(1);
    expect(count(`SELECT count(*) FROM opportunities WHERE status = 'open' AND amount > 0`)).toBe(8);
    // A won opportunity went through all four open stages on its way.
    expect(count(`SELECT max(n) FROM (SELECT count(*) AS n FROM opportunity_stage_history GROUP BY opportunity_id)`)).toBe(5);
    expect(count(`SELECT count(*) FROM orders WHERE status = 'confirmed'`)).toBe(1);
    expect(count(`SELECT stock FROM products WHERE sku = 'KH-C8'`)).toBe(120 - 16);
    expect(count(`SELECT count(*) FROM tasks WHERE repeat IS NOT NULL`)).toBe(1);
    const agenda = await rt.call('tasks.agenda', {});
    expect(agenda.today.length + agenda.overdue.length).toBeGreaterThan(0);
    const forecast = await rt.call('forecast.summary', {});
    expect(forecast.results).toMatchObject({ won: 2, lost: 1 });
  });

  it('makes the same people from the same seed', async () => {
    await inMutation((ctx) => seedSampleData(ctx, { contacts: 30 }));
    const first = rt.app.db.sqlite.prepare('SELECT name, mobiles FROM contacts ORDER BY rid').raw().all();
    await rt.dispose();
    rt = await tempRuntime();
    await inMutation((ctx) => seedSampleData(ctx, { contacts: 30 }));
    expect(rt.app.db.sqlite.prepare('SELECT name, mobiles FROM contacts ORDER BY rid').raw().all()).toEqual(first);
  });
});

describe('seedBulk', () => {
  it('writes rows, change_log, index and keys with prepared statements', async () => {
    const result = seedBulk(rt.app.db.sqlite, { contacts: 3000, seed: 7, clock: rt.app.clock });
    expect(result.contacts).toBe(3000);
    expect(count('SELECT count(*) FROM contacts')).toBe(3000);
    expect(count('SELECT count(*) FROM companies')).toBe(result.companies);
    expect(count('SELECT count(*) FROM activities')).toBe(result.activities);
    expect(count(`SELECT count(*) FROM change_log WHERE tbl = 'contacts'`)).toBe(3000);
    expect(count(`SELECT count(*) FROM change_log WHERE tbl = 'activities'`)).toBe(result.activities);
    const fields = JSON.parse(rt.app.db.sqlite.prepare(`SELECT fields FROM change_log WHERE tbl = 'contacts' LIMIT 1`).pluck().get() as string);
    expect(fields).toMatchObject({ name: expect.any(String), name_py: expect.any(String), owner_id: 'owner', deleted_at: null });
    expect(count('SELECT count(DISTINCT hlc) FROM change_log')).toBe(count('SELECT count(*) FROM change_log'));
    expect(rt.app.db.sqlite.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).pluck().get()).toBe(rt.app.clock.current());
    expect(count(`SELECT count(*) FROM contacts WHERE name LIKE '欧阳%' OR name LIKE '曾%' OR name LIKE '单%'`)).toBeGreaterThan(0);
    await expectSearchable();
    expect(count('SELECT count(*) FROM contact_search')).toBe(3000);
    // Each record carries its insert clock, so a later edit syncs as an edit, not a conflict.
    expect(count(`SELECT count(*) FROM field_clock WHERE col = '*'`)).toBe(count('SELECT count(*) FROM change_log'));
    const id = rt.app.db.sqlite.prepare('SELECT id FROM contacts LIMIT 1').pluck().get() as string;
    await rt.call('contacts.update', { id, patch: { title: '采购' } });
    const edit = rt.app.db.sqlite.prepare(`SELECT base FROM change_log WHERE row_id = ? ORDER BY seq DESC LIMIT 1`).pluck().get(id) as string;
    expect(JSON.parse(edit).title).toMatch(/Z-/);
  });

  it('leaves the schema as it found it: indexes built after a load into empty tables, kept when seeding again', async () => {
    const db = rt.app.db.sqlite;
    const schema = () => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all();
    const before = schema();
    seedBulk(db, { contacts: 400, seed: 7, clock: rt.app.clock });
    expect(schema()).toEqual(before);
    seedBulk(db, { contacts: 300, seed: 8, clock: rt.app.clock });
    expect(schema()).toEqual(before);
    expect(count('SELECT count(*) FROM contacts')).toBe(700);
    expect(count('SELECT count(*) FROM contact_search')).toBe(700);
    expect(count(`SELECT count(*) FROM change_log WHERE tbl = 'contacts'`)).toBe(700);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare(`SELECT v FROM contact_search_config WHERE k = 'hashsize'`).pluck().get()).toBe(2 ** 20);
    await expectSearchable();
  });
});
