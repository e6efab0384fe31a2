// Issue #5: every channel gets random and hostile input (wrong types, huge strings, SQL and
// script text, prototype-pollution keys, deep nesting, NaN and Infinity, arrays for objects),
// both as a whole and planted into an otherwise valid input so that it reaches the handler.
// Each answer is ok or a typed error other than 'internal'; nothing throws out of dispatch;
// Object.prototype stays clean; and when the answer is an error, the database is unchanged.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Channel } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { jobsOf } from '../jobs/registry';
import { tempRuntime, type TempRuntime } from '../test/temp-runtime';
import { sampleInput } from './sample-input';
import { ownerSession } from './session';

const ERROR_CODES: readonly ErrorCode[] = [
  'unknown_channel', 'invalid_input', 'forbidden', 'not_found', 'conflict', 'duplicate', 'unauthenticated', 'db_too_new', 'busy',
  'bundle_invalid', 'bundle_newer', 'bundle_wrong_passphrase', 'bundle_foreign', 'auth_failed', 'locked_out',
];

/** These close and replace or convert the database file: only input that cannot parse is planted. */
const REPLACES_DATABASE: ReadonlySet<Channel> = new Set(['auth.setup', 'security.setMode', 'backups.restore']);

/** A failed sign-in is recorded on purpose (audit row, failure count): not a change to refuse. */
const RECORDED_ON_FAILURE: Partial<Record<Channel, readonly string[]>> = {
  'auth.login': ['audit_log', 'user_auth'],
  'auth.verifyTotp': ['audit_log', 'user_auth'],
};

/** Each accepted call of these starts a worker thread (about a second): fewer runs keep the test fast. */
const STARTS_JOB: ReadonlySet<Channel> = new Set(['sync.startExport', 'sync.startImport', 'io.startExport', 'io.startImport']);

const POLLUTE = ['__proto__', 'constructor', 'prototype'];

const hostileText = fc.constantFrom(
  "'; DROP TABLE contacts; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  '../../../../etc/passwd',
  '\u0000\u0001\u202e',
  '%_\\*"',
  '__proto__',
  'constructor',
  '😀'.repeat(5_000),
  'x'.repeat(200_000),
  '2026-13-45T99:99:99Z',
);

/** An object with own keys named like prototype members (JSON.parse makes real own properties). */
const pollutingObject = fc
  .constantFrom(...POLLUTE)
  .map((key) => JSON.parse(`{"${key}": {"polluted": true, "prototype": {"polluted": true}}}`) as Record<string, unknown>);

/** Nested thousands of levels deep; shown as a short label when fast-check reports it. */
const deep = fc.integer({ min: 50, max: 5_000 }).map((depth) => {
  let value: object = { bottom: true };
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return Object.defineProperty(value, fc.toStringMethod, { value: () => `<nested ${depth} deep>` });
});

const { hostile } = fc.letrec((tie) => ({
  hostile: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.string(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, -1, 1e308, 0.5),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom(null, undefined),
    pollutingObject,
    deep,
    fc.array(tie('hostile'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...POLLUTE)), tie('hostile'), { maxKeys: 3 }),
  ),
}));

/** The valid sample with some of its fields (or one more, e.g. __proto__) set to hostile values. */
function planted(channel: Channel): fc.Arbitrary<unknown> {
  const sample = sampleInput(channel);
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return hostile;
  const keys = [...Object.keys(sample), ...POLLUTE, 'extra'];
  return fc.array(fc.tuple(fc.constantFrom(...keys), hostile), { minLength: 1, maxLength: 3 }).map((pairs) => {
    const input: Record<string, unknown> = JSON.parse(JSON.stringify(sample)) as Record<string, unknown>;
    for (const [key, value] of pairs) Object.defineProperty(input, key, { value, enumerable: true, writable: true, configurable: true });
    return input;
  });
}

/** A digest of every table's rows, except those named. */
function databaseDigest(rt: TempRuntime, except: readonly string[] = []): string {
  const sqlite = rt.app.db.sqlite;
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables.filter((t) => !except.includes(t))) {
    hash.update(table);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return hash.digest('hex');
}

const prototypeIsClean = () =>
  !('polluted' in Object.prototype) && !('polluted' in Array.prototype) && Object.getOwnPropertyNames(Object.prototype).every((k) => k !== 'polluted');

describe('hostile input to every channel', () => {
  let rt: TempRuntime;
  beforeAll(async () => {
    rt = await tempRuntime();
    // Something to find, change or break.
    const company = await rt.call('companies.create', { name: '华强电子' });
    await rt.call('contacts.create', { name: '张伟', companyId: company.id, mobiles: ['13812345678'] });
    await rt.call('leads.create', { name: '王芳' });
  });
  afterAll(() => rt.dispose());

  it('audits a mutation whose input nests 10,000 levels deep (unknown keys pass zod), cut short', async () => {
    let nested: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) nested = { a: nested };
    const result = await rt.dispatch('tags.save', { name: '深', color: '#112233', extra: nested }, ownerSession);
    expect(result.ok).toBe(true);
    const { input } = rt.app.db.sqlite.prepare(`SELECT input FROM audit_log WHERE action = 'tags.save' ORDER BY seq DESC`).get() as { input: string };
    expect(input).toContain('"[…]"');
  });

  const channels = Object.keys(contract) as Channel[];

  it.each(channels)('%s', { timeout: 60_000 }, async (channel) => {
    const input = REPLACES_DATABASE.has(channel) ? hostile.filter((v) => !contract[channel].input.safeParse(v).success) : fc.oneof(hostile, planted(channel));
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const except = RECORDED_ON_FAILURE[channel] ?? [];
        const before = databaseDigest(rt, except);
        const result = await rt.dispatch(channel, value, ownerSession);
        const jobId = result.ok ? (result.data as { jobId?: unknown } | null)?.jobId : undefined;
        if (typeof jobId === 'string') await jobsOf(rt.app).wait(jobId);
        expect(prototypeIsClean()).toBe(true);
        if (result.ok) return;
        expect(ERROR_CODES).toContain(result.error.code);
        expect(typeof result.error.message).toBe('string');
        expect(databaseDigest(rt, except)).toBe(before);
      }),
      { numRuns: STARTS_JOB.has(channel) ? 3 : 12 },
    );
  });
});
