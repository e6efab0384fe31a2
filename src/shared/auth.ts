// Signing in (issue #5): the first-start choice, sign-in with an optional second factor, sign-out,
// one's own password and TOTP. These channels work before anyone is signed in (`public`) or for any
// signed-in user (`signed_in`); the data folder's key file (src/main/security/) answers them while
// the database is still locked.
import { z } from 'zod';
import type { Locale } from './app';
import { channel } from './contract-kit';
import type { SessionInfo } from './permissions';

/** unset: never set up (a plain file); single: one user, no password; password: users sign in. */
export type SecurityMode = 'unset' | 'single' | 'password';

export interface AuthStatus {
  /** setup: the first start's choice is pending; signed_out: show the sign-in screen; signed_in: the app. */
  state: 'setup' | 'signed_out' | 'signed_in';
  mode: SecurityMode;
  /** The database file is encrypted. */
  encrypted: boolean;
  /** The operating system can keep the database key (Electron safeStorage): single-user mode may encrypt. */
  osKeyAvailable: boolean;
  session: SessionInfo | null;
  /** The interface language before sign-in (kept beside the database, which may still be locked). */
  locale: Locale | null;
  /** Minutes without input before the screen locks; 0 = never. */
  idleLockMinutes: number;
  /** The signed-in user has the second factor on (on this device). */
  totpEnabled: boolean;
}

/** Signed in, or the password was right and a second factor is due (`ticket` carries it for 5 minutes). */
export type LoginResult = { status: 'signed_in'; session: SessionInfo } | { status: 'totp'; ticket: string };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const passwordField = z
  .string('validation.required')
  .min(PASSWORD_MIN, 'auth.errors.passwordTooShort')
  .max(PASSWORD_MAX, 'auth.errors.passwordTooLong');

/** Sign-in name: letters (any script), digits, . _ -; stored lower case. */
export const loginField = z
  .string('validation.required')
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}._-]{2,32}$/u, 'auth.errors.loginFormat');

/** What a person types at sign-in: checked loosely, so a wrong name is "wrong name or password". */
const typedLogin = z.string().trim().toLowerCase().min(1, 'validation.required').max(64);
const typedPassword = z.string().min(1, 'validation.required').max(PASSWORD_MAX);

/** A 6-digit TOTP code (spaces allowed) or a recovery code (xxxx-xxxx). */
export const secondFactorCode = z.string().trim().min(6, 'auth.errors.codeFormat').max(20, 'auth.errors.codeFormat');

export const SetupInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('password'), name: z.string().trim().min(1, 'validation.required').max(100), login: loginField, password: passwordField }),
  /** useOsKey: encrypt with a key the operating system keeps (only where osKeyAvailable). */
  z.object({ mode: z.literal('single'), useOsKey: z.boolean().default(false) }),
]);

export const authContract = {
  'auth.status': channel<AuthStatus>()({ kind: 'query', permission: 'signed_in', public: true, input: z.object({}) }),
  'auth.setup': channel<LoginResult>()({ kind: 'mutation', permission: 'signed_in', public: true, input: SetupInput, entity: 'user' }),
  'auth.login': channel<LoginResult>()({
    kind: 'mutation',
    permission: 'signed_in',
    public: true,
    input: z.object({ login: typedLogin, password: typedPassword }),
    entity: 'user',
  }),
  'auth.verifyTotp': channel<LoginResult>()({
    kind: 'mutation',
    permission: 'signed_in',
    public: true,
    input: z.object({ ticket: z.string().min(1).max(200), code: secondFactorCode }),
    entity: 'user',
  }),
  'auth.logout': channel<void>()({ kind: 'mutation', permission: 'signed_in', input: z.object({}), entity: 'user' }),
  'auth.changePassword': channel<void>()({
    kind: 'mutation',
    permission: 'signed_in',
    input: z.object({ current: typedPassword, next: passwordField }),
    entity: 'user',
  }),
  /** A fresh TOTP secret to enrol: shown as a QR code (data: URL) and as text. Not stored until enabled. */
  'auth.totpBegin': channel<{ secret: string; uri: string; qr: string }>()({ kind: 'query', permission: 'signed_in', input: z.object({}) }),
  /** Turns the second factor on when `code` matches `secret`; returns the one-time recovery codes. */
  'auth.totpEnable': channel<{ recoveryCodes: string[] }>()({
    kind: 'mutation',
    permission: 'signed_in',
    input: z.object({ secret: z.string().regex(/^[A-Z2-7]{16,64}$/, 'auth.errors.codeFormat'), code: secondFactorCode }),
    entity: 'user',
  }),
  'auth.totpDisable': channel<void>()({ kind: 'mutation', permission: 'signed_in', input: z.object({ password: typedPassword }), entity: 'user' }),
  /**
   * Changes how the data folder is protected, converting the database file safely: to `password`
   * (the signed-in administrator gets this sign-in name and password; the file is encrypted) or to
   * `single` (no sign-in; encrypted with a key the OS keeps when useOsKey, else a plain file).
   */
  'security.setMode': channel<void>()({
    kind: 'mutation',
    permission: 'security.admin',
    input: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('password'), login: loginField, password: passwordField }),
      z.object({ mode: z.literal('single'), useOsKey: z.boolean() }),
    ]),
    entity: 'setting',
  }),
};
