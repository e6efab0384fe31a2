// Signing in: the password unwraps this user's copy of the database key (opening the database on
// the first sign-in of the process), then a second factor when the user enabled one. Every failure
// answers the same 'auth_failed', is written to the audit log (or kept in the key file while the
// database is locked) and counts toward the lockout.
import type { AuthCtx } from '../../core/context';
import type { AppState } from '../../core/context';
import { dummyCheck, openEntry } from '../../security/entries';
import { insertAuthAudit, type Gate } from '../../security/gate';
import type { Keyring } from '../../security/keyring';
import { clearFailures, countFailure, lockedUntil } from '../../security/lockout';
import { sessionOf } from '../users/session-of';
import type { LoginResult } from '../../../shared/auth';
import { KehuError } from '../../../shared/errors';
import { checkSecondFactor, secondFactorOf, setUserAuth } from './second-factor';

export function passwordKeyring(gate: Gate): Keyring {
  const keyring = gate.keyring();
  if (keyring?.mode !== 'password') throw new KehuError({ code: 'conflict', message: 'auth.errors.notPasswordMode' });
  return keyring;
}

const iso = (gate: Gate) => new Date(gate.now()).toISOString();

/** Records a failed attempt and throws: 'locked_out' when this one starts a lockout, else 'auth_failed'. */
async function failed(gate: Gate, login: string, userId: string): Promise<never> {
  await gate.recordAuth({ at: iso(gate), action: 'auth.loginFailed', login, userId });
  const until = countFailure(gate.dataDir, login, gate.now());
  if (until) {
    await gate.recordAuth({ at: iso(gate), action: 'auth.lockedOut', login, userId });
    throw new KehuError({ code: 'locked_out', params: { until } });
  }
  throw new KehuError({ code: 'auth_failed' });
}

/** While locked out even the right password fails (and the attempt is logged). */
async function refuseWhileLocked(gate: Gate, keyring: Keyring, login: string, userId: string): Promise<void> {
  const until = lockedUntil(keyring, login, gate.now());
  if (!until) return;
  await gate.recordAuth({ at: iso(gate), action: 'auth.loginFailed', login, userId });
  throw new KehuError({ code: 'locked_out', params: { until } });
}

async function signedIn(ctx: AuthCtx, app: AppState, userId: string, login: string): Promise<LoginResult> {
  const session = await sessionOf(app.db.kysely, userId);
  if (!session) return failed(ctx.gate, login, userId);
  ctx.gate.signIn(ctx.caller, userId);
  const at = iso(ctx.gate);
  await insertAuthAudit(app, { at, action: 'auth.login', login, userId });
  await setUserAuth(app.db.kysely, userId, { last_login_at: at });
  return { status: 'signed_in', session };
}

export async function login(ctx: AuthCtx, login: string, password: string): Promise<LoginResult> {
  const { gate } = ctx;
  const keyring = passwordKeyring(gate);
  const entry = keyring.users.find((u) => u.login === login);
  await refuseWhileLocked(gate, keyring, login, entry?.userId ?? '');
  const key = entry ? await openEntry(entry, password) : await dummyCheck(password, gate.scrypt);
  if (!entry || !key) return failed(gate, login, entry?.userId ?? '');
  const app = await gate.unlock(key);
  if (!(await sessionOf(app.db.kysely, entry.userId))) return failed(gate, login, entry.userId);
  clearFailures(gate.dataDir, login);
  if (await secondFactorOf(app.db.kysely, entry.userId)) return { status: 'totp', ticket: gate.newTicket(entry.userId, login) };
  return signedIn(ctx, app, entry.userId, login);
}

export async function verifySecondFactor(ctx: AuthCtx, ticketId: string, code: string): Promise<LoginResult> {
  const { gate } = ctx;
  const ticket = gate.ticket(ticketId);
  if (!ticket) throw new KehuError({ code: 'auth_failed' });
  await refuseWhileLocked(gate, passwordKeyring(gate), ticket.login, ticket.userId);
  const app = gate.openedApp();
  if (!(await checkSecondFactor(app.db.kysely, { userId: ticket.userId, code, now: gate.now(), params: gate.scrypt, usedSteps: gate.usedTotpSteps }))) {
    try {
      return await failed(gate, ticket.login, ticket.userId);
    } catch (e) {
      if (e instanceof KehuError && e.code === 'locked_out') gate.endTicket(ticketId);
      throw e;
    }
  }
  gate.endTicket(ticketId);
  clearFailures(gate.dataDir, ticket.login);
  return signedIn(ctx, app, ticket.userId, ticket.login);
}

export async function logout(ctx: AuthCtx): Promise<void> {
  const { gate, session } = ctx;
  gate.signOut(ctx.caller);
  if (!gate.app || !session) return;
  const login = gate.keyring()?.users.find((u) => u.userId === session.userId)?.login ?? '';
  await insertAuthAudit(gate.app, { at: iso(gate), action: 'auth.logout', login, userId: session.userId });
}
