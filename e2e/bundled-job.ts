// Run by bundled-job.spec.ts with tsx: an io.import job through the built out/main/job-worker.js,
// as the Electron app runs it (not the source bundled by src/main/jobs/source-worker.ts, as every other test does),
// with a file large enough that the import prepares its rows on the stage thread. Prints the
// worker's last message and what the database then holds, as one JSON line.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateCsv } from '../bench/io';
import { createRuntime } from '../src/main/core/runtime';
import { ownerSession } from '../src/main/core/session';
import { viewerOf } from '../src/main/core/visibility';
import { THREAD_MIN_BYTES } from '../src/main/io/import/prepare-stage';
import type { WorkerInput } from '../src/main/jobs/protocol';

const dataDir = mkdtempSync(join(tmpdir(), 'kehu-bundled-job-'));
try {
  const rt = await createRuntime(dataDir);
  const uploadId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
  const upload = join(dataDir, 'uploads', uploadId);
  mkdirSync(join(dataDir, 'uploads'), { recursive: true });
  await generateCsv(join(dataDir, 'in.csv'), 5000);
  copyFileSync(join(dataDir, 'in.csv'), upload);
  writeFileSync(`${upload}.json`, JSON.stringify({ name: 'in.csv' }));
  const { mapping } = await rt.call('io.inspect', { uploadId, entity: 'contact' });
  const input = { uploadId, entity: 'contact', mapping, options: { onDuplicate: 'skip', fileName: 'in.csv', dryRun: false } };
  const job: WorkerInput = {
    kind: 'io.import',
    input,
    auditInput: input,
    userId: ownerSession.userId,
    viewer: viewerOf(ownerSession),
    dbFile: rt.app.db.file,
    dbKey: null,
    dataDir,
    deviceId: rt.app.deviceId,
    version: 'e2e',
    clock: rt.app.clock.current(),
    cancel: new SharedArrayBuffer(4),
  };
  const worker = new Worker(join(import.meta.dirname, '../out/main/job-worker.js'), { workerData: job });
  const last = await new Promise<{ type: string; result?: unknown }>((resolve, reject) => {
    worker.on('message', (m: { type: string }) => m.type !== 'progress' && resolve(m));
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`job worker exited (${code}) without a result`)));
  });
  await worker.terminate();
  const contacts = rt.app.db.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get();
  const found = (await rt.call('search.global', { q: '张', limit: 50 })).length;
  await rt.close();
  const { size } = await import('node:fs').then((fs) => fs.statSync(upload));
  console.log(JSON.stringify({ last, contacts, found, staged: size >= THREAD_MIN_BYTES }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
