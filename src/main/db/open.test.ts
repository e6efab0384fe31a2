import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KehuError } from '../../shared/errors';
import { migrations } from '../../../migrations';
import { openDatabase } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kehu-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates the schema with WAL, foreign keys and a busy timeout', async () => {
    const db = await openDatabase(join(dir, 'kehu.db'));
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['contacts', 'companies', 'change_log', 'audit_log']));
    await db.close();
  });

  it('opens an existing file again without migrating twice', async () => {
    const file = join(dir, 'kehu.db');
    await (await openDatabase(file)).close();
    const db = await openDatabase(file);
    expect(db.sqlite.prepare('SELECT count(*) FROM kysely_migration').pluck().get()).toBe(Object.keys(migrations).length);
    await db.close();
    expect(readdirSync(dir)).not.toContain('backups');
  });

  it('refuses, untouched, a database made by a newer Kehu', async () => {
    const file = join(dir, 'kehu.db');
    await (await openDatabase(file)).close();
    const raw = new BetterSqlite3(file);
    raw.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01')`).run();
    raw.prepare(`INSERT INTO meta (key, value) VALUES ('marker', 'kept')`).run();
    raw.close();

    const error = await openDatabase(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KehuError);
    expect((error as KehuError).code).toBe('db_too_new');

    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM kysely_migration').pluck().get()).toBe(Object.keys(migrations).length + 1);
    expect(check.prepare(`SELECT value FROM meta WHERE key = 'marker'`).pluck().get()).toBe('kept');
    check.close();
  });
});
