// User accounts, managed by an administrator: the users row (synced) and, on this device, the
// user's key-file entry (their password's copy of the database key), second factor and lockout.
// Passwords exist only in password mode: creating a user or setting a password before it is
// refused ('auth.errors.passwordModeRequired'), since there is nothing to sign in to yet.
import type { Ctx, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';
import { SCRYPT_PARAMS } from '../../security/crypto';
import { makeEntry, replaceEntry } from '../../security/entries';
import { readKeyring, updateKeyring, type Keyring } from '../../security/keyring';
import { lockedUntil } from '../../security/lockout';
import { setUserAuth } from '../auth/second-factor';
import { roleGrants } from './session-of';
import type { usersContract } from '../../../shared/users';
import { KehuError, notFound } from '../../../shared/errors';

type AccountChannels = 'users.adminList' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.resetTotp' | 'users.unlock';

function passwordMode(ctx: Ctx): Keyring & { dataKey: string } {
  const keyring = readKeyring(ctx.app.dataDir);
  if (keyring?.mode !== 'password' || !ctx.app.dbKey) throw new KehuError({ code: 'conflict', message: 'auth.errors.passwordModeRequired' });
  return { ...keyring, dataKey: ctx.app.dbKey };
}

async function liveUser(ctx: Ctx, id: string) {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!user) throw notFound('user', id);
  return user;
}

async function checkRole(ctx: Ctx, role: string): Promise<void> {
  if (!(await roleGrants(ctx.db, role))) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'role', message: 'users.errors.unknown_role' }] });
}

/** The manager must be a live user, and not the user or anyone who reports to them (no cycles). */
async function checkManager(ctx: Ctx, userId: string | null, managerId: string): Promise<void> {
  const field = (message: string) => new KehuError({ code: 'invalid_input', fields: [{ path: 'managerId', message }] });
  let current: string | null = managerId;
  for (let depth = 0; current !== null; depth++) {
    if (current === userId || depth > 100) throw field('users.errors.manager_cycle');
    const row: { manager_id: string | null } | undefined = await ctx.db
      .selectFrom('users')
      .select('manager_id')
      .where('id', '=', current)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw field('users.errors.unknown_manager');
    current = row.manager_id;
  }
}

/** Disabling or demoting must leave an enabled administrator, and never be done to oneself. */
async function checkKeepsAdmin(ctx: Ctx, user: { id: string; role: string; disabled_at: string | null }, role: string, disabled: boolean): Promise<void> {
  const losesAdmin = user.role === 'admin' && !user.disabled_at && (role !== 'admin' || disabled);
  if (!losesAdmin) return;
  if (user.id === ctx.session.userId) throw new KehuError({ code: 'conflict', message: 'users.errors.not_yourself' });
  const others = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('deleted_at', 'is', null)
    .where('disabled_at', 'is', null)
    .where('id', '!=', user.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) throw new KehuError({ code: 'conflict', message: 'users.errors.last_admin' });
}

async function loginTaken(ctx: Ctx, login: string): Promise<void> {
  const clash = await ctx.db.selectFrom('users').select('id').where('login', '=', login).where('deleted_at', 'is', null).executeTakeFirst();
  if (clash) throw new KehuError({ code: 'duplicate', fields: [{ path: 'login', message: 'users.errors.login_taken' }] });
}

const cost = (ctx: Ctx) => ctx.app.security?.scrypt ?? SCRYPT_PARAMS;

/** Writes the user's key-file entry last in the transaction: a failure to write rolls the change back. */
async function setPassword(ctx: Ctx, userId: string, login: string, password: string, dataKey: string): Promise<void> {
  const entry = await makeEntry(userId, login, password, dataKey, cost(ctx));
  await setUserAuth(ctx.db, userId, { password_changed_at: ctx.now });
  updateKeyring(ctx.app.dataDir, (k) => {
    k.users = replaceEntry(k.users, entry);
    delete k.lockouts[login];
  });
}

export const accountsHandlers: HandlersOf<Pick<typeof usersContract, AccountChannels>> = {
  'users.adminList': async (_input, ctx) => {
    const keyring = readKeyring(ctx.app.dataDir);
    const rows = await ctx.db
      .selectFrom('users')
      .leftJoin('user_auth', 'user_auth.user_id', 'users.id')
      .select(['users.id', 'users.name', 'users.login', 'users.role', 'users.manager_id', 'users.disabled_at', 'user_auth.totp_enabled_at', 'user_auth.last_login_at'])
      .where('users.deleted_at', 'is', null)
      .orderBy('users.name')
      .execute();
    const now = ctx.app.security?.now() ?? Date.now();
    return rows.map((u) => ({
      id: u.id,
      name: u.name,
      login: u.login,
      role: u.role,
      managerId: u.manager_id,
      disabled: u.disabled_at !== null,
      hasPassword: keyring?.mode === 'password' && keyring.users.some((e) => e.userId === u.id),
      totpEnabled: u.totp_enabled_at !== null && u.totp_enabled_at !== undefined,
      lockedUntil: keyring && u.login ? lockedUntil(keyring, u.login, now) : null,
      lastLoginAt: u.last_login_at ?? null,
    }));
  },

  'users.create': async (input, ctx) => {
    const { dataKey } = passwordMode(ctx);
    await checkRole(ctx, input.role);
    if (input.managerId) await checkManager(ctx, null, input.managerId);
    await loginTaken(ctx, input.login);
    const id = newId();
    await ctx.changes.insert('users', { id, name: input.name, login: input.login, role: input.role, manager_id: input.managerId ?? null, disabled_at: null });
    await setPassword(ctx, id, input.login, input.password, dataKey);
    return { id };
  },

  'users.update': async (input, ctx) => {
    const user = await liveUser(ctx, input.id);
    const role = input.role ?? user.role;
    const disabled = input.disabled ?? user.disabled_at !== null;
    if (input.role !== undefined) await checkRole(ctx, input.role);
    if (input.managerId) await checkManager(ctx, user.id, input.managerId);
    await checkKeepsAdmin(ctx, user, role, disabled);
    await ctx.changes.update('users', user.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      role,
      ...(input.managerId !== undefined ? { manager_id: input.managerId } : {}),
      disabled_at: disabled ? (user.disabled_at ?? ctx.now) : null,
    });
  },

  'users.resetPassword': async (input, ctx) => {
    const { dataKey } = passwordMode(ctx);
    const user = await liveUser(ctx, input.id);
    if (!user.login) throw new KehuError({ code: 'conflict', message: 'users.errors.no_login' });
    await setPassword(ctx, user.id, user.login, input.password, dataKey);
  },

  'users.resetTotp': async (input, ctx) => {
    const user = await liveUser(ctx, input.id);
    await setUserAuth(ctx.db, user.id, { totp_secret: null, totp_enabled_at: null, recovery_codes: '[]' });
  },

  'users.unlock': async (input, ctx) => {
    const user = await liveUser(ctx, input.id);
    if (!user.login) return;
    const login = user.login;
    updateKeyring(ctx.app.dataDir, (k) => {
      delete k.lockouts[login];
    });
  },
};
