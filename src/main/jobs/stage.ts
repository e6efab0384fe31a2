// A helper thread of a job (a stage of its work on the machine's other core, e.g. the import's
// prepare stage): the same worker entry as jobs (worker.ts, bundled as job-worker.js), told by
// `stage` to run that stage instead of a job. The stage talks to the job through the worker's port.
import { Worker } from 'node:worker_threads';
import { heapLimits, workerArgs, workerLocation, type HeapCaps } from './registry';

export type StageName = 'import.prepare';

/** What a stage thread gets (structured-clone safe). */
export interface StageInput {
  stage: StageName;
  input: unknown;
}

export function startStage(stage: StageName, input: unknown, caps: HeapCaps): Worker {
  const where = workerLocation();
  const data: StageInput = { stage, input };
  return new Worker(where.file, { workerData: data, ...workerArgs(where), ...heapLimits(caps) });
}
