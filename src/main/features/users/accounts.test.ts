// Accounts managed by an administrator: sign-in names are unique, roles and managers must exist
// (and managers form no cycle), the last enabled administrator stays, passwords need password mode.
import { beforeEach, describe, expect, it } from 'vitest';
import { readKeyring, writeKeyring } from '../../security/keyring';
import { client, useTempFolder, type Client } from '../../security/test-kit';

const t = useTempFolder();
let admin: Client;
beforeEach(async () => {
  admin = client(t.rt);
});

const setUp = () => admin.call('auth.setup', { mode: 'password', name: '老板', login: 'boss', password: 'correct horse' });
const create = (login: string, role = 'sales', managerId?: string) =>
  admin.call('users.create', { name: `用户${login}`, login, password: 'password 123', role, ...(managerId ? { managerId } : {}) });

describe('user accounts', () => {
  it('refuses passwords before the t.folder is in password mode', async () => {
    await expect(create('zhang')).rejects.toMatchObject({ code: 'conflict', message: 'auth.errors.passwordModeRequired' });
    await admin.call('auth.setup', { mode: 'single' });
    await expect(create('zhang')).rejects.toMatchObject({ code: 'conflict', message: 'auth.errors.passwordModeRequired' });
  });

  it('creates users with a unique sign-in name, a real role and a live manager', async () => {
    await setUp();
    const { id: lead } = await create('Lead.Wang', 'manager');
    const { id: rep } = await create('rep', 'sales', lead);
    await expect(create('LEAD.wang')).rejects.toMatchObject({ code: 'duplicate', fields: [{ path: 'login', message: 'users.errors.login_taken' }] });
    await expect(create('x1', 'pilot')).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'role' }] });
    await expect(create('x2', 'sales', 'no-such-user')).rejects.toMatchObject({ fields: [{ path: 'managerId', message: 'users.errors.unknown_manager' }] });
    await expect(admin.call('users.update', { id: lead, managerId: rep })).rejects.toMatchObject({ fields: [{ path: 'managerId', message: 'users.errors.manager_cycle' }] });

    const rows = await admin.call('users.adminList', {});
    expect(rows.find((r) => r.id === rep)).toMatchObject({ login: 'rep', role: 'sales', managerId: lead, hasPassword: true, totpEnabled: false, disabled: false });
    expect(readKeyring(t.folder.dir)?.users.map((u) => u.login).sort()).toEqual(['boss', 'lead.wang', 'rep']);
    const audit = t.rt.app.db.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'users.create'`).pluck().get();
    expect(audit).toBe(2);

    const manager = client(t.rt);
    expect(await manager.call('auth.login', { login: 'lead.wang', password: 'password 123' })).toMatchObject({ status: 'signed_in', session: { scope: 'team', team: expect.arrayContaining([lead, rep]) } });
  });

  it('replaces a stale key-file entry under the same sign-in name', async () => {
    await setUp();
    // Left by a users.create whose transaction rolled back after the key file was written.
    const keyring = readKeyring(t.folder.dir)!;
    writeKeyring(t.folder.dir, { ...keyring, users: [...keyring.users, { ...keyring.users[0], userId: 'ghost', login: 'rep' }] });
    await create('rep');
    expect(readKeyring(t.folder.dir)?.users.map((u) => u.userId)).not.toContain('ghost');
    expect(await client(t.rt).call('auth.login', { login: 'rep', password: 'password 123' })).toMatchObject({ status: 'signed_in' });
  });

  it('keeps an enabled administrator, and no administrator disables or demotes themself', async () => {
    await setUp();
    await expect(admin.call('users.update', { id: 'owner', disabled: true })).rejects.toMatchObject({ code: 'conflict', message: 'users.errors.not_yourself' });
    await expect(admin.call('users.update', { id: 'owner', role: 'sales' })).rejects.toMatchObject({ code: 'conflict', message: 'users.errors.not_yourself' });
    const { id: second } = await create('second', 'admin');
    const other = client(t.rt);
    await other.call('auth.login', { login: 'second', password: 'password 123' });
    await other.call('users.update', { id: 'owner', role: 'manager' });
    await expect(other.call('users.update', { id: second, disabled: true })).rejects.toMatchObject({ message: 'users.errors.not_yourself' });
    await admin.call('auth.login', { login: 'boss', password: 'correct horse' });
    await expect(admin.call('users.update', { id: second, disabled: true })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses to disable or demote the last enabled administrator', async () => {
    await setUp();
    const { id: role } = await admin.call('roles.save', { name: '人事', permissions: ['users.admin'], scope: 'own' });
    await create('hr', role);
    const hr = client(t.rt);
    await hr.call('auth.login', { login: 'hr', password: 'password 123' });
    await expect(hr.call('users.update', { id: 'owner', disabled: true })).rejects.toMatchObject({ code: 'conflict', message: 'users.errors.last_admin' });
    await expect(hr.call('users.update', { id: 'owner', role })).rejects.toMatchObject({ code: 'conflict', message: 'users.errors.last_admin' });
    await create('second', 'admin');
    await hr.call('users.update', { id: 'owner', disabled: true });
    await expect(admin.call('contacts.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('resets a password and a second factor without touching the database key', async () => {
    await setUp();
    const key = t.rt.app.dbKey;
    const { id } = await create('rep');
    await admin.call('users.resetPassword', { id, password: 'brand new pass' });
    await admin.call('users.resetTotp', { id });
    const rep = client(t.rt);
    await expect(rep.call('auth.login', { login: 'rep', password: 'password 123' })).rejects.toMatchObject({ code: 'auth_failed' });
    await rep.call('auth.login', { login: 'rep', password: 'brand new pass' });
    expect(t.rt.app.dbKey).toBe(key);
    await expect(rep.call('users.adminList', {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
