// The `io.import` job: one all-or-nothing transaction (inJobMutation) in the worker. A dry run
// does the same work and rolls it back, returning the counts.
import { statSync } from 'node:fs';
import { z } from 'zod';
import { KehuError } from '../../../shared/errors';
import { StartImportInput, type ImportResult } from '../../../shared/io';
import type { TaskArgs } from '../../jobs/tasks';
import { inJobMutation } from '../../jobs/mutation';
import { DEFAULT_LOCALE } from '../../core/translate';
import { storedLocale } from '../../db/meta';
import { filePath, fileName as uploadName } from '../files';
import { inspectFile } from '../read';
import { runImport } from './engine';
import { createdJson, isCreated } from './created';
import { badTargets } from './mapping';
import { preparedBatches, preparedInThread, THREAD_MIN_BYTES } from './prepare-stage';

/** The import connection's page cache, in KiB (see runImportTask). */
export const IMPORT_PAGE_CACHE_KIB = 32 * 1024;

export type ImportTaskInput = z.output<typeof StartImportInput> & { failAtRow?: number };

class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

export async function runImportTask({ app, input, auditInput, userId, viewer, hooks }: TaskArgs): Promise<ImportResult> {
  const job = input as ImportTaskInput;
  const bad = badTargets(job.entity, job.mapping);
  if (bad.length) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'mapping', message: 'validation.mapping_target', params: { target: bad[0]! } }] });
  const path = filePath(app.dataDir, 'uploads', job.uploadId);
  const fileName = job.options.fileName || uploadName(app.dataDir, 'uploads', job.uploadId);
  const read = { encoding: job.options.encoding, delimiter: job.options.delimiter, sheet: job.options.sheet };
  const { info } = await inspectFile(path, { ...read, sampleRows: 0 });
  hooks.progress?.('import', 0, 0);
  // The worker's own connection: a page cache of 32 MiB, not perf-limits §1–2's 256: the cache
  // fills with the transaction's pages and counts fully in the worker's RSS (goal 400 MB at 1M
  // rows), while most index work into empty tables is deferred (engine.ts). Measured at 100k: 256 →
  // 64 MiB cost ~0.9 s CPU and saved ~220 MiB; 64 → 32 MiB saved ~35 MiB, CPU within the noise.
  const sqlite = app.db.sqlite;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${IMPORT_PAGE_CACHE_KIB}`);
  try {
    return await inJobMutation(app, 'io.startImport', auditInput, userId, async (db, now, changes) => {
      const { counts, created } = await runImport({ sqlite: app.db.sqlite, db, changes, clock: app.clock, userId, viewer, now, dataDir: app.dataDir }, {
        entity: job.entity,
        mapping: job.mapping,
        onDuplicate: job.options.onDuplicate,
        fileName,
        headers: info.headers,
        // A large file is read and prepared on a second thread (prepare-stage.ts).
        prepared: (spec) => (statSync(path).size >= THREAD_MIN_BYTES ? preparedInThread : preparedBatches)({ ...spec, path, read, failAtRow: job.failAtRow }),
        progress: (done) => hooks.progress?.('import', done, 0),
        locale: (await storedLocale(db)) ?? DEFAULT_LOCALE,
      });
      if (job.options.dryRun) throw new DryRunDone({ importId: null, dryRun: true, ...counts });
      const records = changes.records();
      const table = job.entity === 'contact' ? 'contacts' : 'companies';
      // Records created by this import and then updated by a later row stay "created" (undo
      // sends them to the Trash); only existing records keep their previous values.
      const updated = records
        .filter((r) => r.table === table && r.before !== null && !isCreated(sqlite, created.marks, table, r.id))
        .map((r) => ({ id: r.id, before: r.before, updatedAt: created.updatedAtBefore.get(r.id) }));
      const importId = crypto.randomUUID();
      await db
        .insertInto('imports')
        .values({
          id: importId,
          at: now,
          user_id: userId,
          file_name: fileName,
          entity: job.entity,
          created: counts.created,
          updated: counts.updated,
          skipped: counts.skipped,
          rejected: counts.rejected,
          created_ids: createdJson(sqlite, created.marks, created.taggingsOfExisting),
          updated_ids: JSON.stringify(updated),
          undone_at: null,
        })
        .execute();
      return { importId, dryRun: false, ...counts };
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.result;
    throw e;
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}
