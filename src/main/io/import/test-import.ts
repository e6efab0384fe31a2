// Helpers of the import's tests: a temp runtime per test, a file uploaded and imported as a person
// would (upload in chunks, inspect, start the job, wait), its undo (start the job, wait), the
// rejected-rows download, table dumps.
import { afterEach, expect } from 'vitest';
import { KehuError } from '../../../shared/errors';
import type { ImportResult, IoEntity, OnDuplicate, UndoImportResult } from '../../../shared/io';
import type { JobStatus } from '../../../shared/jobs';
import type { SessionInfo } from '../../../shared/permissions';
import { jobsOf } from '../../jobs/registry';
import { tempRuntime, type TempRuntime } from '../../test/temp-runtime';

const open: TempRuntime[] = [];
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.dispose();
});
export async function runtime(): Promise<TempRuntime> {
  const rt = await tempRuntime();
  open.push(rt);
  return rt;
}

/** The schema (the import drops and rebuilds the indexes of empty tables) and every table's rows. */
export const schema = (rt: TempRuntime) => rt.app.db.sqlite.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY name`).raw().all();

export function everything(rt: TempRuntime): string {
  const s = rt.app.db.sqlite;
  const tables = s.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return JSON.stringify([schema(rt), tables.map((t) => [t, s.prepare(`SELECT * FROM "${t}"`).raw().all()])]);
}

export async function upload(rt: TempRuntime, name: string, bytes: Buffer, session?: SessionInfo): Promise<string> {
  // Two chunks, to go through the append path.
  const half = Math.floor(bytes.length / 2);
  const { uploadId } = await rt.call('io.upload', { name, offset: 0, data: bytes.subarray(0, half).toString('base64'), done: false }, session);
  await rt.call('io.upload', { uploadId, name, offset: half, data: bytes.subarray(half).toString('base64'), done: true }, session);
  return uploadId;
}

export async function importFile(
  rt: TempRuntime,
  name: string,
  bytes: Buffer,
  opts: { entity?: IoEntity; onDuplicate?: OnDuplicate; dryRun?: boolean; encoding?: string; session?: SessionInfo } = {},
): Promise<{ status: JobStatus; result: ImportResult }> {
  const uploadId = await upload(rt, name, bytes, opts.session);
  const entity = opts.entity ?? 'contact';
  const inspected = await rt.call('io.inspect', { uploadId, entity, encoding: opts.encoding }, opts.session);
  const { jobId } = await rt.call(
    'io.startImport',
    {
      uploadId,
      entity,
      mapping: inspected.mapping,
      options: { onDuplicate: opts.onDuplicate ?? 'skip', fileName: name, dryRun: opts.dryRun ?? false, encoding: opts.encoding },
    },
    opts.session,
  );
  const status = await jobsOf(rt.app).wait(jobId);
  if (status.state !== 'done') throw new Error(`job ${status.state}: ${JSON.stringify(status.error)}`);
  return { status, result: status.result as ImportResult };
}

/**
 * Undoes an import as a caller would: `io.undoImport` starts the job, which is waited for. Its
 * refusals throw as a failed call would (the job's KehuError: code, message, params), so tests
 * can `.rejects.toMatchObject({ code: 'conflict', params })`.
 */
export async function undoImport(rt: TempRuntime, importId: string): Promise<UndoImportResult> {
  const { jobId } = await rt.call('io.undoImport', { importId });
  const status = await jobsOf(rt.app).wait(jobId);
  if (status.state === 'done') return status.result as UndoImportResult;
  if (status.error) throw new KehuError(status.error);
  throw new Error(`undo job ${status.state}`);
}

export const csv = (text: string) => Buffer.from(text, 'utf8');
export const count = (rt: TempRuntime, sql: string) => rt.app.db.sqlite.prepare(sql).pluck().get() as number;

export async function download(rt: TempRuntime, id: string): Promise<string> {
  const chunk = await rt.call('io.download', { downloadId: id, offset: 0 });
  expect(chunk.done).toBe(true);
  return Buffer.from(chunk.data, 'base64').toString('utf8');
}

