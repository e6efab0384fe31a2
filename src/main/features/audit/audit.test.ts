// The audit log: filters (local days, user, action, entity, record), keyset paging, the CSV export
// (formulas neutralised, the export itself recorded with its count), exports leave rows, and the
// log is append-only: the database refuses UPDATE/DELETE and no source file issues one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { KehuError } from '../../../shared/errors';
import { useTempRuntime } from '../../test/use-temp-runtime';

const runtime = useTempRuntime();

interface Seed {
  at: Date;
  user?: string;
  action?: string;
  entity?: string | null;
  ids?: string[];
  input?: string | null;
}

function seed(rows: Seed[]): void {
  const insert = runtime().app.db.sqlite.prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_ids, input) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of rows) insert.run(r.at.toISOString(), r.user ?? 'owner', r.action ?? 'contacts.update', r.entity ?? 'contact', JSON.stringify(r.ids ?? []), r.input ?? null);
}

/** Every row the filter lists, following the pages. */
async function listAll(filter: Record<string, unknown>, limit = 100) {
  const rows = [];
  let before: number | null = null;
  do {
    const page: Awaited<ReturnType<typeof list>> = await list({ ...filter, before, limit });
    rows.push(...page.rows);
    before = page.next;
  } while (before !== null);
  return rows;
}
const list = (input: Record<string, unknown>) => runtime().call('audit.list', input as never);

