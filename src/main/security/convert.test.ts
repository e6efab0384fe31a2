// Changing how the folder is protected converts the database file safely: every row kept, a
// before-encryption backup, and a failure or a crash midway leaves a database that opens.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isEncryptedFile } from './convert';
import { readKeyring } from './keyring';
import { client, fakeOsKeys, useTempFolder, type Client } from './test-kit';

const t = useTempFolder();
let owner: Client;
beforeEach(async () => {
  owner = client(t.rt);
});

const dbFile = () => join(t.folder.dir, 'kehu.db');
const counts = () => t.rt.app.db.sqlite.prepare('SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM companies) AS companies').get();
const backups = () => (existsSync(join(t.folder.dir, 'backups')) ? readdirSync(join(t.folder.dir, 'backups')) : []);

async function fill(): Promise<void> {
  for (let i = 0; i < 12; i++) await owner.call('contacts.create', { name: `客户${i}` });
  for (let i = 0; i < 5; i++) await owner.call('companies.create', { name: `公司${i}` });
}

describe('converting the database file', () => {
  it('plain → encrypted (passwords) → plain (single user) keeps every row and leaves a backup each time', async () => {
    await fill();
    const before = counts();
    await owner.call('auth.setup', { mode: 'single' });
    expect(backups()).toEqual([]);
    expect(readKeyring(t.folder.dir)).toMatchObject({ mode: 'single', encrypted: false });

    await owner.call('security.setMode', { mode: 'password', login: 'boss', password: 'correct horse' });
    expect(isEncryptedFile(dbFile())).toBe(true);
    expect(counts()).toEqual(before);
    expect(backups()).toEqual([expect.stringMatching(/-before-encryption\.db$/)]);
    // The caller carries on signed in as the administrator it became.
    expect(await owner.call('auth.status', {})).toMatchObject({ state: 'signed_in', mode: 'password', encrypted: true, session: { userId: 'owner' } });

    const manual = (await owner.call('backups.create', {})).file;
    expect(isEncryptedFile(join(t.folder.dir, 'backups', manual))).toBe(true);
    await owner.call('security.setMode', { mode: 'single', useOsKey: false });
    expect(isEncryptedFile(dbFile())).toBe(false);
    expect(t.rt.app.dbKey).toBeNull();
    expect(counts()).toEqual(before);
    // The key is forgotten, so the backups made under it are decrypted and still restore.
    expect(backups()).toHaveLength(3);
    expect(backups().filter((f) => isEncryptedFile(join(t.folder.dir, 'backups', f)))).toEqual([]);
    await owner.call('contacts.create', { name: '之后' });
    await owner.call('backups.restore', { file: manual });
    expect(counts()).toEqual(before);
    await t.rt.close();
    t.rt = await t.folder.open();
    expect(counts()).toEqual(before);
  });

  it('leaves the original intact when the copy step fails', async () => {
    await fill();
    const before = counts();
    await owner.call('auth.setup', { mode: 'single' });
    const keyring = readFileSync(join(t.folder.dir, 'keyring.json'), 'utf8');
    // A directory where the converted copy goes: copying fails.
    mkdirSync(`${dbFile()}.converting`);
    writeFileSync(join(`${dbFile()}.converting`, 'x'), 'x');
    await expect(owner.call('security.setMode', { mode: 'password', login: 'boss', password: 'correct horse' })).rejects.toMatchObject({ code: 'internal' });
    expect(readFileSync(join(t.folder.dir, 'keyring.json'), 'utf8')).toBe(keyring);
    expect(isEncryptedFile(dbFile())).toBe(false);
    expect(t.rt.app.dbKey).toBeNull();
    expect(counts()).toEqual(before);
    await owner.call('contacts.create', { name: '之后' });
  });

  it('at start, finishes a conversion the key file already records, and drops an unfinished copy', async () => {
    await fill();
    const before = counts();
    await owner.call('auth.setup', { mode: 'single' });
    await t.rt.close();
    const plainFile = readFileSync(dbFile());
    // A crash while copying: a half-written copy, the key file unchanged.
    writeFileSync(`${dbFile()}.converting`, Buffer.alloc(4096, 7));
    t.rt = await t.folder.open();
    expect(existsSync(`${dbFile()}.converting`)).toBe(false);
    expect(counts()).toEqual(before);

    // A crash after the key file was written, before the rename: the verified copy takes over.
    owner = client(t.rt);
    await owner.call('security.setMode', { mode: 'password', login: 'boss', password: 'correct horse' });
    const encrypted = readFileSync(dbFile());
    const wrongKeyring = readFileSync(join(t.folder.dir, 'keyring.json'));
    await t.rt.close();
    writeFileSync(`${dbFile()}.converting`, encrypted);
    writeFileSync(dbFile(), plainFile);
    expect(isEncryptedFile(dbFile())).toBe(false);
    writeFileSync(join(t.folder.dir, 'keyring.json'), wrongKeyring);
    t.rt = await t.folder.open();
    expect(isEncryptedFile(dbFile())).toBe(true);
    await client(t.rt).call('auth.login', { login: 'boss', password: 'correct horse' });
    expect(counts()).toEqual(before);
  });

  it('single-user mode with the OS key: encrypted, opens without sign-in where the OS key exists, refused elsewhere', async () => {
    await fill();
    await expect(owner.call('auth.setup', { mode: 'single', useOsKey: true })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ path: 'useOsKey', message: 'auth.errors.osKeyUnavailable' }],
    });
    await t.rt.close();
    t.rt = await t.folder.open(fakeOsKeys);
    owner = client(t.rt);
    expect(await owner.call('auth.status', {})).toMatchObject({ state: 'setup', osKeyAvailable: true });
    await owner.call('auth.setup', { mode: 'single', useOsKey: true });
    expect(isEncryptedFile(dbFile())).toBe(true);
    expect(await owner.call('security.settings', {})).toMatchObject({ mode: 'single', encrypted: true, osKeyAvailable: true });
    const key = t.rt.app.dbKey;
    await t.rt.close();

    t.rt = await t.folder.open(fakeOsKeys);
    expect(t.rt.app.dbKey).toBe(key);
    expect(await client(t.rt).call('auth.status', {})).toMatchObject({ state: 'signed_in', mode: 'single', encrypted: true });
    expect((await client(t.rt).call('contacts.list', {})).items).toHaveLength(12);
    await t.rt.close();
    await expect(t.folder.open()).rejects.toMatchObject({ code: 'unauthenticated', params: { reason: 'os_key_unavailable' } });

    // Passwords on top of the OS key: same database key, no conversion; and back.
    t.rt = await t.folder.open(fakeOsKeys);
    await client(t.rt).call('security.setMode', { mode: 'password', login: 'boss', password: 'correct horse' });
    expect(t.rt.app.dbKey).toBe(key);
    expect(backups()).toHaveLength(1);
  });

  it('refuses a second setup, and setMode without security.admin', async () => {
    await owner.call('auth.setup', { mode: 'password', name: '老板', login: 'boss', password: 'correct horse' });
    await expect(owner.call('auth.setup', { mode: 'single' })).rejects.toMatchObject({ code: 'conflict', message: 'auth.errors.alreadySetUp' });
    await owner.call('users.create', { name: '小张', login: 'zhang', password: 'sales pass 1', role: 'sales' });
    const sales = client(t.rt);
    await sales.call('auth.login', { login: 'zhang', password: 'sales pass 1' });
    await expect(sales.call('security.setMode', { mode: 'single', useOsKey: false })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
