// The main thread's side of long jobs (DESIGN.md §3, §6): starts a job in a worker thread, keeps
// its progress from the worker's messages, asks it to stop through a shared flag, and keeps the
// last few finished jobs' results and errors for `jobs.get`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import type { JobKind, JobStatus } from '../../shared/jobs';
import { KehuError, notFound } from '../../shared/errors';
import type { Permission, SessionInfo } from '../../shared/permissions';
import type { AppState } from '../core/context';
import type { WorkerInput, WorkerMessage } from './protocol';
import { viewerOf } from '../core/visibility';
import { sourceWorker, WORKER_FILE } from './source-worker';

/** V8 heap caps of a worker thread, in MB: its old generation and, optionally, its young one. */
export interface HeapCaps {
  oldMb: number;
  youngMb?: number;
}

/**
 * Young generation of the import's threads (writer and prepare stage). A busy thread's grows to
 * 32 MB (two 16 MB semi-spaces), which counts fully in the RSS three isolates share with the page
 * cache. The import's garbage dies young (a row's strings, statement values), so a smaller one
 * costs more frequent but small scavenges. Measured with the 32 MiB import page cache and 200-row
 * batches (bench child, 100k rows, back to back): peak RSS 455-474 -> 345-353 MiB, wall +3% (within
 * the noise); 1M rows 375 MiB. At 4 MB, promotions to the old generation cost +25% CPU.
 */
export const IMPORT_YOUNG_MB = 12;

/**
 * V8 old-generation cap of a job's worker, by kind. Without one, V8 lets an import's garbage (rows,
 * strings, statement values: ~300 MB allocated, ~65 MB live at 1M rows) pile up before collecting,
 * and the worker's heap counts fully in the app's RSS (goal: 1M rows under 400 MB, bench/README
 * "Import"). An import keeps little per row (rid ranges for undo, created.ts), so a cap costs some
 * GC time, not a failure; what it keeps in JS grows only with the existing records it updates
 * (their previous values, for undo). Sync jobs still build and read a bundle whole (~1 GB for a
 * 100k snapshot, bench/README "Sync by file"), and exports hold their file's rows: no cap for them.
 * A worker over its cap stops with ERR_WORKER_OUT_OF_MEMORY (the job fails, its transaction rolls back).
 * Measured (bench child, 100k rows, load 4-5): no cap 627-635 MiB peak RSS, 256 MB 521-533 MiB at
 * the same CPU within the noise; 128 MB here and 64 MB for the prepare thread: 31-34 s CPU instead
 * of ~20 s (V8 collecting all the time), so not lower.
 */
export const HEAP_CAPS: Partial<Record<JobKind, HeapCaps>> = { 'io.import': { oldMb: 256, youngMb: IMPORT_YOUNG_MB } };

/** A worker's resource limits for its caps (none without). */
export function heapLimits(caps: HeapCaps | undefined): { resourceLimits?: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb?: number } } {
  if (!caps) return {};
  return { resourceLimits: { maxOldGenerationSizeMb: caps.oldMb, ...(caps.youngMb ? { maxYoungGenerationSizeMb: caps.youngMb } : {}) } };
}

/** Finished jobs kept for `jobs.get` (oldest dropped first). */
const KEEP_FINISHED = 10;

const KIND_PERMISSION: Record<JobKind, Permission> = {
  'sync.export': 'sync.run',
  'sync.import': 'sync.run',
  'io.import': 'data.import',
  'io.export': 'data.export',
  'io.undo': 'data.import',
};

interface Entry {
  status: JobStatus;
  cancel: Int32Array;
  worker: Worker | null;
  finished: Promise<JobStatus>;
}

const HERE = import.meta.url;

/**
 * Where the worker code is. Bundled (electron-vite), worker.ts is its own rollup input,
 * out/main/job-worker.js, next to index.js (or one level up from a chunk); a stage thread started
 * from a bundled worker finds that same file next to itself. From source (Vitest, tsx) this
 * module's URL ends in .ts: worker.ts bundled for this process (source-worker.ts), started without
 * the loader flags the process was given. The names are variables so that Vite leaves these
 * `new URL` calls alone.
 */
export function workerLocation(): { file: URL; fromSource: boolean } {
  if (/\.ts($|\?)/.test(HERE)) return { file: sourceWorker(new URL('./worker.ts', HERE)), fromSource: true };
  for (const rel of [`./${WORKER_FILE}`, `../${WORKER_FILE}`]) {
    const url = new URL(rel, HERE);
    if (existsSync(fileURLToPath(url))) return { file: url, fromSource: false };
  }
  throw new Error(`job worker not found next to ${HERE}`);
}

/** A worker's options for its location: from source, no inherited loader flags (tsx). */
export const workerArgs = (where: { fromSource: boolean }): { execArgv?: string[] } => (where.fromSource ? { execArgv: [] } : {});

