// Signing in: lockout after failed attempts (with a clock the test moves), the second factor,
// sessions that end when idle or when the user is disabled, and the audit trail of it all.
import { TOTP } from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import { readKeyring } from '../../security/keyring';
import { client, useTempFolder, type Client } from '../../security/test-kit';

const t = useTempFolder();
let admin: Client;
beforeEach(async () => {
  admin = client(t.rt);
  await admin.call('auth.setup', { mode: 'password', name: '管理员', login: 'admin', password: 'correct horse' });
});

const MINUTE = 60_000;
const auditActions = () => (t.rt.app.db.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[]).filter((a) => a.startsWith('auth.'));

/** Restarts the runtime over the same folder: the database is locked again. */
async function restart(): Promise<Client> {
  await t.rt.close();
  t.rt = await t.folder.open();
  return client(t.rt);
}

describe('opening the database', () => {
  it('runs what waits for the database at the first sign-in, once', async () => {
    const c = await restart();
    const opened: string[] = [];
    t.rt.gate.whenOpen((app) => opened.push(app.deviceId));
    await expect(c.call('auth.login', { login: 'admin', password: 'wrong horse' })).rejects.toMatchObject({ code: 'auth_failed' });
    expect(opened).toEqual([]);
    await Promise.all([c.call('auth.login', { login: 'admin', password: 'correct horse' }), client(t.rt).call('auth.login', { login: 'admin', password: 'correct horse' })]);
    expect(opened).toEqual([t.rt.app.deviceId]);
    t.rt.gate.whenOpen((app) => opened.push(app.deviceId));
    expect(opened).toHaveLength(2);
  });
});

describe('status while locked', () => {
  it('knows the mode, the encryption and the interface language before the database opens', async () => {
    await admin.call('app.setLocale', { locale: 'en' });
    const c = await restart();
    expect(await c.call('auth.status', {})).toEqual({
      state: 'signed_out',
      mode: 'password',
      encrypted: true,
      osKeyAvailable: false,
      session: null,
      locale: 'en',
      idleLockMinutes: 0,
      totpEnabled: false,
    });
    expect(t.rt.gate.app).toBeNull();
  });
});

describe('lockout', () => {
  it('locks a sign-in name for 15 minutes after 5 failures, even for the right password', async () => {
    const c = await restart();
    for (let i = 0; i < 4; i++) await expect(c.call('auth.login', { login: 'admin', password: 'wrong horse' })).rejects.toMatchObject({ code: 'auth_failed' });
    await expect(c.call('auth.login', { login: 'admin', password: 'wrong horse' })).rejects.toMatchObject({
      code: 'locked_out',
      params: { until: new Date(t.folder.clock.now() + 15 * MINUTE).toISOString() },
    });
    await expect(c.call('auth.login', { login: 'admin', password: 'correct horse' })).rejects.toMatchObject({ code: 'locked_out' });
    expect(t.rt.gate.app).toBeNull();
    // Kept in the key file while the database is locked, written to audit_log when it opens.
    expect(readKeyring(t.folder.dir)?.pendingAudit).toHaveLength(7);

    t.folder.clock.advance(15 * MINUTE + 1);
    await c.call('auth.login', { login: 'admin', password: 'correct horse' });
    expect(auditActions()).toEqual([
      'auth.setup',
      ...Array(5).fill('auth.loginFailed'),
      'auth.lockedOut',
      'auth.loginFailed',
      'auth.login',
    ]);
    const failed = t.rt.app.db.sqlite.prepare(`SELECT user_id, input FROM audit_log WHERE action = 'auth.loginFailed' LIMIT 1`).get();
    expect(failed).toEqual({ user_id: 'owner', input: JSON.stringify({ login: 'admin' }) });
    expect(readKeyring(t.folder.dir)?.pendingAudit).toEqual([]);
  });

  it('answers an unknown sign-in name like a wrong password, and an administrator can unlock', async () => {
    await admin.call('users.create', { name: '小张', login: 'zhang', password: 'sales pass 1', role: 'sales' });
    const c = client(t.rt);
    await expect(c.call('auth.login', { login: 'nobody', password: 'whatever' })).rejects.toMatchObject({ code: 'auth_failed' });
    for (let i = 0; i < 5; i++) await c.call('auth.login', { login: 'zhang', password: 'nope nope' }).catch(() => undefined);
    const zhang = (await admin.call('users.adminList', {})).find((u) => u.login === 'zhang');
    expect(zhang?.lockedUntil).not.toBeNull();
    await expect(c.call('auth.login', { login: 'zhang', password: 'sales pass 1' })).rejects.toMatchObject({ code: 'locked_out' });
    await admin.call('users.unlock', { id: zhang!.id });
    expect(await c.call('auth.login', { login: 'zhang', password: 'sales pass 1' })).toMatchObject({ status: 'signed_in', session: { role: 'sales' } });
  });
});

