// Backups against real files: a restore brings back exactly the backed-up data and keeps the
// current database as a safety copy; retention; bad files are refused with nothing changed; an
// encrypted database's backups are encrypted, and a plain backup is encrypted when restored into it.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { KehuError } from '../../../shared/errors';
import type { AppState } from '../../core/context';
import { HybridClock } from '../../core/hlc';
import { ownerSession } from '../../core/session';
import { DB_FILE_NAME, openDatabase } from '../../db/open';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { backupNow, pruneBackups, SAFETY_COPIES_KEPT } from './backup';
import { isEncryptedFile } from '../../security/convert';
import { backupsDir, listBackups } from './files';
import { restoreBackup } from './restore';
import { backupAtQuit, dailyBackupDue, dailyBackupIfDue } from './schedule';

const runtime = useTempRuntime();

const contactsOf = (app: AppState) =>
  app.db.sqlite.prepare('SELECT id, name, deleted_at FROM contacts ORDER BY id').all() as { id: string; name: string; deleted_at: string | null }[];

async function refusal(p: Promise<unknown>): Promise<KehuError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(KehuError);
  return e as KehuError;
}

describe('backups', () => {
  it('a restore brings back the backed-up data and keeps the current database as before-restore', async () => {
    const rt = runtime();
    const a = await rt.call('contacts.create', { name: '张伟' });
    await rt.call('contacts.create', { name: '李娜' });
    const backup = await rt.call('backups.create', {});
    expect(backup).toMatchObject({ reason: 'manual', encrypted: false });
    expect(backup.file).toMatch(/^kehu-\d{8}-\d{6}-manual\.db$/);
    const before = contactsOf(rt.app);

    await rt.call('contacts.delete', { ids: [a.id] });
    await rt.call('contacts.create', { name: '王芳' });
    const changed = contactsOf(rt.app);
    expect(changed).not.toEqual(before);

    const { safetyBackup } = await rt.call('backups.restore', { file: backup.file });
    expect(contactsOf(rt.app)).toEqual(before);
    expect(safetyBackup.reason).toBe('before-restore');
    expect((await rt.call('backups.list', {})).map((b) => b.file)).toEqual(expect.arrayContaining([backup.file, safetyBackup.file]));
    // The restored database says so in its own log; the safety copy holds the state just before.
    const audit = rt.app.db.sqlite.prepare(`SELECT user_id, input FROM audit_log WHERE action = 'backups.restore'`).all() as { user_id: string; input: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.input)).toEqual({ file: backup.file, safetyBackup: safetyBackup.file });
    const safety = new BetterSqlite3(join(backupsDir(rt.dataDir), safetyBackup.file), { readonly: true });
    expect(safety.prepare('SELECT id, name, deleted_at FROM contacts ORDER BY id').all()).toEqual(changed);
    safety.close();
    // Writing goes on in the restored database.
    await rt.call('contacts.create', { name: '赵六' });
    expect(contactsOf(rt.app)).toHaveLength(before.length + 1);
  });

  it('keeps the newest backupKeep regular backups and the newest safety copies apart', async () => {
    const rt = runtime();
    await rt.call('security.saveSettings', { idleLockMinutes: 5, backupDaily: true, backupAtQuit: false, backupKeep: 3 });
    expect(await rt.call('security.settings', {})).toMatchObject({ idleLockMinutes: 5, backupDaily: true, backupAtQuit: false, backupKeep: 3, encrypted: false });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await rt.call('backups.create', {})).file);
    for (let i = 0; i < SAFETY_COPIES_KEPT + 2; i++) backupNow(rt.app, 'before-restore');
    const left = listBackups(rt.dataDir);
    expect(left.filter((b) => b.reason === 'manual').map((b) => b.file).sort()).toEqual(made.slice(2).sort());
    expect(left.filter((b) => b.reason === 'before-restore')).toHaveLength(SAFETY_COPIES_KEPT);
    // The one just made stays even when keep would remove it.
    expect(pruneBackups(rt.app, 0, made[4]!)).toEqual(expect.arrayContaining([made[2], made[3]]));
    expect(listBackups(rt.dataDir).filter((b) => b.reason === 'manual').map((b) => b.file)).toEqual([made[4]]);
    // db/open.ts's copies before a migration are listed as safety copies.
    copyFileSync(join(backupsDir(rt.dataDir), made[4]!), join(backupsDir(rt.dataDir), 'before-migration-2026-11-01T08-00-00-000Z.db'));
    expect(listBackups(rt.dataDir).find((b) => b.file.startsWith('before-migration-'))).toMatchObject({ reason: 'before-migration' });
  });

  it('refuses a damaged or foreign file, a name outside backups/ and a newer database, changing nothing', async () => {
    const rt = runtime();
    await rt.call('contacts.create', { name: '张伟' });
    const good = (await rt.call('backups.create', {})).file;
    const dir = backupsDir(rt.dataDir);
    const bad = (name: string, make: (path: string) => void) => {
      copyFileSync(join(dir, good), join(dir, name));
      make(join(dir, name));
      return name;
    };
    const truncated = bad('kehu-20260101-000000-manual.db', (p) => truncateSync(p, 3000));
    const random = bad('kehu-20260101-000001-manual.db', (p) => writeFileSync(p, randomBytes(8192)));
    const empty = bad('kehu-20260101-000002-manual.db', (p) => {
      rmSync(p);
      new BetterSqlite3(p).exec('CREATE TABLE t (x)');
    });
    const newer = bad('kehu-20260101-000003-manual.db', (p) => {
      const s = new BetterSqlite3(p);
      s.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'x')`).run();
      s.close();
    });
    const before = contactsOf(rt.app);
    const files = readdirSync(dir).sort();

    const failures = [
      [truncated, 'backups.errors.corrupt'],
      [random, 'backups.errors.wrongKey'],
      [empty, 'backups.errors.corrupt'],
      ['kehu-20260101-000009-manual.db', 'backups.errors.notFound'],
      ['..db', 'backups.errors.fileName'],
      [DB_FILE_NAME, 'backups.errors.fileName'],
    ] as const;
    for (const [file, message] of failures) {
      const e = await refusal(restoreBackup(rt.app, file, 'owner'));
      expect({ file, message: e.message }).toEqual({ file, message });
    }
    expect((await refusal(restoreBackup(rt.app, newer, 'owner'))).code).toBe('db_too_new');
    const viaChannel = await rt.dispatch('backups.restore', { file: '../kehu.db' }, ownerSession);
    expect(viaChannel).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'file', message: 'backups.errors.fileName' }] } });

    expect(contactsOf(rt.app)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(existsSync(join(rt.dataDir, 'kehu.db.restore.part'))).toBe(false);
  });

  it('daily backup when none is younger than a day, at quit when on', async () => {
    const rt = runtime();
    expect(dailyBackupDue(rt.app)).toBe(true);
    const daily = dailyBackupIfDue(rt.app);
    expect(daily).toMatch(/-daily\.db$/);
    expect(dailyBackupIfDue(rt.app)).toBeNull();
    expect(dailyBackupDue(rt.app, Date.now() + 25 * 60 * 60_000)).toBe(true);
    expect(backupAtQuit(rt.app)).toMatch(/-quit\.db$/);
    await rt.call('security.saveSettings', { idleLockMinutes: 15, backupDaily: false, backupAtQuit: false, backupKeep: 10 });
    expect(backupAtQuit(rt.app)).toBeNull();
  });
});

/** An app over an encrypted database, as the runtime builds it once a key is known. */
async function encryptedApp(dataDir: string, key: string): Promise<AppState> {
  const db = await openDatabase(join(dataDir, DB_FILE_NAME), key);
  const app: AppState = {
    db,
    clock: new HybridClock('dev-enc', null),
    deviceId: 'dev-enc',
    dataDir,
    version: 'test',
    dbKey: key,
    async swapDatabase(replace) {
      await app.db.close();
      try {
        await replace(app.db.file);
      } finally {
        app.db = await openDatabase(app.db.file, app.dbKey);
      }
    },
  };
  return app;
}

describe('backups of an encrypted database', () => {
  let app: AppState | null = null;
  afterEach(async () => {
    await app?.db.close();
    app = null;
  });

  it('are encrypted; a plain backup is encrypted when restored; another key is refused', async () => {
    const rt = runtime();
    const name = '欧阳明远Zebulon';
    await rt.call('contacts.create', { name });
    const plain = (await rt.call('backups.create', {})).file;
    await rt.close();
    // Encrypt the database as brief A's conversion does (a plain copy rekeyed), with a fresh key.
    const key = randomBytes(32).toString('hex');
    const file = join(rt.dataDir, DB_FILE_NAME);
    const s = new BetterSqlite3(file);
    s.pragma('journal_mode = DELETE');
    s.pragma(`cipher='sqlcipher'`);
    s.pragma('legacy=4');
    s.pragma(`rekey="x'${key}'"`);
    s.close();
    app = await encryptedApp(rt.dataDir, key);

    const enc = backupNow(app, 'manual');
    expect(enc.encrypted).toBe(true);
    const bytes = readFileSync(join(backupsDir(rt.dataDir), enc.file));
    expect(bytes.includes(Buffer.from(name))).toBe(false);
    expect(bytes.includes(Buffer.from('Zebulon'))).toBe(false);

    app.db.sqlite.prepare('UPDATE contacts SET name = ?').run('改过');
    const { safetyBackup } = await restoreBackup(app, plain, 'owner');
    expect(safetyBackup.encrypted).toBe(true);
    expect(contactsOf(app).map((c) => c.name)).toEqual([name]);
    expect(isEncryptedFile(file)).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('Zebulon'))).toBe(false);

    // A backup under another key cannot be read here.
    const other = await encryptedApp(join(rt.dataDir, 'other'), randomBytes(32).toString('hex'));
    const foreign = backupNow(other, 'manual');
    await other.db.close();
    copyFileSync(join(backupsDir(other.dataDir), foreign.file), join(backupsDir(rt.dataDir), foreign.file));
    expect((await refusal(restoreBackup(app, foreign.file, 'owner'))).message).toBe('backups.errors.wrongKey');
    // The encrypted backup of this database restores.
    await restoreBackup(app, enc.file, 'owner');
    expect(contactsOf(app).map((c) => c.name)).toEqual([name]);
  });
});
