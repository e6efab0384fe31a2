// Field rules shared by the forms (renderer) and the dispatcher (main): the same zod schema
// validates both sides, and numbers and emails come out normalised. Messages are i18n keys.
import { z } from 'zod';

export const LIMITS = { name: 100, short: 100, text: 500, notes: 5000, list: 10, tags: 50 } as const;

// Full-width digits and brackets (１３８…, （０１０）) as ASCII first; an apostrophe is Excel's "keep as text".
const digitsOnly = (s: string) => (/[^\p{ASCII}]/u.test(s) ? s.normalize('NFKC') : s).replace(/[\s\-().'—]/g, '');

/** Chinese mobile: 11 digits starting 13-19, with or without +86 / 0086. Returns 13812345678. */
export function normalizeCnMobile(raw: string): string | null {
  const d = digitsOnly(raw).replace(/^(\+86|0086|86(?=1[3-9]\d{9}$))/, '');
  return /^1[3-9]\d{9}$/.test(d) ? d : null;
}

/** Chinese landline with area code (010-12345678, 0755 1234 5678, 400-800-1234), optional extension. */
export function normalizeCnLandline(raw: string): string | null {
  const trimmed = raw.trim().replace(/^(\+86|0086)\s*/, '0').replace(/^00?(?=[1-9]\d)/, '0');
  // The stored form of an extension (010-12345678-801) is read back too: as typed, exported, synced.
  const stored = /^([^转#xX]+)-(\d{1,6})$/.exec(trimmed);
  return landline(trimmed) ?? (stored ? landline(`${stored[1]}转${stored[2]}`) : null);
}

function landline(text: string): string | null {
  const [main, ext] = text.split(/\s*(?:转|ext\.?|x|#)\s*/i);
  const d = digitsOnly(main ?? '');
  const extension = ext && /^\d{1,6}$/.test(ext) ? `-${ext}` : ext ? null : '';
  if (extension === null) return null;
  if (/^[48]00\d{7}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}${extension}`;
  const m = /^(010|02\d|0[3-9]\d{2})([1-9]\d{6,7})$/.exec(d);
  return m ? `${m[1]}-${m[2]}${extension}` : null;
}

/** International number in E.164 (+4915112345678). Chinese numbers are handled above. */
export function normalizeE164(raw: string): string | null {
  const d = digitsOnly(raw).replace(/^00/, '+');
  return /^\+[1-9]\d{6,14}$/.test(d) && !d.startsWith('+86') ? d : null;
}

export const normalizeMobile = (raw: string) => normalizeCnMobile(raw) ?? normalizeE164(raw);
export const normalizePhone = (raw: string) =>
  normalizeCnMobile(raw) ?? normalizeCnLandline(raw) ?? normalizeE164(raw);

export function normalizeEmail(raw: string): string | null {
  const e = raw.trim().toLowerCase();
  return /^[^\s@"'<>()[\],;:]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(e) && e.length <= 254 ? e : null;
}

function normalized(fn: (raw: string) => string | null, message: string) {
  return z.string().transform((v, ctx) => {
    const n = fn(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return n;
  });
}

export const mobileField = normalized(normalizeMobile, 'validation.mobile');
export const phoneField = normalized(normalizePhone, 'validation.phone');
export const emailField = normalized(normalizeEmail, 'validation.email');

/** A required name: trimmed, 1..100 characters. */
export const nameField = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .max(LIMITS.name, 'validation.too_long');

/** Optional free text; empty becomes null. */
export const optText = (max: number = LIMITS.short) =>
  z
    .string()
    .trim()
    .max(max, 'validation.too_long')
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * Optional phone; empty becomes null. Not a union: zod reports a failed union as `invalid_union`
 * and the person would read "wrong format" instead of what a phone number should look like.
 */
export const optPhone = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (!v?.trim()) return null;
    const n = normalizePhone(v);
    if (n === null) ctx.addIssue({ code: 'custom', message: 'validation.phone' });
    return n ?? z.NEVER;
  });

export const idField = z.string().min(1).max(64).regex(/^[\w-]+$/, 'validation.id');
export const optId = z
  .union([z.literal(''), z.null(), idField])
  .optional()
  .transform((v) => (v ? v : null));

/** Calendar date YYYY-MM-DD, a real day. */
export const dateField = z.string().refine((v) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}, 'validation.date');
export const optDate = z
  .union([z.literal(''), z.null(), dateField])
  .optional()
  .transform((v) => (v ? v : null));

/** ISO-8601 timestamp (stored as UTC). */
export const isoTimeField = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'validation.datetime')
  .transform((v) => new Date(v).toISOString());

export const cityField = optText(50);
/** A web address, scheme optional: Chinese domains (例子.中国), a port, a path, a query or a fragment. */
const WEB_ADDRESS = /^(https?:\/\/)?[\p{L}\p{N}_.-]+\.\p{L}{2,}(:\d{1,5})?([/?#]\S*)?$/iu;

export const urlField = z
  .union([z.literal(''), z.null(), z.string().trim().max(300, 'validation.too_long').regex(WEB_ADDRESS, 'validation.url')])
  .optional()
  .transform((v) => (v ? v : null));

export const colorField = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'validation.color');
