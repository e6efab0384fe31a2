// Long jobs (DESIGN.md §3, §6): export, import, sync, backup, reindex run in a worker thread; the
// caller gets a job id and polls `jobs.get` for progress, then the result or the error.
import { z } from 'zod';
import { channel } from './contract-kit';
import type { KehuErrorData } from './errors';

export type JobKind = 'sync.export' | 'sync.import' | 'io.import' | 'io.export' | 'io.undo';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  id: string;
  kind: JobKind;
  state: JobState;
  /** Units done out of total in the current phase (total 0: not known yet). */
  done: number;
  total: number;
  /** What the job is doing, e.g. `verify`, `apply`, `index` (import), `collect`, `encode` (export) or `check`, `untag`, `undo`, `index` (an import's undo). */
  phase: string;
  startedAt: string;
  finishedAt: string | null;
  /** The job's output when `done` (its kind's result type, e.g. SyncImportSummary). */
  result?: unknown;
  /** Why it failed, when `failed`. */
  error?: KehuErrorData;
}

/** What a start channel returns. */
export interface JobStarted {
  jobId: string;
}

const jobId = z.string().min(1).max(64);

// Queries on purpose: they write nothing here (no transaction, no audit row). A running job holds
// the write lock; the job itself writes its audit row. Each job also checks the permission of
// its kind (a sync job needs `sync.run`).
export const jobsContract = {
  'jobs.get': channel<JobStatus>()({ kind: 'query', permission: 'customers.read', input: z.object({ id: jobId }) }),
  /** Asks a running job to stop; it rolls back (all or nothing). A finished job is left as it is. */
  'jobs.cancel': channel<void>()({ kind: 'query', permission: 'customers.read', input: z.object({ id: jobId }) }),
};
