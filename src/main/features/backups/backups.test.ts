// Backups against real files: a restore brings back exactly the backed-up data and keeps the
// current database as a safety copy; retention; bad files are refused with nothing changed; an
// encrypted database's backups are encrypted, and a plain backup is encrypted when restored into it.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KehuError } from '../../../shared/errors';
import type { AppState } from '../../core/context';
import type { Runtime } from '../../core/runtime';
import { ownerSession } from '../../core/session';
import { DB_FILE_NAME } from '../../db/open';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { backupNow, pruneBackups, SAFETY_COPIES_KEPT } from './backup';
import { isEncryptedFile } from '../../security/convert';
import { client, tempFolder, type Client, type Folder } from '../../security/test-kit';
import { backupsDir, listBackups } from './files';
import { restoreBackup } from './restore';
import { backupAtQuit, dailyBackupDue, dailyBackupIfDue, keepBackedUp, startBackupSchedule } from './schedule';

const runtime = useTempRuntime();

const contactsOf = (app: AppState) =>
  app.db.sqlite.prepare('SELECT id, name, deleted_at FROM contacts ORDER BY id').all() as { id: string; name: string; deleted_at: string | null }[];

const storedClock = (app: AppState) => app.db.sqlite.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).pluck().get() as string;

function backupClock(file: string): string {
  const s = new BetterSqlite3(file, { readonly: true });
  try {
    return s.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).pluck().get() as string;
  } finally {
    s.close();
  }
}

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

    const clockBefore = storedClock(rt.app);
    expect(clockBefore > backupClock(join(backupsDir(rt.dataDir), backup.file))).toBe(true);
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
    // The clock stored in the restored file is not behind the changes made before the restore.
    expect(storedClock(rt.app) >= clockBefore).toBe(true);
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
    // A .part left by a crash a day ago goes with the next backup; one being written now stays.
    const dir = backupsDir(rt.dataDir);
    writeFileSync(join(dir, 'kehu-20261101-000000-daily.db.part'), 'half');
    utimesSync(join(dir, 'kehu-20261101-000000-daily.db.part'), new Date(Date.now() - 25 * 3600_000), new Date(Date.now() - 25 * 3600_000));
    writeFileSync(join(dir, 'kehu-20261101-000001-daily.db.part'), 'half');
    made.push((await rt.call('backups.create', {})).file);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual(['kehu-20261101-000001-daily.db.part']);
    // db/open.ts's copies before a migration are listed as safety copies.
    copyFileSync(join(dir, made[4]!), join(dir, 'before-migration-2026-11-01T08-00-00-000Z.db'));
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

  it('the schedule backs up at start when due, and a failing backup does not throw', async () => {
    const rt = runtime();
    const schedule = startBackupSchedule(rt.app);
    schedule.stop();
    expect(listBackups(rt.dataDir).map((b) => b.reason)).toEqual(['daily']);
    // backups/ cannot hold files (a file of that name): logged, not thrown.
    rmSync(backupsDir(rt.dataDir), { recursive: true });
    writeFileSync(backupsDir(rt.dataDir), 'not a folder');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    startBackupSchedule(rt.app).stop();
    expect(logged).toHaveBeenCalledWith('[kehu] daily backup failed:', expect.anything());
    logged.mockRestore();
  });
});

const ADMIN = { mode: 'password', name: '王经理', login: 'admin', password: 'correct horse' } as const;

