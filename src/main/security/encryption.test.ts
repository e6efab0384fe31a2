// Encryption at rest: after setting up passwords the file holds no readable data, opens only with
// a right password, and keeps its one key whatever happens to the users' passwords.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { readKeyring } from './keyring';
import { client, useTempFolder } from './test-kit';

const t = useTempFolder();

const dbFile = () => join(t.folder.dir, 'kehu.db');
const fileBytes = () => Buffer.concat([dbFile(), `${dbFile()}-wal`].filter(existsSync).map((f) => readFileSync(f)));
const ADMIN = { mode: 'password', name: '王经理', login: 'admin', password: 'correct horse' } as const;

describe('encryption at rest', () => {
  it('leaves no plaintext of a known name in the database file after setup with a password', async () => {
    const c = client(t.rt);
    await c.call('contacts.create', { name: '张伟', emails: ['zhang.wei@example.com'] });
    await c.call('companies.create', { name: 'Zhang Wei Trading' });
    expect(fileBytes().includes(Buffer.from('张伟'))).toBe(true);

    expect(await c.call('auth.setup', ADMIN)).toMatchObject({ status: 'signed_in', session: { userId: 'owner', userName: '王经理' } });
    await c.call('contacts.create', { name: '张伟伟' });
    for (const text of ['张伟', 'Zhang Wei', 'zhang.wei@example.com', '王经理']) {
      expect(fileBytes().includes(Buffer.from(text)), text).toBe(false);
    }
    expect(readKeyring(t.folder.dir)).toMatchObject({ mode: 'password', encrypted: true });
    expect(t.rt.app.dbKey).toMatch(/^[0-9a-f]{64}$/);
    await t.rt.close();

    const raw = new BetterSqlite3(dbFile());
    expect(() => raw.prepare('SELECT count(*) FROM contacts').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    raw.close();

    t.rt = await t.folder.open();
    const again = client(t.rt);
    expect(() => t.rt.app).toThrow();
    await expect(again.call('contacts.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(again.call('auth.login', { login: 'admin', password: 'wrong horse!' })).rejects.toMatchObject({ code: 'auth_failed' });
    expect(t.rt.gate.app).toBeNull();
    await again.call('auth.login', { login: 'ADMIN ', password: 'correct horse' });
    const names = (await again.call('contacts.list', {})).items.map((r) => r.name).sort();
    expect(names).toEqual(['张伟', '张伟伟']);
  });

  it('keeps the database key when a password changes or a user is added', async () => {
    const c = client(t.rt);
    await c.call('auth.setup', ADMIN);
    const key = t.rt.app.dbKey;
    await c.call('contacts.create', { name: '李娜' });
    await c.call('auth.changePassword', { current: 'correct horse', next: 'battery staple' });
    await c.call('users.create', { name: '销售小张', login: 'zhang', password: 'sales pass 1', role: 'sales' });
    expect(t.rt.app.dbKey).toBe(key);
    await t.rt.close();

    t.rt = await t.folder.open();
    const sales = client(t.rt);
    await expect(sales.call('auth.login', { login: 'admin', password: 'correct horse' })).rejects.toMatchObject({ code: 'auth_failed' });
    await sales.call('auth.login', { login: 'zhang', password: 'sales pass 1' });
    expect(t.rt.app.dbKey).toBe(key);
    const admin = client(t.rt);
    await admin.call('auth.login', { login: 'admin', password: 'battery staple' });
    expect((await admin.call('contacts.list', {})).items.map((r) => r.name)).toEqual(['李娜']);
  });

  it('never writes a password to the audit log', async () => {
    const c = client(t.rt);
    await c.call('auth.setup', ADMIN);
    await c.call('auth.changePassword', { current: 'correct horse', next: 'battery staple' });
    await c.call('users.create', { name: '销售小张', login: 'zhang', password: 'sales pass 1', role: 'sales' });
    const inputs = t.rt.app.db.sqlite.prepare('SELECT action, input FROM audit_log').all() as { action: string; input: string | null }[];
    expect(inputs.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.setup', 'auth.changePassword', 'users.create']));
    for (const secret of ['correct horse', 'battery staple', 'sales pass 1']) {
      expect(inputs.some((r) => r.input?.includes(secret)), secret).toBe(false);
    }
  });

  it('writes a before-encryption backup', async () => {
    await client(t.rt).call('auth.setup', ADMIN);
    expect(readdirSync(join(t.folder.dir, 'backups'))).toEqual([expect.stringMatching(/^kehu-\d{8}-\d{6}-before-encryption\.db$/)]);
  });
});