describe('audit.list', () => {
  it('filters by local days (both ends count), user, action, entity and exact record id', async () => {
    seed([
      { at: new Date(2026, 10, 19, 23, 59, 59), action: 'a.before', ids: ['r1'] },
      { at: new Date(2026, 10, 20, 0, 0, 0), action: 'a.first', ids: ['abc'] },
      { at: new Date(2026, 10, 21, 23, 59, 59, 999), action: 'a.last', user: 'u2', ids: ['abcd', 'x'] },
      { at: new Date(2026, 10, 22, 0, 0, 0), action: 'a.after', entity: 'company', ids: ['abc'] },
    ]);
    const actions = async (filter: Record<string, unknown>) => (await listAll(filter)).filter((r) => r.action.startsWith('a.')).map((r) => r.action);
    expect(await actions({ from: '2026-11-20', to: '2026-11-21' })).toEqual(['a.last', 'a.first']);
    expect(await actions({ from: '2026-11-22' })).toEqual(['a.after']);
    expect(await actions({ to: '2026-11-19' })).toEqual(['a.before']);
    expect(await actions({ userId: 'u2' })).toEqual(['a.last']);
    expect(await actions({ action: 'a.first' })).toEqual(['a.first']);
    expect(await actions({ entity: 'company' })).toEqual(['a.after']);
    expect(await actions({ recordId: 'abc' })).toEqual(['a.after', 'a.first']);
    expect(await actions({ recordId: 'x', userId: 'u2' })).toEqual(['a.last']);
    expect(await actions({ recordId: `%" OR 1=1 --` })).toEqual([]);
    // Exact instants (any ISO form) bound inclusively.
    const last = new Date(2026, 10, 21, 23, 59, 59, 999);
    expect(await actions({ from: last.toISOString(), to: last.toISOString() })).toEqual(['a.last']);
    const shanghai = new Date(last.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    expect(await actions({ from: shanghai, to: shanghai })).toEqual(['a.last']);
  });

  it('refuses a date that is not one, naming the field', async () => {
    for (const [field, value] of [['from', '2026-02-30'], ['to', 'yesterday'], ['from', '1']] as const) {
      const e = await list({ [field]: value }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(KehuError);
      expect((e as KehuError).fields).toEqual([{ path: field, message: 'validation.date' }]);
    }
  });

  it('pages newest first by seq with the user name joined, and lists the actions', async () => {
    const rt = runtime();
    for (let i = 0; i < 7; i++) await rt.call('contacts.create', { name: `客户${i}` });
    const all = await listAll({ action: 'contacts.create' }, 3);
    expect(all).toHaveLength(7);
    expect(all.map((r) => r.seq)).toEqual([...all.map((r) => r.seq)].sort((a, b) => b - a));
    expect(new Set(all.map((r) => r.seq)).size).toBe(7);
    expect(all[0]).toMatchObject({ userId: 'owner', userName: '店主', entity: 'contact' });
    expect(all[0]!.entityIds).toHaveLength(1);
    expect(JSON.parse(all[0]!.input!)).toMatchObject({ name: '客户6' });
    expect(JSON.parse(all[0]!.after!)).toMatchObject({ [`contacts:${all[0]!.entityIds[0]}`]: { name: '客户6' } });
    const first = await list({ action: 'contacts.create', limit: 3 });
    expect(first.rows).toHaveLength(3);
    expect(first.next).toBe(first.rows[2]!.seq);
    expect((await list({ action: 'contacts.create', limit: 7 })).next).toBeNull();
    expect(await rt.call('audit.actions', {})).toEqual(['contacts.create']);
  });
});

describe('audit.export', () => {
  it('writes CSV with a BOM, neutralised formulas, and records itself with the filter and count', async () => {
    const rt = runtime();
    seed([
      { at: new Date(), action: '=HYPERLINK("http://x","y")', entity: '+cmd', ids: ['@a', 'b'], input: '-2+3' },
      { at: new Date(), action: 'plain', input: '{"name":"张伟, \\"老张\\""}' },
    ]);
    const { csv, rows } = await rt.call('audit.export', { entity: null });
    expect(csv.startsWith('\uFEFFseq,at,user,action,entity,records,before,after,input\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toBe(2);
    expect(parsed).toHaveLength(3);
    const [plain, hostile] = parsed.slice(1);
    expect(hostile!.slice(2)).toEqual(['店主', `'=HYPERLINK("http://x","y")`, "'+cmd", "'@a b", '', '', "'-2+3"]);
    expect(plain!.slice(2, 4)).toEqual(['店主', 'plain']);
    expect(plain![8]).toBe('{"name":"张伟, \\"老张\\""}');

    const exported = await rt.call('audit.list', { action: 'audit.export', limit: 10 });
    expect(exported.rows).toHaveLength(1);
    expect(exported.rows[0]).toMatchObject({ userId: 'owner', entity: 'audit' });
    expect(JSON.parse(exported.rows[0]!.input!)).toEqual({ entity: null, rows: 2 });
  });
});

describe('exports are audited', () => {
  it('a sync export leaves who, when, what; its count is in the sync history', async () => {
    const rt = runtime();
    await rt.call('contacts.create', { name: '张伟' });
    const result = await rt.call('sync.export', { deviceId: null, passphrase: 'secret-words' });
    const rows = (await rt.call('audit.list', { action: 'sync.export', limit: 10 })).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: 'owner', entity: 'sync' });
    expect(JSON.parse(rows[0]!.input!)).toEqual({ deviceId: null, passphrase: '***' });
    const history = rt.app.db.sqlite.prepare(`SELECT changes FROM sync_history WHERE direction = 'export'`).all();
    expect(history).toEqual([{ changes: result.changes }]);
  });
});

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the log is append-only', () => {
  it('the database refuses UPDATE, DELETE and REPLACE on audit_log', async () => {
    const rt = runtime();
    await rt.call('contacts.create', { name: '张伟' });
    const sqlite = rt.app.db.sqlite;
    const before = sqlite.prepare('SELECT * FROM audit_log').all();
    expect(before.length).toBeGreaterThan(0);
    expect(() => sqlite.prepare(`UPDATE audit_log SET user_id = 'someone'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare(`REPLACE INTO audit_log (seq, at, user_id, action) VALUES (1, '2000-01-01', 'someone', 'x')`).run()).toThrow(/append-only/);
    expect(sqlite.prepare('SELECT * FROM audit_log').all()).toEqual(before);
  });

  it('no source file updates, deletes, replaces or drops audit_log (only its triggers name those)', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const files = [...sources(join(root, 'src', 'main')), ...sources(join(root, 'migrations'))];
    expect(files.length).toBeGreaterThan(50);
    const touching = /(updateTable|deleteFrom|replaceInto)\(\s*['"]audit_log|(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|INSERT\s+OR\s+REPLACE\s+INTO|DROP\s+(TABLE|TRIGGER)(\s+IF\s+EXISTS)?)\s+["`]?audit_log/i;
    const offenders = files.filter((f) => touching.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
