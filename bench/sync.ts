// Sync by file at scale (issue 6): export and import time and bundle size, plain and with a
// passphrase, through the real channels (dispatcher, transaction, audit, base64 as the renderer
// sends it). Device A is seeded with BENCH_SYNC contacts (default 100k; 0 skips) by seedBulk, then:
//   1. a full snapshot for a new device (plain and locked), imported on a fresh device B;
//   2. the locked snapshot imported again on B (verify + decrypt + decode, every change known);
//   3. BENCH_SYNC_EDITS contacts.update calls on A (default 10k), an incremental bundle, imported on B;
//   4. every contact deleted on A (contacts.delete, 1000 ids a call): an incremental bundle of n changed
//      records, imported on B.
// Peak RSS is the process's (monotonic): run this before the big search bench (run.ts does).
// Prints figures, asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRuntime, type Runtime } from '../src/main/core/runtime';
import { seedBulk } from '../src/main/features/demo';

const PASSPHRASE = 'correct horse battery staple';

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rss = () => `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await f();
  return [out, performance.now() - t];
}

type Bundle = { fileName: string; data: string; changes: number; bytes: number };

async function exportFor(rt: Runtime, label: string, deviceId: string | null, passphrase?: string): Promise<Bundle> {
  const [b, ms] = await timed(() => rt.call('sync.export', { deviceId, ...(passphrase ? { passphrase } : {}) }));
  console.log(`  export ${label.padEnd(42)} ${secs(ms).padStart(9)}  ${b.changes.toLocaleString('en').padStart(9)} changes  ${mib(b.bytes).padStart(10)}  ${rss()}`);
  return b;
}

async function importOn(rt: Runtime, label: string, b: Bundle, passphrase?: string): Promise<void> {
  const [s, ms] = await timed(() => rt.call('sync.import', { fileName: b.fileName, data: b.data, ...(passphrase ? { passphrase } : {}) }));
  console.log(`  import ${label.padEnd(42)} ${secs(ms).padStart(9)}  applied ${s.applied.toLocaleString('en')}, skipped ${s.skipped.toLocaleString('en')}, ` +
    `conflicts ${s.conflicts}  ${rss()}`);
}

export async function benchSync(n = Number(process.env.BENCH_SYNC ?? 100_000), edits = Number(process.env.BENCH_SYNC_EDITS ?? 10_000)): Promise<void> {
  if (!(n > 0)) return;
  const dirs = [mkdtempSync(join(tmpdir(), 'kehu-bench-sync-a-')), mkdtempSync(join(tmpdir(), 'kehu-bench-sync-b-'))];
  try {
    const a = await createRuntime(dirs[0]);
    const b = await createRuntime(dirs[1]);
    await a.call('sync.rename', { name: 'Bench A' });
    await b.call('sync.rename', { name: 'Bench B' });
    console.log(`\n=== sync by file: ${n.toLocaleString('en')} contacts seeded on A, then ${edits.toLocaleString('en')} edits, then ${n.toLocaleString('en')} deletes`);
    const t = performance.now();
    const seeded = seedBulk(a.app.db.sqlite, { contacts: n, seed: 1, clock: a.app.clock });
    console.log(`  seeding A ${secs(performance.now() - t)}: ${seeded.contacts} contacts, ${seeded.companies} companies, ${seeded.activities} activities  ${rss()}`);
    a.app.db.sqlite.pragma('wal_checkpoint(TRUNCATE)'); // the seeding's WAL, not the export's cost

    // 1. Full snapshot for a new device.
    const snapshot = await exportFor(a, 'full snapshot, new device', null);
    const locked = await exportFor(a, 'full snapshot, with passphrase', null, PASSPHRASE);
    await importOn(b, 'full snapshot on fresh B', snapshot);
    // 2. The same again, locked: verified, decrypted and decoded, every change already known.
    await importOn(b, 'locked snapshot again (all known)', locked, PASSPHRASE);
    // B answers so A knows it (and what it holds).
    await importOn(a, 'B answer on A', await exportFor(b, 'B answer for A', a.app.deviceId));

    // 3. Edits through the real channel, then an incremental bundle.
    const ids = a.app.db.sqlite.prepare('SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY rid').pluck().all() as string[];
    const [, editMs] = await timed(async () => {
      for (let i = 0; i < edits; i++) await a.call('contacts.update', { id: ids[(i * 7919) % ids.length], patch: { title: `职位${i}` } });
    });
    console.log(`  ${edits.toLocaleString('en')} contacts.update on A ${secs(editMs)} (${(editMs / edits).toFixed(2)} ms each)`);
    const inc = await exportFor(a, `incremental, ${edits.toLocaleString('en')} edits`, b.app.deviceId);
    await exportFor(a, `incremental, ${edits.toLocaleString('en')} edits, passphrase`, b.app.deviceId, PASSPHRASE);
    await importOn(b, `incremental, ${edits.toLocaleString('en')} edits`, inc);

    await importOn(a, 'B answer on A', await exportFor(b, 'B answer for A', a.app.deviceId));

    // 4. Every contact changed: deleted (to the trash) in calls of 1000.
    const [, delMs] = await timed(async () => {
      for (let i = 0; i < ids.length; i += 1000) await a.call('contacts.delete', { ids: ids.slice(i, i + 1000) });
    });
    console.log(`  ${ids.length.toLocaleString('en')} contacts deleted on A ${secs(delMs)}`);
    const all = await exportFor(a, `incremental, ${ids.length.toLocaleString('en')} deletes`, b.app.deviceId);
    await exportFor(a, `incremental, ${ids.length.toLocaleString('en')} deletes, passphrase`, b.app.deviceId, PASSPHRASE);
    await importOn(b, `incremental, ${ids.length.toLocaleString('en')} deletes`, all);
    const live = (rt: Runtime) => rt.app.db.sqlite.prepare('SELECT count(*) FROM contacts WHERE deleted_at IS NULL').pluck().get() as number;
    console.log(`  live contacts A ${live(a)}, B ${live(b)}; open conflicts on B ${(await b.call('sync.status', {})).openConflicts}`);
    await a.close();
    await b.close();
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
