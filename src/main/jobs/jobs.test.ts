// Jobs in a worker thread over real SQLite files: sync import/export as jobs, progress, cancel
// (all or nothing), typed failure, the clock after the job, reads while the worker writes.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { seedBulk } from '../features/demo/bulk';
import { ownerSession } from '../core/session';
import { tempRuntime, type TempRuntime } from '../test/temp-runtime';
import type { JobStatus } from '../../shared/jobs';
import type { SyncExportResult, SyncImportSummary } from '../../shared/sync';
import { HEAP_CAPS, jobsOf } from './registry';

const open: TempRuntime[] = [];
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.dispose();
});
async function device(contacts = 0): Promise<TempRuntime> {
  const rt = await tempRuntime();
  open.push(rt);
  if (contacts) seedBulk(rt.app.db.sqlite, { contacts, seed: 7, clock: rt.app.clock });
  return rt;
}

/** Every table's full content (the whole file, bookkeeping included). */
function everything(rt: TempRuntime): string {
  const s = rt.app.db.sqlite;
  const tables = s.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, s.prepare(`SELECT * FROM "${t}"`).raw().all()]));
}

async function poll(rt: TempRuntime, jobId: string, seen: JobStatus[] = []): Promise<JobStatus> {
  for (;;) {
    const s = await rt.call('jobs.get', { id: jobId });
    seen.push(s);
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function exportFrom(rt: TempRuntime): Promise<SyncExportResult> {
  const { jobId } = await rt.call('sync.startExport', { deviceId: null });
  const s = await poll(rt, jobId);
  expect(s.state).toBe('done');
  return s.result as SyncExportResult;
}

describe('jobs in a worker thread', () => {
  it('exports and imports in a worker; the result is visible to the main connection, with progress, audit and a clock ahead', async () => {
    const a = await device(1500);
    const b = await device();
    const bundle = await exportFrom(a);
    expect(bundle.changes).toBeGreaterThan(1500);

    const before = b.app.clock.current();
    const { jobId } = await b.call('sync.startImport', { fileName: bundle.fileName, data: bundle.data });
    const seen: JobStatus[] = [];
    // The main connection reads while the worker imports (WAL).
    let reads = 0;
    const reading = (async () => {
      for (;;) {
        const status = await b.call('jobs.get', { id: jobId });
        if (status.state !== 'running') break;
        // Mid-apply the worker holds the write lock; the main connection still reads the last commit.
        const n = b.app.db.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get();
        if (status.phase === 'apply' && status.done > 0) {
          expect(n).toBe(0);
          reads++;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const done = await poll(b, jobId, seen);
    await reading;
    expect(done.state).toBe('done');
    const summary = done.result as SyncImportSummary;
    expect(summary.applied).toBe(bundle.changes);
    expect(reads).toBeGreaterThan(0);

    const applying = seen.filter((s) => s.phase === 'apply').map((s) => s.done);
    expect(applying.length).toBeGreaterThan(1);
    expect(applying).toEqual([...applying].sort((x, y) => x - y));
    expect(done.total).toBe(bundle.changes);

    const s = b.app.db.sqlite;
    expect(s.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1500);
    const audit = s.prepare(`SELECT * FROM audit_log WHERE action = 'sync.import'`).all() as { entity: string; input: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].entity).toBe('sync');
    // Same as the dispatcher's: the input, the long base64 recorded as its length.
    expect(JSON.parse(audit[0].input)).toEqual({ fileName: bundle.fileName, data: `[${bundle.data.length} chars]` });

    // The main clock is past every HLC in the file, and past the clock before the job.
    const maxHlc = s.prepare('SELECT max(hlc) FROM change_log').pluck().get() as string;
    const maxField = s.prepare('SELECT max(hlc) FROM field_clock').pluck().get() as string;
    expect(b.app.clock.current() > before).toBe(true);
    expect(b.app.clock.current() > maxHlc).toBe(true);
    expect(b.app.clock.current() > maxField).toBe(true);
    const stored = s.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).pluck().get() as string;
    expect(b.app.clock.current() >= stored).toBe(true);

    // A local change afterwards sorts after everything the job wrote.
    const mine = await b.call('contacts.create', { name: '新客户' });
    const hlc = s.prepare('SELECT hlc FROM change_log WHERE row_id = ?').pluck().get(mine.id) as string;
    expect(hlc > maxHlc).toBe(true);
  });

  it('cancel mid-import leaves every table exactly as before', async () => {
    const a = await device(4000);
    const b = await device(50);
    const bundle = await exportFrom(a);
    const before = everything(b);
    const clockBefore = b.app.clock.current();
    const { jobId } = await b.call('sync.startImport', { fileName: bundle.fileName, data: bundle.data });
    for (;;) {
      const s = await b.call('jobs.get', { id: jobId });
      if (s.phase === 'apply' && s.done > 0) break;
      expect(s.state).toBe('running');
      await new Promise((r) => setTimeout(r, 1));
    }
    const edit = await b.dispatch('tags.save', { name: '导入中', color: '#ff0000' }, ownerSession);
    expect(edit.ok === false && edit.error.code).toBe('busy');
    // A second job would wait for this one's write lock and fail mid-way: it is refused at once.
    const second = await b.dispatch('sync.startExport', { deviceId: null }, ownerSession);
    expect(second.ok === false && second.error.code).toBe('busy');
    await b.call('jobs.cancel', { id: jobId });
    const end = await poll(b, jobId);
    expect(end.state).toBe('cancelled');
    expect(everything(b)).toBe(before);
    expect(b.app.clock.current()).toBe(clockBefore);
  });

  it('a failing job reports a typed error and writes nothing', async () => {
    const b = await device(10);
    const before = everything(b);
    const { jobId } = await b.call('sync.startImport', { fileName: 'x.kehusync', data: Buffer.from('not a bundle at all').toString('base64') });
    const end = await poll(b, jobId);
    expect(end.state).toBe('failed');
    expect(end.error?.code).toBe('bundle_invalid');
    expect(everything(b)).toBe(before);
  });

  it('a job that finds the data locked by another program fails as busy, not as an internal error', async () => {
    const b = await device(10);
    const other = new BetterSqlite3(b.app.db.file);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const { jobId } = await b.call('sync.startExport', { deviceId: null });
      expect(await poll(b, jobId)).toMatchObject({ state: 'failed', error: { code: 'busy' } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('a job over its heap cap fails as too_large and writes nothing', async () => {
    const b = await device(10);
    const bundle = await exportFrom(await device(10));
    const before = everything(b);
    HEAP_CAPS['sync.import'] = { oldMb: 4 }; // far less than loading the job's modules takes
    try {
      const { jobId } = await b.call('sync.startImport', { fileName: bundle.fileName, data: bundle.data });
      const end = await poll(b, jobId);
      expect(end).toMatchObject({ state: 'failed', error: { code: 'too_large' } });
    } finally {
      delete HEAP_CAPS['sync.import'];
    }
    expect(everything(b)).toBe(before);
  });

  it('unknown job ids are not found; a job needs its kind\'s permission', async () => {
    const b = await device();
    await expect(b.call('jobs.get', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    const noSync = { ...ownerSession, permissions: ownerSession.permissions.filter((p) => p !== 'sync.run') };
    const { jobId } = await b.call('sync.startExport', { deviceId: null });
    await jobsOf(b.app).wait(jobId);
    await expect(b.call('jobs.get', { id: jobId }, noSync)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
