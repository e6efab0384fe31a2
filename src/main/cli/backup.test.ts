// `kehu backup` and `kehu restore` through runCli over a real data folder: the round trip, a
// backup given as a path outside the folder, a damaged file refused (exit 1, nothing changed),
// usage errors.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../core/runtime';
import { backupsDir } from '../features/backups/files';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from './run';
import { captureIo } from '../test/cli-io';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-cli-backup-'));
  dirs.push(dir);
  return dir;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const t = captureIo();
  const code = await runCli(args, t.io);
  return { code, out: t.out(), err: t.err() };
}

/** The live contacts' names in the folder's database, opened and closed again. */
async function names(dataDir: string): Promise<string[]> {
  const rt = await createRuntime(dataDir);
  try {
    return (rt.app.db.sqlite.prepare('SELECT name FROM contacts WHERE deleted_at IS NULL ORDER BY name').pluck().all() as string[]);
  } finally {
    await rt.close();
  }
}

async function addContact(dataDir: string, name: string): Promise<void> {
  const rt = await createRuntime(dataDir);
  try {
    await rt.call('contacts.create', { name });
  } finally {
    await rt.close();
  }
}

describe('kehu backup / restore', () => {
  it('backs up, then restores that backup by name or by path; a damaged file is refused', async () => {
    const data = tempDir();
    await addContact(data, '张伟');
    const backup = await run(['backup', '--data', data]);
    expect(backup.code).toBe(EXIT_OK);
    const made = /Backed up to (.*kehu-\d{8}-\d{6}-manual\.db) \(/.exec(backup.out)?.[1];
    expect(made).toBeDefined();
    await addContact(data, '李娜');
    expect(await names(data)).toEqual(['张伟', '李娜'].sort());

    const byName = await run(['restore', basename(made!), '--data', data]);
    expect(byName).toMatchObject({ code: EXIT_OK, err: '' });
    expect(byName.out).toMatch(/^Restored kehu-.*-manual\.db\. The database as it was is kept as .*-before-restore\.db\./);
    expect(await names(data)).toEqual(['张伟']);

    // A path outside the folder: copied into backups/, then restored the same way.
    const outside = join(tempDir(), 'office-copy.db');
    copyFileSync(made!, outside);
    await addContact(data, '王芳');
    expect((await run(['restore', outside, '--data', data])).code).toBe(EXIT_OK);
    expect(await names(data)).toEqual(['张伟']);

    const damaged = join(tempDir(), 'damaged.db');
    writeFileSync(damaged, 'SQLite format 3\0 but not really a database');
    await addContact(data, '赵六');
    const files = readdirSync(backupsDir(data)).sort();
    const refused = await run(['restore', damaged, '--data', data]);
    expect(refused.code).toBe(EXIT_FAILURE);
    expect(refused.err).toContain('is damaged or not a Kehu database. Nothing was changed.');
    expect(readdirSync(backupsDir(data)).sort()).toEqual(files);
    expect(await names(data)).toEqual(['张伟', '赵六'].sort());
  });

  it('usage: restore needs an existing FILE; help lists both', async () => {
    const data = tempDir();
    expect((await run(['restore', '--data', data])).code).toBe(EXIT_USAGE);
    const missing = await run(['restore', 'kehu-20260101-000000-manual.db', '--data', data]);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toContain('No backup named kehu-20260101-000000-manual.db');
    expect((await run(['restore', 'a.db', 'b.db', '--data', data])).code).toBe(EXIT_USAGE);
    expect((await run(['--help'])).out).toMatch(/backup \[--data DIR\][\s\S]*restore FILE \[--data DIR\]/);
  });
});
