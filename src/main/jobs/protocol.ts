// What the main thread and a job worker say to each other (structured-clone safe).
import type { JobKind } from '../../shared/jobs';
import type { KehuErrorData } from '../../shared/errors';
import type { Viewer } from '../core/visibility';

export interface WorkerInput {
  kind: JobKind;
  input: unknown;
  /** Input as the caller sent it, for the audit row (same shape as the dispatcher's). */
  auditInput: unknown;
  userId: string;
  /** Whose records the job may read (an export writes only what its caller sees). */
  viewer: Viewer;
  dbFile: string;
  /** The database key (hex) of an encrypted file, else null. */
  dbKey: string | null;
  dataDir: string;
  deviceId: string;
  version: string;
  /** The main thread's clock when the job started: the worker's clock starts there. */
  clock: string;
  /** Int32Array over it: [0] = 1 asks the job to stop. */
  cancel: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: unknown; hlc: string }
  | { type: 'failed'; error: KehuErrorData }
  | { type: 'cancelled' };

/** Thrown by a job's progress hook once cancel was asked; merge passes it through unchanged. */
export class JobCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('job cancelled');
  }
}
