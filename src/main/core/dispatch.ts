// The single entry for every caller (Electron IPC, the HTTP host, the CLI, tests):
// known channel → session → parse input → permission → (transaction + change_log + audit) → Result.
// Sign-in channels take their own path (the database may still be locked), through the same entry.
import { sql } from 'kysely';
import type { z } from 'zod';
import { authContract } from '../../shared/auth';
import { contract, isChannel, type Channel } from '../../shared/contract';
import { isMessageKey, KehuError, type FieldIssue, type Result } from '../../shared/errors';
import type { SessionInfo } from '../../shared/permissions';
import { isSqliteBusy } from '../db/open';
import { jobsOf } from '../jobs/registry';
import { ChangeSet } from './changes';
import type { Gate, TokenCaller } from '../security/gate';
import type { AppState, AuthChannel, AuthCtx, Ctx, Handlers } from './context';
import { writeAudit, writeChangeLog } from './logs';

/**
 * Who calls: a transport's session token (resolved to the signed-in user on every call), or a
 * session given directly by code in this process (tests, the demo seeder); null: nobody.
 */
export type Caller = TokenCaller | SessionInfo | null;

export type Dispatch = (channel: string, rawInput: unknown, caller: Caller) => Promise<Result<unknown>>;

const isTokenCaller = (caller: Caller): caller is TokenCaller => caller !== null && 'setToken' in caller;

/** A caller without a transport: sign-in works but leaves no token behind. */
const detached = (): TokenCaller => ({ token: null, setToken: () => undefined });

const isAuthChannel = (channel: Channel): channel is AuthChannel => channel in authContract;

export function createDispatch(gate: Gate, handlers: Handlers): Dispatch {
  return async (channel, rawInput, caller) => {
    try {
      if (!isChannel(channel)) throw new KehuError({ code: 'unknown_channel', params: { channel: String(channel).slice(0, 80) } });
      const def = contract[channel];
      const session = isTokenCaller(caller) ? await gate.sessionFor(caller) : caller;
      if (!session && !def.public) throw new KehuError({ code: 'unauthenticated' });
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      if (session && def.permission !== 'signed_in' && !session.permissions.includes(def.permission)) {
        throw new KehuError({ code: 'forbidden', params: { permission: def.permission } });
      }
      const data = isAuthChannel(channel)
        ? await runAuth(gate, handlers, channel, parsed.data, rawInput, session, isTokenCaller(caller) ? caller : detached())
        : await runChannel(gate.openedApp(), handlers, channel, parsed.data, rawInput, session as SessionInfo);
      return { ok: true, data: data ?? null };
    } catch (e) {
      return { ok: false, error: toKehuError(e).toData() };
    }
  };
}

function runChannel(app: AppState, handlers: Handlers, channel: Exclude<Channel, AuthChannel>, input: unknown, rawInput: unknown, session: SessionInfo) {
  const handler = handlers[channel] as (input: unknown, ctx: Ctx) => Promise<unknown>;
  return contract[channel].kind === 'query'
    ? handler(input, queryCtx(app, session))
    : runMutation(app, channel, rawInput, session, (ctx) => handler(input, ctx));
}

/** What an auth channel's audit row keeps of its input: never a password, code, secret or ticket. */
const AUTH_AUDIT_FIELDS = ['mode', 'useOsKey', 'name', 'login'];

function runAuth(gate: Gate, handlers: Handlers, channel: AuthChannel, input: unknown, rawInput: unknown, session: SessionInfo | null, caller: TokenCaller) {
  const handler = handlers[channel] as (input: unknown, ctx: AuthCtx) => Promise<unknown>;
  const raw = typeof rawInput === 'object' && rawInput !== null ? (rawInput as Record<string, unknown>) : {};
  const audited = Object.fromEntries(AUTH_AUDIT_FIELDS.filter((k) => k in raw).map((k) => [k, raw[k]]));
  return handler(input, {
    gate,
    session,
    caller,
    mutate: (fn) => {
      if (!session) throw new KehuError({ code: 'unauthenticated' });
      return runMutation(gate.openedApp(), channel, audited, session, fn);
    },
  });
}

function queryCtx(app: AppState, session: SessionInfo): Ctx {
  const now = new Date().toISOString();
  const readOnly = new Proxy(new ChangeSet(app.db.kysely, session.userId, now), {
    get() {
      throw new Error('a query channel tried to write');
    },
  });
  return { db: app.db.kysely, session, changes: readOnly, now, app };
}

async function runMutation<T>(app: AppState, channel: Channel, auditedInput: unknown, session: SessionInfo, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  // A job's transaction holds the write lock: waiting for it would freeze the window for up to
  // busy_timeout and then fail, so say at once that the database is busy.
  if (jobsOf(app).holdsWriteLock()) throw new KehuError({ code: 'busy' });
  // The clock only moves forward: a rolled-back mutation just leaves a gap in it.
  const result = await app.db.kysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const changes = new ChangeSet(trx, session.userId, now);
    const data = await fn({ db: trx, session, changes, now, app });
    const records = changes.records();
    await writeChangeLog(trx, app, records);
    await writeAudit(trx, { at: now, userId: session.userId, channel, entity: contract[channel].entity ?? null, records, input: auditedInput, notes: changes.notes() });
    await sql`INSERT INTO meta (key, value) VALUES ('hlc', ${app.clock.current()})
              ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(trx);
    return data;
  });
  app.db.wrote?.();
  return result;
}

function invalidInput(error: z.ZodError): KehuError {
  const fields: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    // Our schemas carry i18n keys (validation.*, leads.errors.* ...); zod's own messages are
    // English prose and become the key of their issue code.
    message: isMessageKey(issue.message) ? issue.message : `validation.${issue.code}`,
  }));
  return new KehuError({ code: 'invalid_input', fields });
}

function toKehuError(e: unknown): KehuError {
  if (e instanceof KehuError) return e;
  if (isSqliteBusy(e)) return new KehuError({ code: 'busy' });
  // Anything else is our bug or the disk's: log it here, tell the caller no more than that.
  console.error('[kehu] internal error:', e);
  return new KehuError({ code: 'internal' });
}
