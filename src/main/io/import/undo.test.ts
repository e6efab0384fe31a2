// The undo's set-based path (undo.ts) against the per-record ChangeSet path it replaced: the same
// imports, undone both ways on two copies of one data folder at the same frozen wall clock (so the
// same `now` and the same HLCs), leave every table equal: the rows of contacts, companies,
// taggings and tags, change_log (order, hlc, fields), field_clock, audit_log, the search index's
// own tables, customer_keys, imports.undone_at, and the schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IoEntity, UndoImportResult } from '../../../shared/io';
import type { AppState } from '../../core/context';
import { createRuntime } from '../../core/runtime';
import { DB_FILE_NAME } from '../../db/open';
import { OWNER_ID, ownerSession } from '../../core/session';
import { viewerOf } from '../../core/visibility';
import { refreshCustomerIndex } from '../../features/search';
import { inJobMutation } from '../../jobs/mutation';
import type { TempRuntime } from '../../test/temp-runtime';
import { createdOf, removableTagsOf } from './created';
import { csv, everything, importFile, runtime } from './test-import';
import { runUndoTask, undoableImport } from './undo';

/**
 * The undo as it was before the set-based path: every record through ChangeSet.softDelete or
 * update (a SELECT and an UPDATE each), change_log and audit from ChangeSet.records() at the
 * commit. Only its writes are kept: the refusals read and write nothing.
 */
function undoPerRecord(app: AppState, importId: string): Promise<UndoImportResult> {
  return inJobMutation(app, 'io.undoImport', { importId }, OWNER_ID, async (db, now, changes) => {
    const imp = await undoableImport(db, importId);
    const created = await createdOf(db, imp);
    const updated = JSON.parse(imp.updated_ids) as { id: string; before: Record<string, unknown>; updatedAt?: string }[];
    for (const id of created.taggings) await changes.softDelete('taggings', id);
    for (const id of created.contacts) await changes.softDelete('contacts', id);
    for (const id of created.companies) await changes.softDelete('companies', id);
    for (const id of await removableTagsOf(db, imp)) await changes.softDelete('tags', id);
    const table = imp.entity === 'contact' ? 'contacts' : 'companies';
    for (const u of updated) await changes.update(table, u.id, u.updatedAt ? { ...u.before, updated_at: u.updatedAt } : u.before);
    const lists: [IoEntity, string[]][] = [
      ['contact', created.contacts],
      ['company', created.companies],
      [imp.entity as IoEntity, updated.map((u) => u.id)],
    ];
    for (const [kind, ids] of lists) for (let i = 0; i < ids.length; i += 500) await refreshCustomerIndex(db, kind, ids.slice(i, i + 500));
    await db.updateTable('imports').set({ undone_at: now }).where('id', '=', importId).execute();
    return { removed: created.contacts.length + created.companies.length, restored: updated.length };
  });
}

const undoSetBased = (app: AppState, importId: string) =>
  runUndoTask({ app, input: { importId }, auditInput: { importId }, userId: OWNER_ID, viewer: viewerOf(ownerSession), hooks: {} });

const copies: TempRuntime[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const rt of copies.splice(0)) await rt.dispose();
});

/**
 * A runtime over a copy of `rt`'s database, page for page (SQLite's backup: a job's connection may
 * still be checkpointing the WAL when its job is done).
 */
async function copyOf(rt: TempRuntime): Promise<TempRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kehu-undo-copy-'));
  await rt.app.db.sqlite.backup(join(dataDir, DB_FILE_NAME));
  const opened = await createRuntime(dataDir);
  const copy: TempRuntime = {
    ...opened,
    dataDir,
    async dispose() {
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  copies.push(copy);
  return copy;
}

/**
 * Where two dumps (everything() of test-import.ts) differ, for a readable failure: per table, its
 * row count and the first row that differs, cut short (an audit row holds every record).
 */
function firstDifferences(actual: string, expected: string): string[] {
  const tablesOf = (dump: string) => new Map((JSON.parse(dump) as [unknown, [string, unknown[][]][]])[1]);
  const [a, e] = [tablesOf(actual), tablesOf(expected)];
  const out: string[] = [];
  for (const [table, rows] of e) {
    const mine = a.get(table) ?? [];
    const at = rows.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(mine[i]));
    if (at >= 0 || mine.length !== rows.length) {
      const cut = (row: unknown) => JSON.stringify(row)?.slice(0, 400);
      out.push(`${table}: ${mine.length} rows, expected ${rows.length}; row ${at}: ${cut(mine[at])} expected ${cut(rows[at])}`);
    }
  }
  return out;
}

const sql = (rt: TempRuntime, text: string) => rt.app.db.sqlite.prepare(text).pluck().all();

