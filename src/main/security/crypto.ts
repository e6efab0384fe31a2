// Passwords never reach the database: each one derives (scrypt, per-user salt) a key that wraps a
// copy of the one data key (AES-256-GCM), plus a verifier that tells a right password from a wrong
// one without trying to decrypt anything.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Production cost: about 100 ms and 32 MiB per sign-in on a laptop. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

export interface Derived {
  /** Wraps the data key. */
  kek: Buffer;
  /** Stored: proves the password without unwrapping. */
  verifier: Buffer;
}

export function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Derived> {
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, 64, { ...params, maxmem }, (err, key) => {
      if (err) reject(err);
      else resolve({ kek: key.subarray(0, 32), verifier: key.subarray(32) });
    });
  });
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A fresh data key: 32 random bytes as the 64 hex digits `applyKey` takes. */
export const newDataKey = (): string => randomBytes(32).toString('hex');

/** AES-256-GCM: "iv.ciphertext.tag", base64 parts. */
export function wrap(kek: Buffer, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64')).join('.');
}

/** Throws when the key is wrong or the text was changed (the GCM tag does not match). */
export function unwrap(kek: Buffer, wrapped: string): Buffer {
  const [iv, body, tag] = wrapped.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', kek, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code, xxxx-xxxx from an alphabet without look-alikes (about 40 bits). */
export function recoveryCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** "salt:hash" (hex) of a recovery code, normalised (case, spaces, dash). */
export async function hashCode(code: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const { verifier } = await derive(normaliseCode(code), salt, params);
  return `${salt.toString('hex')}:${verifier.toString('hex')}`;
}

export async function codeMatches(code: string, stored: string, params: ScryptParams): Promise<boolean> {
  const [salt, hash] = stored.split(':');
  const { verifier } = await derive(normaliseCode(code), Buffer.from(salt, 'hex'), params);
  return sameBytes(verifier, Buffer.from(hash, 'hex'));
}

const normaliseCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