export interface StartOptions {
  kind: JobKind;
  input: unknown;
  /** What the audit row records as the input (the dispatcher's raw input). */
  auditInput: unknown;
  session: SessionInfo;
  /** Data to move rather than copy to the worker. */
  transfer?: ArrayBuffer[];
}

export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();

  constructor(private readonly app: AppState) {}

  start({ kind, input, auditInput, session, transfer }: StartOptions): string {
    this.allowed(kind, session);
    // Every job is one write transaction: a second would wait for the first's lock and fail after
    // busy_timeout mid-way. Say at once that the data is busy (the first job can be followed).
    if (this.holdsWriteLock()) throw new KehuError({ code: 'busy' });
    const id = randomUUID();
    const shared = new SharedArrayBuffer(4);
    const where = workerLocation();
    const data: WorkerInput = {
      kind,
      input,
      auditInput,
      userId: session.userId,
      viewer: viewerOf(session),
      dbFile: this.app.db.file,
      dbKey: this.app.dbKey,
      dataDir: this.app.dataDir,
      deviceId: this.app.deviceId,
      version: this.app.version,
      clock: this.app.clock.current(),
      cancel: shared,
    };
    const status: JobStatus = { id, kind, state: 'running', done: 0, total: 0, phase: 'start', startedAt: new Date().toISOString(), finishedAt: null };
    const worker = new Worker(where.file, { workerData: data, transferList: transfer, ...workerArgs(where), ...heapLimits(HEAP_CAPS[kind]) });
    const entry: Entry = { status, cancel: new Int32Array(shared), worker, finished: Promise.resolve(status) };
    entry.finished = new Promise<JobStatus>((resolve) => {
      const finish = (patch: Partial<JobStatus>) => {
        if (status.state !== 'running') return;
        Object.assign(status, patch, { finishedAt: new Date().toISOString() });
        entry.worker = null;
        this.prune();
        resolve(status);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') Object.assign(status, { phase: m.phase, done: m.done, total: m.total });
        else if (m.type === 'done') {
          this.reloadClock(m.hlc);
          finish({ state: 'done', result: m.result, done: status.total || status.done });
        } else if (m.type === 'cancelled') finish({ state: 'cancelled' });
        else finish({ state: 'failed', error: m.error });
      });
      worker.on('error', (e) => {
        // Over its heap cap (HEAP_CAP_MB) the thread is stopped and its transaction rolls back:
        // that is the file's size, which the person can change, not a fault of ours.
        const tooLarge = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        if (!tooLarge) console.error('[kehu] job worker error:', e);
        finish({ state: 'failed', error: new KehuError({ code: tooLarge ? 'too_large' : 'internal' }).toData() });
      });
      worker.on('exit', () => finish({ state: 'failed', error: new KehuError({ code: 'internal' }).toData() }));
    });
    this.jobs.set(id, entry);
    return id;
  }

  /** Whether a job is running: every job is one write transaction (inJobMutation) until it ends. */
  holdsWriteLock(): boolean {
    return [...this.jobs.values()].some((e) => e.status.state === 'running');
  }

  get(id: string, session: SessionInfo): JobStatus {
    const entry = this.entry(id, session);
    return { ...entry.status };
  }

  cancel(id: string, session: SessionInfo): void {
    const entry = this.entry(id, session);
    if (entry.status.state === 'running') Atomics.store(entry.cancel, 0, 1);
  }

  /** Resolves when the job has finished (CLI and tests). */
  wait(id: string): Promise<JobStatus> {
    const entry = this.jobs.get(id);
    if (!entry) return Promise.reject(notFound('job', id));
    return entry.finished.then((s) => ({ ...s }));
  }

  /** Stops every running job (their transactions roll back) and waits for them. */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((e) => e.status.state === 'running');
    for (const e of running) Atomics.store(e.cancel, 0, 1);
    await Promise.all(running.map((e) => e.finished));
  }

  /**
   * The worker committed: take in its clock (persisted in meta 'hlc', also sent back) so that the
   * next local change sorts after everything the job wrote.
   */
  private reloadClock(workerHlc: string): void {
    const row = this.app.db.sqlite.prepare(`SELECT value FROM meta WHERE key = 'hlc'`).get() as { value: string } | undefined;
    for (const h of [row?.value, workerHlc]) if (h && h >= this.app.clock.current()) this.app.clock.recv(h);
  }

  private entry(id: string, session: SessionInfo): Entry {
    const entry = this.jobs.get(id);
    if (!entry) throw notFound('job', id);
    this.allowed(entry.status.kind, session);
    return entry;
  }

  private allowed(kind: JobKind, session: SessionInfo): void {
    const permission = KIND_PERMISSION[kind];
    if (!session.permissions.includes(permission)) throw new KehuError({ code: 'forbidden', params: { permission } });
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.status.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(e.status.id);
  }
}

const registries = new WeakMap<AppState, JobRegistry>();

/** The job registry of an open application (one per data folder). */
export function jobsOf(app: AppState): JobRegistry {
  let r = registries.get(app);
  if (!r) registries.set(app, (r = new JobRegistry(app)));
  return r;
}