describe('undo: the set-based path leaves the database as the per-record path did', () => {
  it('three imports (contacts, then contacts over them, then companies with id lists) undone newest first', async () => {
    const rt = await runtime();
    const zhang = await rt.call('contacts.create', { name: '张三', mobiles: ['13812345678'] });
    const old = await rt.call('contacts.create', { name: '旧客户', mobiles: ['13700000000'] });
    await rt.call('companies.create', { name: '老公司' });

    // A: 600 new contacts (more than one step of 500) in 40 companies, tags on them; 张三 updated
    // and tagged (a tagging on an existing record).
    const a = Array.from({ length: 600 }, (_, i) => `甲${i},139${String(i).padStart(8, '0')},,A公司${i % 40},A标签${i % 3};共用`);
    const first = await importFile(rt, 'a.csv', csv(`姓名,手机,职位,公司,标签\n张三,13812345678,经理,,VIP\n${a.join('\n')}\n`), { onDuplicate: 'update_empty' });
    expect(first.result).toMatchObject({ created: 600, updated: 1, companiesCreated: 40 });
    // A bundle since A: the undo of A keeps the tags A created (undoKeepsTags).
    await rt.call('sync.export', { deviceId: null });
    await new Promise((r) => setTimeout(r, 5));

    // B: 50 of A's contacts updated (their updated_at was A's time) and tagged, 张三 again, 700 new
    // contacts in A's companies and new ones, two new tags.
    const overA = Array.from({ length: 50 }, (_, i) => `甲${i},139${String(i).padStart(8, '0')},总监,,B旧,`);
    const b = Array.from({ length: 700 }, (_, i) => `乙${i},136${String(i).padStart(8, '0')},,${i % 2 ? `A公司${i % 40}` : `B公司${i % 30}`},${i % 3 ? 'B新' : 'B用'},`);
    const file = `姓名,手机,职位,公司,标签,邮箱\n张三,13812345678,,,,zhang@example.com\n${[...overA, ...b].join('\n')}\n`;
    const second = await importFile(rt, 'b.csv', csv(file), { onDuplicate: 'update_empty' });
    expect(second.result).toMatchObject({ created: 700, updated: 51 });
    // Someone uses one of B's tags on a record B did not create: the undo of B keeps that tag.
    const used = sql(rt, `SELECT id FROM tags WHERE name = 'B用'`)[0] as string;
    await rt.call('tags.apply', { tagId: used, recordIds: [old.id], on: true });
    await new Promise((r) => setTimeout(r, 5));

    // C: companies: 老公司 overwritten, 300 new ones with tags; created_ids as the id lists of
    // earlier versions.
    const c = Array.from({ length: 300 }, (_, i) => `C公司${i},010-${String(60000000 + i)},C标签${i % 4}`);
    const third = await importFile(rt, 'c.csv', csv(`公司名称,电话,标签\n老公司,010-12345678,VIP\n${c.join('\n')}\n`), { entity: 'company', onDuplicate: 'overwrite' });
    expect(third.result).toMatchObject({ created: 300, updated: 1 });
    const thirdAt = sql(rt, `SELECT at FROM imports WHERE id = '${third.result.importId}'`)[0] as string;
    const lists = {
      contacts: [],
      companies: sql(rt, `SELECT id FROM companies WHERE created_at = '${thirdAt}' ORDER BY rid`),
      taggings: sql(rt, `SELECT id FROM taggings WHERE created_at = '${thirdAt}' ORDER BY rowid`),
    };
    expect(lists.taggings.length).toBe(301);
    rt.app.db.sqlite.prepare('UPDATE imports SET created_ids = ? WHERE id = ?').run(JSON.stringify(lists), third.result.importId);

    // The two copies from here on see the same wall clock, a second apart for each undo.
    const wall = Date.now() + 60_000;
    vi.useFakeTimers({ toFake: ['Date'], now: wall });
    const perRecord = await copyOf(rt);
    const setBased = await copyOf(rt);
    for (const [step, imp] of [third, second, first].entries()) {
      vi.setSystemTime(wall + step * 1000);
      const expected = await undoPerRecord(perRecord.app, imp.result.importId!);
      expect(await undoSetBased(setBased.app, imp.result.importId!)).toEqual(expected);
      const [got, want] = [everything(setBased), everything(perRecord)];
      expect(firstDifferences(got, want)).toEqual([]);
      expect(got === want).toBe(true);
    }

    // Not a comparison of two empty undos: what each one did.
    expect(sql(setBased, `SELECT count(*) FROM contacts WHERE deleted_at IS NULL`)).toEqual([2]);
    expect(sql(setBased, `SELECT title FROM contacts WHERE id = '${zhang.id}'`)).toEqual([null]);
    expect(sql(setBased, `SELECT name FROM companies WHERE deleted_at IS NULL`)).toEqual(['老公司']);
    expect(sql(setBased, `SELECT phone FROM companies WHERE name = '老公司'`)).toEqual([null]);
    // A's tags stay (a bundle was written since), B's used one stays, B's and C's others go.
    expect(sql(setBased, `SELECT name FROM tags WHERE deleted_at IS NULL ORDER BY name`)).toEqual(['A标签0', 'A标签1', 'A标签2', 'B用', 'VIP', '共用']);
    expect(sql(setBased, `SELECT count(*) FROM taggings WHERE deleted_at IS NULL`)).toEqual([1]);
    expect(sql(setBased, `SELECT count(*) FROM imports WHERE undone_at IS NOT NULL`)).toEqual([3]);
    const audit = setBased.app.db.sqlite.prepare(`SELECT entity_ids, after FROM audit_log WHERE action = 'io.undoImport' ORDER BY seq`).all() as Record<string, string>[];
    // Records each undo touched: taggings, contacts, companies, tags, restored records.
    const touched = [301 + 0 + 300 + 4 + 1, 700 + 50 + 700 + 15 + 2 + 51, 1200 + 1 + 600 + 40 + 0 + 1];
    expect(audit.map((r) => (JSON.parse(r.entity_ids) as string[]).length)).toEqual(touched);
    expect(audit.map((r) => Object.keys(JSON.parse(r.after) as object).length)).toEqual(touched);
  }, 120_000);
});