describe('backups of an encrypted database', () => {
  const folders: Folder[] = [];
  const runtimes: Runtime[] = [];
  afterEach(async () => {
    for (const rt of runtimes.splice(0)) await rt.close();
    for (const f of folders.splice(0)) f.dispose();
  });
  /** A data folder set up with a password (so encrypted), signed in as its administrator. */
  async function passwordFolder(): Promise<{ rt: Runtime; c: Client; folder: Folder }> {
    const folder = tempFolder();
    folders.push(folder);
    const rt = await folder.open();
    runtimes.push(rt);
    return { rt, c: client(rt), folder };
  }

  it('keepBackedUp waits for the first sign-in, then backs up daily and at stop', async () => {
    const { rt, c, folder } = await passwordFolder();
    await c.call('auth.setup', ADMIN);
    await rt.close();
    runtimes.splice(runtimes.indexOf(rt), 1);
    const locked = await folder.open();
    runtimes.push(locked);
    const before = listBackups(folder.dir).length;
    const backups = keepBackedUp(locked.gate);
    expect(listBackups(folder.dir)).toHaveLength(before);
    const admin = client(locked);
    await admin.call('auth.login', { login: ADMIN.login, password: ADMIN.password });
    expect(listBackups(folder.dir).map((b) => b.reason)).toContain('daily');
    backups.stop();
    expect(listBackups(folder.dir).map((b) => b.reason)).toContain('quit');
  });

  it('a restore signs everyone out', async () => {
    const { c } = await passwordFolder();
    await c.call('auth.setup', ADMIN);
    const { file } = await c.call('backups.create', {});
    await c.call('backups.restore', { file });
    await expect(c.call('contacts.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('are encrypted; a plain backup is encrypted when restored; a backup under another key is refused', async () => {
    const { rt, c, folder } = await passwordFolder();
    const name = '欧阳明远Zebulon';
    await c.call('contacts.create', { name });
    const before = (await c.call('backups.create', {})).file;
    const plainBytes = readFileSync(join(backupsDir(folder.dir), before));
    await c.call('auth.setup', ADMIN);
    expect(rt.app.dbKey).not.toBeNull();
    // The backups made before follow the database: encrypted, no plaintext left beside it.
    const listed = await c.call('backups.list', {});
    expect(listed.find((b) => b.reason === 'before-encryption')).toMatchObject({ encrypted: true });
    expect(listed.find((b) => b.file === before)).toMatchObject({ reason: 'manual', encrypted: true });
    for (const b of listed) expect(readFileSync(join(backupsDir(folder.dir), b.file)).includes(Buffer.from('Zebulon'))).toBe(false);
    // A plain backup brought back from elsewhere (a USB stick) is encrypted when restored.
    const plain = 'kehu-20250101-000000-manual.db';
    writeFileSync(join(backupsDir(folder.dir), plain), plainBytes);
    expect(await c.call('security.settings', {})).toMatchObject({ mode: 'password', encrypted: true });

    const enc = await c.call('backups.create', {});
    expect(enc.encrypted).toBe(true);
    const bytes = readFileSync(join(backupsDir(folder.dir), enc.file));
    expect(bytes.includes(Buffer.from(name))).toBe(false);
    expect(bytes.includes(Buffer.from('Zebulon'))).toBe(false);

    await c.call('contacts.create', { name: '后来的' });
    const { safetyBackup } = await c.call('backups.restore', { file: plain });
    expect(safetyBackup.encrypted).toBe(true);
    expect(contactsOf(rt.app).map((r) => r.name)).toEqual([name]);
    const file = join(folder.dir, DB_FILE_NAME);
    expect(isEncryptedFile(file)).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('Zebulon'))).toBe(false);
    // Everyone signs in again after a restore.
    await expect(c.call('backups.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    await c.call('auth.login', { login: ADMIN.login, password: ADMIN.password });

    // A backup under another folder's key cannot be read here.
    const other = await passwordFolder();
    await other.c.call('auth.setup', ADMIN);
    const foreign = await other.c.call('backups.create', {});
    // (Under a name of its own: made in the same second, it could carry the name of one here.)
    copyFileSync(join(backupsDir(other.folder.dir), foreign.file), join(backupsDir(folder.dir), 'kehu-20260101-000001-manual.db'));
    await expect(c.call('backups.restore', { file: 'kehu-20260101-000001-manual.db' })).rejects.toMatchObject({ message: 'backups.errors.wrongKey' });
    // A damaged encrypted backup is refused too.
    const cut = 'kehu-20260101-000000-manual.db';
    copyFileSync(join(backupsDir(folder.dir), enc.file), join(backupsDir(folder.dir), cut));
    truncateSync(join(backupsDir(folder.dir), cut), 5000);
    await expect(c.call('backups.restore', { file: cut })).rejects.toMatchObject({ message: expect.stringMatching(/^backups\.errors\.(corrupt|wrongKey)$/) });
    expect(contactsOf(rt.app).map((r) => r.name)).toEqual([name]);
    // This database's encrypted backup restores, and the data opens with the same password later.
    await c.call('backups.restore', { file: enc.file });
    expect(contactsOf(rt.app).map((r) => r.name)).toEqual([name]);
    await rt.close();
    const again = await folder.open();
    runtimes.push(again);
    const c2 = client(again);
    await c2.call('auth.login', { login: 'admin', password: 'correct horse' });
    expect((await c2.call('contacts.list', {})).items.map((r) => r.name)).toEqual([name]);
  });
});
