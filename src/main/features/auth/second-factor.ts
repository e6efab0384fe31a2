// The second factor: a TOTP app (RFC 6238, 30 s steps, one step either side for clock drift) or one
// of ten one-time recovery codes. The secret and the codes' hashes live in user_auth (this device
// only; the database is encrypted in password mode).
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import { codeMatches, hashCode, recoveryCode, type ScryptParams } from '../../security/crypto';

const ISSUER = 'Kehu CRM';
export const RECOVERY_CODES = 10;

const totpOf = (secret: string, label: string) => new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret) });

/** A fresh secret to enrol, as text, an otpauth:// URI and a QR code (data: URL). */
export async function newEnrolment(label: string): Promise<{ secret: string; uri: string; qr: string }> {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpOf(secret, label).toString();
  return { secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

const digitsOnly = (code: string) => code.replace(/\s/g, '');

const PERIOD_MS = 30_000;

/** The 30-second step the code belongs to (this one or one either side), or null. */
export function totpStep(secret: string, code: string, now: number): number | null {
  const token = digitsOnly(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret, 'check').validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / PERIOD_MS) + delta;
}

export async function newRecoveryCodes(params: ScryptParams): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
  return { codes, hashes: await Promise.all(codes.map((c) => hashCode(c, params))) };
}

export async function secondFactorOf(db: Kysely<Database>, userId: string) {
  const row = await db.selectFrom('user_auth').select(['totp_secret', 'totp_enabled_at', 'recovery_codes']).where('user_id', '=', userId).executeTakeFirst();
  return row?.totp_enabled_at && row.totp_secret ? { secret: row.totp_secret, recovery: JSON.parse(row.recovery_codes) as string[] } : null;
}

export interface FactorCheck {
  userId: string;
  code: string;
  now: number;
  params: ScryptParams;
  /** The last TOTP step each user signed in with: a code is taken once (no replay). */
  usedSteps: Map<string, number>;
}

/** A TOTP code not used before, or a recovery code (used up: removed from the list). */
export async function checkSecondFactor(db: Kysely<Database>, { userId, code, now, params, usedSteps }: FactorCheck): Promise<boolean> {
  const factor = await secondFactorOf(db, userId);
  if (!factor) return false;
  const step = totpStep(factor.secret, code, now);
  if (step !== null) {
    if (step <= (usedSteps.get(userId) ?? -1)) return false;
    usedSteps.set(userId, step);
    return true;
  }
  for (const stored of factor.recovery) {
    if (await codeMatches(code, stored, params)) {
      const rest = factor.recovery.filter((s) => s !== stored);
      await db.updateTable('user_auth').set({ recovery_codes: JSON.stringify(rest) }).where('user_id', '=', userId).execute();
      return true;
    }
  }
  return false;
}

/** user_auth row fields for this user (the row is made on first use). */
export async function setUserAuth(db: Kysely<Database>, userId: string, fields: Omit<Updateable<Database['user_auth']>, 'user_id'>): Promise<void> {
  await db
    .insertInto('user_auth')
    .values({ user_id: userId, ...fields })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(fields))
    .execute();
}
