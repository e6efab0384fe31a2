// The sync bundle file (DESIGN.md §4):
//   "KEHUSYNC" | u32 header length (BE) | header JSON | body
// body = gzip(NDJSON of change rows), optionally AES-256-GCM encrypted with an scrypt key.
// header.sha256 covers the header (without sha256) and the body as stored, so a flipped or
// missing byte anywhere is caught before anything is decrypted, parsed or applied.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { KehuError } from '../../shared/errors';

export const MAGIC = Buffer.from('KEHUSYNC', 'ascii');
export const FORMAT_VERSION = 1;
const SCRYPT = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

const HLC_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[\w-]+$/;
export const hlcString = z.string().max(120).regex(HLC_RE);
const deviceIdString = z.string().min(1).max(64).regex(/^[\w-]+$/);

/** One change_log row as it travels. */
export interface WireChange {
  device: string;
  hlc: string;
  tbl: string;
  row: string;
  fields: Record<string, unknown>;
  base: Record<string, string | null> | null;
}

const scalar = z.union([z.string().max(1_000_000), z.number(), z.null(), z.literal(true)]);
export const wireChange = z.strictObject({
  device: deviceIdString,
  hlc: hlcString,
  tbl: z.string().min(1).max(64),
  row: z.string().min(1).max(64),
  fields: z.record(z.string().min(1).max(64), scalar),
  base: z.record(z.string().min(1).max(64), hlcString.nullable()).nullable(),
});

const encryption = z.strictObject({
  kdf: z.literal('scrypt'),
  salt: z.string().max(64),
  iv: z.string().max(64),
  tag: z.string().max(64),
});

export const bundleHeader = z.strictObject({
  format: z.number().int().min(1),
  deviceId: deviceIdString,
  deviceName: z.string().max(200),
  forDevice: deviceIdString.nullable(),
  createdAt: z.string().max(40),
  /** What the sender holds: max HLC per origin device (doubles as its acknowledgement). */
  vector: z.record(deviceIdString, hlcString),
  hlcMin: hlcString.nullable(),
  hlcMax: hlcString.nullable(),
  count: z.number().int().min(0),
  encryption: encryption.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BundleHeader = z.infer<typeof bundleHeader>;

export type HeaderInput = Omit<BundleHeader, 'format' | 'hlcMin' | 'hlcMax' | 'count' | 'encryption' | 'sha256'>;

const invalid = (reason: string) => new KehuError({ code: 'bundle_invalid', params: { reason } });

function checksum(headerCore: string, body: Buffer): string {
  return createHash('sha256').update(headerCore).update('\n').update(body).digest('hex');
}

function key(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
}

export function encodeBundle(info: HeaderInput, changes: WireChange[], passphrase?: string): { bytes: Buffer; header: BundleHeader } {
  const ndjson = changes.map((c) => JSON.stringify(c)).join('\n');
  let body = gzipSync(Buffer.from(ndjson, 'utf8'), { level: 6 });
  let enc: BundleHeader['encryption'] = null;
  if (passphrase) {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key(passphrase, salt), iv);
    body = Buffer.concat([cipher.update(body), cipher.final()]);
    enc = { kdf: 'scrypt', salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  }
  let hlcMin: string | null = null;
  let hlcMax: string | null = null;
  for (const c of changes) {
    if (hlcMin === null || c.hlc < hlcMin) hlcMin = c.hlc;
    if (hlcMax === null || c.hlc > hlcMax) hlcMax = c.hlc;
  }
  const core = { format: FORMAT_VERSION, ...info, hlcMin, hlcMax, count: changes.length, encryption: enc };
  const coreJson = JSON.stringify(core);
  const header: BundleHeader = { ...core, sha256: checksum(coreJson, body) };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerBytes.length);
  return { bytes: Buffer.concat([MAGIC, len, headerBytes, body]), header };
}

/** Reads only the header (verified against the body's checksum). */
export function readHeader(bytes: Buffer): { header: BundleHeader; body: Buffer } {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw invalid('magic');
  const len = bytes.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (len > 10_000_000 || start + len > bytes.length) throw invalid('truncated');
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.subarray(start, start + len).toString('utf8'));
  } catch {
    throw invalid('header');
  }
  // A newer format is refused as such, before its header is held to this version's rules.
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > FORMAT_VERSION) {
    throw new KehuError({ code: 'bundle_newer', params: { format, supported: FORMAT_VERSION } });
  }
  const parsed = bundleHeader.safeParse(raw);
  if (!parsed.success) throw invalid('header');
  const header = parsed.data;
  const body = bytes.subarray(start + len);
  const { sha256, ...core } = raw as Record<string, unknown>;
  if (checksum(JSON.stringify(core), body) !== sha256) throw invalid('checksum');
  return { header, body };
}

/** Verifies and decodes a whole bundle. Throws a KehuError (bundle_*) on any problem. */
export function decodeBundle(bytes: Buffer, passphrase?: string): { header: BundleHeader; changes: WireChange[] } {
  const { header, body } = readHeader(bytes);
  let gz = body;
  if (header.encryption) {
    if (!passphrase) throw new KehuError({ code: 'bundle_wrong_passphrase', params: { missing: 1 } });
    const e = header.encryption;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key(passphrase, Buffer.from(e.salt, 'base64')), Buffer.from(e.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(e.tag, 'base64'));
      gz = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new KehuError({ code: 'bundle_wrong_passphrase' });
    }
  }
  let text: string;
  try {
    text = gunzipSync(gz).toString('utf8');
  } catch {
    throw invalid('body');
  }
  const lines = text.length === 0 ? [] : text.split('\n');
  if (lines.length !== header.count) throw invalid('count');
  const changes: WireChange[] = new Array(lines.length);
  let hlcMin: string | null = null;
  let hlcMax: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    let json: unknown;
    try {
      json = JSON.parse(lines[i]);
    } catch {
      throw invalid('row');
    }
    const row = wireChange.safeParse(json);
    if (!row.success) throw invalid('row');
    const c = row.data as WireChange;
    // An HLC names the device whose clock made it: the change's origin.
    if (!c.hlc.endsWith(`-${c.device}`)) throw invalid('row');
    if (hlcMin === null || c.hlc < hlcMin) hlcMin = c.hlc;
    if (hlcMax === null || c.hlc > hlcMax) hlcMax = c.hlc;
    changes[i] = c;
  }
  if (hlcMin !== header.hlcMin || hlcMax !== header.hlcMax) throw invalid('range');
  return { header, changes };
}
