// Where the pure half of an import runs (prepare.ts): the file read and every row prepared in
// batches, on a thread of its own for a large file, so that on the machine's other core it overlaps
// the writer's SQLite work (perf-limits §1–2 "worker thread": ≈6 s of JS per 100k rows beside
// ≈8 s of SQLite). The same function (`preparedBatches`) runs in either place; the writer sees the
// same batches in the same order.
import type { MessagePort } from 'node:worker_threads';
import { KehuError, type KehuErrorData } from '../../../shared/errors';
import { IMPORT_YOUNG_MB, type HeapCaps } from '../../jobs/registry';
import { startStage } from '../../jobs/stage';
import { readRows } from '../read';
import type { ReadOptions } from '../read/types';
import { RowPreparer, type PrepareSpec, type PreparedRow } from './prepare';

/**
 * Rows per batch, one message each. A batch lives until it is posted, and in the writer until it
 * is written: 1000 rows outlived the young generation's scavenges and were promoted, to be
 * collected by the old generation's costlier GC (200: −13 MiB peak RSS at 100k rows).
 */
const BATCH_ROWS = 200;
/** Batches prepared ahead of the writer at most: bounds the memory between the threads. */
const AHEAD = 4;
/** Below this file size a thread's start costs more than it saves: prepared in the writer's thread. */
export const THREAD_MIN_BYTES = 256 * 1024;
/** The prepare thread's V8 heap caps (jobs/registry.ts HEAP_CAPS): its batches and pinyin memo. */
const PREPARE_HEAP: HeapCaps = { oldMb: 128, youngMb: IMPORT_YOUNG_MB };

export interface PrepareInput extends PrepareSpec {
  path: string;
  read: ReadOptions;
  /** Tests only: throw at this row (a failure mid-file). */
  failAtRow?: number;
}

/** The file's rows, prepared, in batches (in the calling thread). */
export async function* preparedBatches(input: PrepareInput): AsyncGenerator<PreparedRow[]> {
  const preparer = new RowPreparer(input);
  let batch: PreparedRow[] = [];
  let rows = 0;
  for await (const { line, values } of readRows(input.path, input.read)) {
    rows += 1;
    if (input.failAtRow !== undefined && rows >= input.failAtRow) throw new Error(`test failure at row ${rows}`);
    batch.push(preparer.prepare(line, values));
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

type StageMessage = { type: 'batch'; rows: PreparedRow[] } | { type: 'end' } | { type: 'failed'; error: KehuErrorData | null; message: string };

/** The same batches, prepared on a thread of its own; it stops when the writer does (or fails). */
export async function* preparedInThread(input: PrepareInput): AsyncGenerator<PreparedRow[]> {
  const worker = startStage('import.prepare', input, PREPARE_HEAP);
  const inbox: (StageMessage | { type: 'error'; error: Error })[] = [];
  let wake: (() => void) | null = null;
  const deliver = (m: (typeof inbox)[number]) => {
    inbox.push(m);
    wake?.();
  };
  worker.on('message', deliver);
  worker.on('error', (error) => deliver({ type: 'error', error }));
  worker.on('exit', (code) => deliver({ type: 'error', error: new Error(`prepare thread exited (${code})`) }));
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const m = inbox.shift()!;
      if (m.type === 'batch') {
        worker.postMessage('more');
        yield m.rows;
      } else if (m.type === 'end') return;
      else if (m.type === 'failed') throw m.error ? new KehuError(m.error) : new Error(m.message);
      else throw m.error;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

/** The prepare thread's side: batches out, at most AHEAD not yet taken by the writer. */
export async function runPrepareStage(input: PrepareInput, port: MessagePort): Promise<void> {
  let credit = AHEAD;
  let resume: (() => void) | null = null;
  port.on('message', () => {
    credit += 1;
    resume?.();
  });
  const post = (m: StageMessage) => port.postMessage(m);
  try {
    for await (const rows of preparedBatches(input)) {
      while (credit === 0) await new Promise<void>((resolve) => (resume = resolve));
      resume = null;
      credit -= 1;
      post({ type: 'batch', rows });
    }
    post({ type: 'end' });
  } catch (e) {
    post({ type: 'failed', error: e instanceof KehuError ? e.toData() : null, message: e instanceof Error ? e.message : String(e) });
  }
}
