// A job's thread: its own connection to the same file (pragmas as the main one), its own clock
// started from the main thread's, the job function, then one message: done, failed or cancelled.
// Bundled as out/main/job-worker.js (electron.vite.config.ts); from source, by source-worker.ts.
// The same entry runs a job's helper thread when started with a `stage` (stage.ts).
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { KehuError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { applyKey, applyPragmas, isSqliteBusy } from '../db/open';
import { keptStatements } from '../db/statements';
import type { AppState } from '../core/context';
import { HybridClock } from '../core/hlc';
import { JobCancelled, type WorkerInput, type WorkerMessage } from './protocol';
import type { StageInput } from './stage';
import type { PrepareInput } from '../io/import/prepare-stage';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function run(job: WorkerInput): Promise<void> {
  const cancel = new Int32Array(job.cancel);
  const sqlite = new BetterSqlite3(job.dbFile);
  applyKey(sqlite, job.dbKey);
  applyPragmas(sqlite);
  // No WAL checkpoint inside the job's COMMIT: the automatic one copied the whole transaction's
  // WAL into the database there (~1 s per 100k imported rows, ~19 s at 1M) while the user waited.
  // The job checkpoints after it has posted its result (checkpointAfter).
  sqlite.pragma('wal_autocheckpoint = 0');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: keptStatements(sqlite) }) });
  const app: AppState = {
    db: { sqlite, kysely, file: job.dbFile, close: () => kysely.destroy() },
    clock: new HybridClock(job.deviceId, job.clock),
    deviceId: job.deviceId,
    dataDir: job.dataDir,
    version: job.version,
    dbKey: job.dbKey,
    swapDatabase: () => Promise.reject(new Error('a job thread never swaps the database')),
  };
  try {
    const hooks = {
      progress(phase: string, done: number, total: number) {
        if (Atomics.load(cancel, 0) === 1) throw new JobCancelled();
        post({ type: 'progress', phase, done, total });
      },
    };
    // Loaded here, not at the top: a stage thread needs none of the job functions' modules.
    const { tasks } = await import('./tasks');
    const result = await tasks[job.kind]({ app, input: job.input, auditInput: job.auditInput, userId: job.userId, viewer: job.viewer, hooks });
    post({ type: 'done', result, hlc: app.clock.current() });
    checkpointAfter(sqlite);
  } catch (e) {
    if (e instanceof JobCancelled) post({ type: 'cancelled' });
    else if (e instanceof KehuError) post({ type: 'failed', error: e.toData() });
    else if (isSqliteBusy(e)) post({ type: 'failed', error: new KehuError({ code: 'busy' }).toData() });
    else {
      console.error('[kehu] job failed:', e);
      post({ type: 'failed', error: new KehuError({ code: 'internal' }).toData() });
    }
  } finally {
    await kysely.destroy();
  }
}

/**
 * The checkpoint the job's COMMIT no longer does. PASSIVE: it neither waits for nor blocks the
 * main connection's readers and writers (a page a reader still needs is left for the next
 * checkpoint). The job is done whatever happens here, so a failure is only logged.
 */
function checkpointAfter(sqlite: BetterSqlite3.Database): void {
  try {
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    console.error('[kehu] checkpoint after the job failed:', e);
  }
}

/** A stage thread loads only its stage's modules (the import's prepare: the reader, the form's schema, pinyin). */
async function runStage(data: StageInput): Promise<void> {
  const { runPrepareStage } = await import('../io/import/prepare-stage');
  await runPrepareStage(data.input as PrepareInput, parentPort!);
}

if ((workerData as Partial<StageInput>).stage) void runStage(workerData as StageInput);
else void run(workerData as WorkerInput);
