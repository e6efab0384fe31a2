// `kehu import` end to end over a temp data folder: dry run, import, --map preset, exit codes,
// encodings and the refusal of unknown encodings and delimiters (also by io.inspect / io.startImport).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../db/open';
import { jobsOf } from '../jobs/registry';
import { runtime, upload } from '../io/import/test-import';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from './run';
import { captureIo } from '../test/cli-io';

const FIXTURES = join(__dirname, '../../../../shared/fixtures');
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-cli-import-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const io = () => captureIo();
const contacts = (data: string) => {
  const db = new BetterSqlite3(join(data, DB_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM contacts WHERE deleted_at IS NULL').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('kehu import', () => {
  it('dry-runs, imports, and fails with exit 1 when nothing could be imported', async () => {
    const data = tempDir();
    const file = join(tempDir(), '客户.csv');
    writeFileSync(file, '姓名,手机,公司\n张三,13812345678,星辰科技\n李四,bad,\n');

    const dry = io();
    expect(await runCli(['import', file, '--dry-run', '--data', data], dry.io)).toBe(EXIT_OK);
    expect(dry.out()).toContain('Dry run (nothing written): would create 1');
    expect(dry.out()).toContain('rejected 1 of 2 rows');
    expect(contacts(data)).toBe(0);

    const real = io();
    expect(await runCli(['import', file, '--data', data], real.io)).toBe(EXIT_OK);
    expect(real.out()).toMatch(/Created 1, updated 0, skipped 0 \(duplicates\), rejected 1 of 2 rows; 1 new companies/);
    expect(contacts(data)).toBe(1);

    // The same file again: every row a duplicate or bad, nothing imported → exit 1.
    const again = io();
    expect(await runCli(['import', file, '--on-duplicate', 'skip', '--data', data], again.io)).toBe(EXIT_FAILURE);
    expect(again.out()).toContain('skipped 1');
  }, 30_000);

  it('uses a preset by name (--map) and refuses bad options', async () => {
    const data = tempDir();
    const out = io();
    const code = await runCli(['import', join(FIXTURES, 'csv/google-shared-contacts-client/outlook.csv'), '--map', 'Outlook CSV', '--data', data], out.io);
    expect(out.out()).toContain('E-mail Address → emails');
    expect(code).toBe(EXIT_OK);
    expect(contacts(data)).toBeGreaterThan(0);

    expect(await runCli(['import', '--data', data], io().io)).toBe(EXIT_USAGE);
    expect(await runCli(['import', 'x.csv', '--on-duplicate', 'merge', '--data', data], io().io)).toBe(EXIT_USAGE);
    const folder = io();
    expect(await runCli(['import', FIXTURES, '--data', data], folder.io)).toBe(EXIT_USAGE);
    expect(folder.err()).toContain(`${FIXTURES} is not a file`);
    expect(await runCli(['import', join(FIXTURES, 'csv/google-shared-contacts-client/outlook.csv'), '--map', 'nope', '--data', data], io().io)).toBe(EXIT_USAGE);
  }, 30_000);

  it('takes --entity as export does: contacts or companies, singular or plural, any case', async () => {
    const data = tempDir();
    const file = join(tempDir(), '公司.csv');
    writeFileSync(file, '公司名称,电话\n甲公司,021-55556666\n');
    for (const entity of ['companies', 'Company']) {
      const out = io();
      expect(await runCli(['import', file, '--entity', entity, '--dry-run', '--data', data], out.io)).toBe(EXIT_OK);
      expect(out.out()).toContain('would create 1');
    }
    const bad = io();
    expect(await runCli(['import', file, '--entity', 'constructor', '--data', data], bad.io)).toBe(EXIT_USAGE);
    expect(bad.err()).toContain('--entity must be contacts or companies');
  }, 30_000);

  it('reads a GBK file with English headers and a cut-off last character as GBK', async () => {
    const data = tempDir();
    const file = join(tempDir(), 'gbk.csv');
    const rows = Array.from({ length: 51 }, (_, i) => `张三${i},138${String(i).padStart(8, '0')},北京甲公司,老客户`).join('\r\n');
    writeFileSync(file, Buffer.concat([iconv.encode(`Name,Mobile,Company,Notes\r\n${rows}`, 'gbk'), Buffer.from([0xd5, 0x0d, 0x0a])]));
    const out = io();
    expect(await runCli(['import', file, '--dry-run', '--data', data], out.io)).toBe(EXIT_OK);
    expect(out.out()).toContain('gbk.csv: csv, gb18030; columns: Name → name, Mobile → mobiles, Company → company, Notes → notes');
    // The row with the broken character is rejected with its reason (validation.encoding), not imported as mojibake.
    expect(out.out()).toContain('would create 50, update 0, skipped 0 (duplicates), rejected 1 of 51 rows');
  }, 30_000);

  it('refuses an unknown --encoding or --delimiter as a usage error naming what is accepted', async () => {
    const data = tempDir();
    const file = join(tempDir(), 'a.csv');
    writeFileSync(file, iconv.encode('姓名,手机\n张三,13812345678\n', 'gbk'));
    const enc = io();
    expect(await runCli(['import', file, '--encoding', 'foo', '--data', data], enc.io)).toBe(EXIT_USAGE);
    expect(enc.err()).toContain('--encoding "foo" is unknown: use gbk, utf-8, utf-16le, utf-16be, utf-16, big5');
    expect(enc.err()).not.toContain('internal');
    for (const d of ['ab', '"']) {
      const del = io();
      expect(await runCli(['import', file, '--delimiter', d, '--data', data], del.io)).toBe(EXIT_USAGE);
      expect(del.err()).toContain('--delimiter must be comma, semicolon, tab, pipe, or one other character');
    }
    const ok = io();
    expect(await runCli(['import', file, '--encoding', 'GBK', '--delimiter', 'comma', '--dry-run', '--data', data], ok.io)).toBe(EXIT_OK);
    expect(ok.out()).toContain('csv, gb18030');
  }, 30_000);

  it('io.inspect and io.startImport refuse them as invalid input, not an internal error', async () => {
    const rt = await runtime();
    const uploadId = await upload(rt, 'a.csv', Buffer.from('姓名,手机\n张三,13812345678\n'));
    const entity = 'contact' as const;
    const mapping = { 0: 'name', 1: 'mobiles' } as const;
    await expect(rt.call('io.inspect', { uploadId, entity, encoding: 'foo' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'encoding' }] });
    await expect(rt.call('io.inspect', { uploadId, entity, delimiter: 'ab' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'delimiter' }] });
    await expect(rt.call('io.startImport', { uploadId, entity, mapping, options: { delimiter: '\n' } })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'options.delimiter' }] });
    // The encoding's name is checked where the file is read: the job fails with the same error.
    const { jobId } = await rt.call('io.startImport', { uploadId, entity, mapping, options: { encoding: 'foo' } });
    expect(await jobsOf(rt.app).wait(jobId)).toMatchObject({ state: 'failed', error: { code: 'invalid_input', fields: [{ path: 'encoding' }] } });
  }, 30_000);
});
