// Sign-in, sign-out, one's own password and second factor, and how the data folder is protected.
// These run through the dispatcher's auth path: the database may still be locked (see AuthCtx).
import type { AuthCtx, AuthHandlersOf } from '../../core/context';
import { OWNER_ID, ownerSession } from '../../core/session';
import { makeEntry, openEntry, replaceEntry } from '../../security/entries';
import { updateKeyring } from '../../security/keyring';
import { readSettings } from '../backups/settings';
import { sessionOf } from '../users/session-of';
import type { authContract, AuthStatus } from '../../../shared/auth';
import { KehuError } from '../../../shared/errors';
import { newEnrolment, newRecoveryCodes, secondFactorOf, setUserAuth, totpStep } from './second-factor';
import { protect } from './protection';
import { login, logout, passwordKeyring, verifySecondFactor } from './signin';
import { storedLocale } from '../../db/meta';

async function status(ctx: AuthCtx): Promise<AuthStatus> {
  const { gate, session } = ctx;
  const keyring = gate.keyring();
  const app = gate.app;
  return {
    state: !keyring ? 'setup' : session ? 'signed_in' : 'signed_out',
    mode: keyring?.mode ?? 'unset',
    encrypted: keyring?.encrypted ?? false,
    osKeyAvailable: gate.osKeys.isAvailable(),
    session,
    locale: keyring?.locale ?? (app ? await storedLocale(app.db.kysely) : null),
    idleLockMinutes: app ? readSettings(app).idleLockMinutes : 0,
    totpEnabled: app && session ? (await secondFactorOf(app.db.kysely, session.userId)) !== null : false,
  };
}

/** The signed-in user's key-file entry, after checking their password ('auth_failed' on the field). */
async function ownEntry(ctx: AuthCtx, password: string, field: string) {
  const entry = passwordKeyring(ctx.gate).users.find((u) => u.userId === ctx.session?.userId);
  if (!entry) throw new KehuError({ code: 'conflict', message: 'auth.errors.notPasswordMode' });
  const key = await openEntry(entry, password);
  if (!key) throw new KehuError({ code: 'auth_failed', fields: [{ path: field, message: 'auth.errors.wrongPassword' }] });
  return { entry, key };
}

const signedInUser = (ctx: AuthCtx) => {
  if (!ctx.session) throw new KehuError({ code: 'unauthenticated' });
  return ctx.session;
};

export const authHandlers: AuthHandlersOf<typeof authContract> = {
  'auth.status': (_input, ctx) => status(ctx),

  'auth.setup': async (input, ctx) => {
    if (ctx.gate.keyring()) throw new KehuError({ code: 'conflict', message: 'auth.errors.alreadySetUp' });
    if (input.mode === 'single') {
      await protect(ctx, input);
      return { status: 'signed_in', session: ownerSession };
    }
    await protect(ctx, { mode: 'password', userId: OWNER_ID, login: input.login, password: input.password, name: input.name });
    const session = await sessionOf(ctx.gate.openedApp().db.kysely, OWNER_ID);
    if (!session) throw new KehuError({ code: 'unauthenticated' });
    return { status: 'signed_in', session };
  },

  'auth.login': (input, ctx) => login(ctx, input.login, input.password),

  'auth.verifyTotp': (input, ctx) => verifySecondFactor(ctx, input.ticket, input.code),

  'auth.logout': (_input, ctx) => logout(ctx),

  'auth.changePassword': async (input, ctx) => {
    const { entry, key } = await ownEntry(ctx, input.current, 'current');
    const next = await makeEntry(entry.userId, entry.login, input.next, key, ctx.gate.scrypt);
    await ctx.mutate(async (c) => {
      await setUserAuth(c.db, entry.userId, { password_changed_at: c.now });
      // Inside the transaction: a key file that cannot be written rolls the change back.
      updateKeyring(ctx.gate.dataDir, (k) => {
        k.users = replaceEntry(k.users, next);
      });
    });
  },

  'auth.totpBegin': async (_input, ctx) => {
    const session = signedInUser(ctx);
    const entry = passwordKeyring(ctx.gate).users.find((u) => u.userId === session.userId);
    return newEnrolment(entry?.login ?? session.userName);
  },

  'auth.totpEnable': async (input, ctx) => {
    const session = signedInUser(ctx);
    passwordKeyring(ctx.gate);
    if (totpStep(input.secret, input.code, ctx.gate.now()) === null) {
      throw new KehuError({ code: 'auth_failed', fields: [{ path: 'code', message: 'auth.errors.wrongCode' }] });
    }
    const { codes, hashes } = await newRecoveryCodes(ctx.gate.scrypt);
    await ctx.mutate((c) =>
      setUserAuth(c.db, session.userId, { totp_secret: input.secret, totp_enabled_at: c.now, recovery_codes: JSON.stringify(hashes) }),
    );
    return { recoveryCodes: codes };
  },

  'auth.totpDisable': async (input, ctx) => {
    const { entry } = await ownEntry(ctx, input.password, 'password');
    await ctx.mutate((c) => setUserAuth(c.db, entry.userId, { totp_secret: null, totp_enabled_at: null, recovery_codes: '[]' }));
  },

  'security.setMode': async (input, ctx) => {
    const session = signedInUser(ctx);
    if (input.mode === 'password' && ctx.gate.keyring()?.mode === 'password') {
      throw new KehuError({ code: 'conflict', message: 'auth.errors.alreadyPasswordMode' });
    }
    await protect(ctx, input.mode === 'password' ? { ...input, userId: session.userId } : input);
  },
};