describe('second factor', () => {
  it('needs the TOTP code after the password; a wrong or reused code fails; a recovery code works once', async () => {
    const { secret } = await admin.call('auth.totpBegin', {});
    const totp = new TOTP({ secret });
    const at = (t: number) => totp.generate({ timestamp: t });
    await expect(admin.call('auth.totpEnable', { secret, code: '000000' === at(t.folder.clock.now()) ? '111111' : '000000' })).rejects.toMatchObject({ code: 'auth_failed' });
    expect(await admin.call('auth.status', {})).toMatchObject({ totpEnabled: false });
    const { recoveryCodes } = await admin.call('auth.totpEnable', { secret, code: at(t.folder.clock.now()) });
    expect(recoveryCodes).toHaveLength(10);
    expect(await admin.call('auth.status', {})).toMatchObject({ totpEnabled: true });

    const c = await restart();
    const first = await c.call('auth.login', { login: 'admin', password: 'correct horse' });
    if (first.status !== 'totp') throw new Error('expected the second-factor step');
    await expect(c.call('contacts.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    const wrong = String((Number(at(t.folder.clock.now())) + 500_000) % 1_000_000).padStart(6, '0');
    await expect(c.call('auth.verifyTotp', { ticket: first.ticket, code: wrong })).rejects.toMatchObject({ code: 'auth_failed' });
    // One step of clock drift is accepted.
    expect(await c.call('auth.verifyTotp', { ticket: first.ticket, code: at(t.folder.clock.now() - 30_000) })).toMatchObject({ status: 'signed_in' });
    await c.call('contacts.list', {});

    const withCode = async (code: string) => {
      const step = await client(t.rt).call('auth.login', { login: 'admin', password: 'correct horse' });
      if (step.status !== 'totp') throw new Error('expected the second-factor step');
      return client(t.rt).call('auth.verifyTotp', { ticket: step.ticket, code });
    };
    // A code is taken once: the same one again (still within its window) is refused, a newer one works.
    await expect(withCode(at(t.folder.clock.now() - 30_000))).rejects.toMatchObject({ code: 'auth_failed' });
    expect(await withCode(at(t.folder.clock.now()))).toMatchObject({ status: 'signed_in' });
    expect(await withCode(recoveryCodes[3].toUpperCase())).toMatchObject({ status: 'signed_in' });
    await expect(withCode(recoveryCodes[3])).rejects.toMatchObject({ code: 'auth_failed' });
  });

  it('expires the ticket after 5 minutes, and can be turned off with the password', async () => {
    const { secret } = await admin.call('auth.totpBegin', {});
    const totp = new TOTP({ secret });
    await admin.call('auth.totpEnable', { secret, code: totp.generate({ timestamp: t.folder.clock.now() }) });
    const c = client(t.rt);
    const step = await c.call('auth.login', { login: 'admin', password: 'correct horse' });
    if (step.status !== 'totp') throw new Error('expected the second-factor step');
    t.folder.clock.advance(5 * MINUTE + 1);
    await expect(c.call('auth.verifyTotp', { ticket: step.ticket, code: totp.generate({ timestamp: t.folder.clock.now() }) })).rejects.toMatchObject({ code: 'auth_failed' });

    await expect(admin.call('auth.totpDisable', { password: 'wrong horse' })).rejects.toMatchObject({ code: 'auth_failed', fields: [{ path: 'password' }] });
    t.folder.clock.advance(-6 * MINUTE);
    await admin.call('auth.totpDisable', { password: 'correct horse' });
    expect(await c.call('auth.login', { login: 'admin', password: 'correct horse' })).toMatchObject({ status: 'signed_in' });
  });
});

describe('sessions', () => {
  it('ends a session after idle_lock_minutes without calls (0: never)', async () => {
    await admin.call('contacts.list', {});
    t.folder.clock.advance(14 * MINUTE);
    await admin.call('contacts.list', {});
    t.folder.clock.advance(15 * MINUTE + 1);
    await expect(admin.call('contacts.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await admin.call('auth.status', {})).toMatchObject({ state: 'signed_out', session: null, idleLockMinutes: 15 });

    await admin.call('auth.login', { login: 'admin', password: 'correct horse' });
    t.rt.app.db.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('idle_lock_minutes', '0')`).run();
    t.folder.clock.advance(24 * 60 * MINUTE);
    await admin.call('contacts.list', {});
  });

  it('ends with sign-out, and a disabled user is signed out at once', async () => {
    await admin.call('users.create', { name: '小张', login: 'zhang', password: 'sales pass 1', role: 'sales' });
    const sales = client(t.rt);
    await sales.call('auth.login', { login: 'zhang', password: 'sales pass 1' });
    await sales.call('contacts.list', {});
    const id = (await admin.call('users.adminList', {})).find((u) => u.login === 'zhang')!.id;
    await admin.call('users.update', { id, disabled: true });
    await expect(sales.call('contacts.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(sales.call('auth.login', { login: 'zhang', password: 'sales pass 1' })).rejects.toMatchObject({ code: 'auth_failed' });

    await admin.call('auth.logout', {});
    expect(admin.token).toBeNull();
    await expect(admin.call('contacts.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(auditActions()).toContain('auth.logout');
  });

  it('changes one password only with the current one', async () => {
    await expect(admin.call('auth.changePassword', { current: 'wrong horse', next: 'battery staple' })).rejects.toMatchObject({
      code: 'auth_failed',
      fields: [{ path: 'current', message: 'auth.errors.wrongPassword' }],
    });
    await expect(admin.call('auth.changePassword', { current: 'correct horse', next: 'short' })).rejects.toMatchObject({ code: 'invalid_input' });
    await admin.call('auth.changePassword', { current: 'correct horse', next: 'battery staple' });
    const c = await restart();
    await expect(c.call('auth.login', { login: 'admin', password: 'correct horse' })).rejects.toMatchObject({ code: 'auth_failed' });
    await c.call('auth.login', { login: 'admin', password: 'battery staple' });
  });
});
