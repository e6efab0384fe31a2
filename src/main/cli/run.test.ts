// The CLI as a function: help, usage errors, info, serve over a temp folder, a too-new database,
// a data folder without a database.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../core/runtime';
import { DB_FILE_NAME } from '../db/open';
import { client, tempFolder } from '../security/test-kit';
import { EXIT_DB_TOO_NEW, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli, type CliIo } from './run';
import { captureIo } from '../test/cli-io';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const io = (extra: Partial<CliIo> = {}) => captureIo({ rendererDir: tempDir(), ...extra });

/** A folder with a (new, empty) Kehu database in it. */
async function dataFolder(): Promise<string> {
  const dir = tempDir();
  await (await createRuntime(dir)).close();
  return dir;
}

describe('kehu CLI', () => {
  it('prints help', async () => {
    const t = io();
    expect(await runCli(['--help'], t.io)).toBe(EXIT_OK);
    expect(t.out()).toContain('serve [--port 5170] [--data DIR] [--open]');
    expect(t.out()).toContain('demo --contacts N');
  });

  it('says the problem of a failed command as the app does (its message key translated), not only its kind', async () => {
    const file = join(tempDir(), 'header-only.csv');
    writeFileSync(file, '姓名,手机\n');
    const t = io();
    expect(await runCli(['import', file, '--data', tempDir()], t.io)).toBe(EXIT_FAILURE);
    expect(t.err()).toBe('错误：文件里只有表头，没有数据行\n');
  }, 30_000);

  it('refuses unknown commands and options with a usage error', async () => {
    const a = io();
    expect(await runCli(['frobnicate'], a.io)).toBe(EXIT_USAGE);
    expect(a.err()).toContain('Unknown command: frobnicate');
    const b = io();
    expect(await runCli(['serve', '--bogus'], b.io)).toBe(EXIT_USAGE);
    const c = io();
    expect(await runCli(['serve', '--port', 'abc', '--data', tempDir()], c.io)).toBe(EXIT_USAGE);
    expect(c.err()).toContain('--port must be a whole number');
    const d = io();
    expect(await runCli(['demo', '--data', tempDir()], d.io)).toBe(EXIT_USAGE);
    expect(d.err()).toContain('--contacts');
    expect(await runCli([], io().io)).toBe(EXIT_USAGE);
  });

  it('info shows the data folder (from --data or KEHU_DATA_DIR)', async () => {
    const dir = await dataFolder();
    const t = io({ env: { KEHU_DATA_DIR: dir } });
    expect(await runCli(['info'], t.io)).toBe(EXIT_OK);
    expect(t.out()).toContain(`Data folder: ${dir}`);
    expect(t.out()).toContain(DB_FILE_NAME);
  });

  it('commands that only read data refuse a folder without a database instead of making an empty one', async () => {
    const missing = join(tempDir(), 'typo');
    const empty = tempDir();
    const out = join(tempDir(), 'x.csv');
    const reads = [
      ['export', '--entity', 'contacts', '--format', 'csv', '--out', out],
      ['backup'],
      ['info'],
      ['sync', 'export', '--for', 'new', '--out', join(tempDir(), 'x.kehusync')],
    ];
    for (const dir of [missing, empty]) {
      for (const args of reads) {
        const t = io();
        expect(await runCli([...args, '--data', dir], t.io)).toBe(EXIT_FAILURE);
        expect(t.err()).toContain(`No Kehu data in ${dir}`);
        expect(existsSync(join(dir, DB_FILE_NAME))).toBe(false);
      }
    }
    expect(existsSync(out)).toBe(false);
  });

  it('serve prints the URL with its token and a KEHU_URL line, and stops on abort', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    let served: { url: string; port: number } | undefined;
    const t = io({ signal: controller.signal, onServe: (s) => (served = s) });
    const running = runCli(['serve', '--port', '0', '--data', dir], t.io);
    await expect.poll(() => served, { timeout: 10_000 }).toBeDefined();
    expect(served!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
    expect(t.out()).toContain(`KEHU_URL=${served!.url}`);
    const res = await fetch(new URL('/api/invoke', served!.url), { method: 'POST', body: '{"channel":"tags.list"}' });
    expect(res.status).toBe(401);
    controller.abort();
    expect(await running).toBe(EXIT_OK);
  });

  it('demo fills the data folder with sample contacts', async () => {
    const dir = tempDir();
    const t = io();
    expect(await runCli(['demo', '--contacts', '50', '--data', dir], t.io)).toBe(EXIT_OK);
    expect(t.out()).toMatch(/Added 50 contacts, \d+ companies/);
    const info = io();
    expect(await runCli(['info', '--data', dir], info.io)).toBe(EXIT_OK);
    const sqlite = new BetterSqlite3(join(dir, DB_FILE_NAME), { readonly: true });
    expect(sqlite.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(50);
    sqlite.close();
  });

  it('explains a database made by a newer version and exits with 2', async () => {
    const dir = await dataFolder();
    const sqlite = new BetterSqlite3(join(dir, DB_FILE_NAME));
    sqlite.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2099-01-01T00:00:00.000Z')`).run();
    sqlite.close();
    const t = io();
    expect(await runCli(['info', '--data', dir], t.io)).toBe(EXIT_DB_TOO_NEW);
    expect(t.err()).toContain('newer version of Kehu CRM');
    expect(t.err()).toContain('9999_from_the_future');
  });

  it('on a folder protected by passwords, acts as the user --login names (password from KEHU_PASSWORD)', async () => {
    const folder = tempFolder();
    dirs.push(folder.dir);
    const rt = await folder.open();
    const admin = client(rt);
    await admin.call('auth.setup', { mode: 'password', name: '管理员', login: 'admin', password: 'correct horse' });
    await admin.call('contacts.create', { name: '张伟' });
    await rt.close();

    const none = io();
    expect(await runCli(['info', '--data', folder.dir], none.io)).toBe(EXIT_FAILURE);
    expect(none.err()).toContain('--login NAME');
    const wrong = io({ env: { KEHU_PASSWORD: 'wrong horse' } });
    expect(await runCli(['info', '--data', folder.dir, '--login', 'admin'], wrong.io)).toBe(EXIT_FAILURE);
    expect(wrong.err()).toContain('Wrong sign-in name, password or code.');
    const right = io({ env: { KEHU_PASSWORD: 'correct horse' } });
    expect(await runCli(['info', '--data', folder.dir, '--login', 'admin'], right.io)).toBe(EXIT_OK);
    expect(right.out()).toMatch(/Contacts:\s+1/);
  });
});
