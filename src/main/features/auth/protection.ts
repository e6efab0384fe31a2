// How the data folder is protected, and changing it: no sign-in (plain, or encrypted with a key
// the operating system keeps) or users with passwords (always encrypted). The database file is
// converted only when its key changes, always through security/convert.ts (backup first, convert
// a copy, verify, then replace); the key file is written between the check and the replace.
import type { AuthCtx, Ctx } from '../../core/context';
import { newDataKey } from '../../security/crypto';
import { convertDatabase } from '../../security/convert';
import { makeEntry } from '../../security/entries';
import { emptyKeyring, writeKeyring, type Keyring } from '../../security/keyring';
import { KehuError } from '../../../shared/errors';
import { setUserAuth } from './second-factor';
import { storedLocale } from '../../db/meta';

export type Protection =
  | { mode: 'password'; userId: string; login: string; password: string; name?: string }
  | { mode: 'single'; useOsKey: boolean };

/** Gives the user this sign-in name (and name): 'duplicate' when another live user has it. */
async function setLogin(ctx: Ctx, userId: string, login: string, name?: string): Promise<void> {
  const clash = await ctx.db.selectFrom('users').select('id').where('login', '=', login).where('deleted_at', 'is', null).where('id', '!=', userId).executeTakeFirst();
  if (clash) throw new KehuError({ code: 'duplicate', fields: [{ path: 'login', message: 'users.errors.login_taken' }] });
  await ctx.changes.update('users', userId, { login, ...(name ? { name } : {}) });
  await setUserAuth(ctx.db, userId, { password_changed_at: ctx.now });
}

export async function protect(ctx: AuthCtx, target: Protection): Promise<void> {
  const { gate } = ctx;
  const app = gate.openedApp();
  const useOsKey = target.mode === 'single' && target.useOsKey;
  if (useOsKey && !gate.osKeys.isAvailable()) {
    throw new KehuError({ code: 'invalid_input', fields: [{ path: 'useOsKey', message: 'auth.errors.osKeyUnavailable' }] });
  }
  const nextKey = target.mode === 'password' || useOsKey ? (app.dbKey ?? newDataKey()) : null;
  const previous = gate.keyring();
  const keyring: Keyring = {
    ...emptyKeyring(target.mode),
    encrypted: nextKey !== null,
    osWrapped: useOsKey && nextKey ? gate.osKeys.encrypt(Buffer.from(nextKey, 'utf8')).toString('base64') : null,
    users: target.mode === 'password' ? [await makeEntry(target.userId, target.login, target.password, nextKey as string, gate.scrypt)] : [],
    pendingAudit: previous?.pendingAudit ?? [],
    locale: previous?.locale ?? (await storedLocale(app.db.kysely)),
  };
  await ctx.mutate(async (c) => {
    if (target.mode === 'password') await setLogin(c, target.userId, target.login, target.name);
  });
  const commit = () => writeKeyring(gate.dataDir, keyring);
  if (nextKey === app.dbKey) commit();
  else await convertDatabase(app, nextKey, commit);
  gate.sessions.endAll();
  if (target.mode === 'password') gate.signIn(ctx.caller, target.userId);
}
