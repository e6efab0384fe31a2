// `kehu export --entity contacts|companies --format csv|xlsx|vcf [--gbk] --out FILE`: the
// `io.startExport` job through the runtime's dispatcher (polled with jobs.get like the UI does),
// then the prepared file copied in chunks through `io.download` to FILE.part, renamed to FILE
// when complete (a half-written export never carries the chosen name).
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { Runtime } from '../core/runtime';
import { KehuError } from '../../shared/errors';
import type { ExportFormat, ExportResult, IoEntity } from '../../shared/io';
import type { JobStatus } from '../../shared/jobs';
import { cliEntity } from './entity';

export interface ExportArgs {
  entity: string | undefined;
  format: string | undefined;
  gbk: boolean;
  out: string | undefined;
}

export interface ExportCliOptions {
  /** A one-line progress text while the job runs (a terminal rewrites its line). */
  progress?: (line: string) => void;
  /** Aborting (Ctrl+C) cancels the job: no file is written. */
  signal?: AbortSignal;
}

export class ExportUsageError extends Error {}

const FORMATS = ['csv', 'xlsx', 'vcf'] as const;
const POLL_MS = 200;

/** What `kehu export` will do, from checked options. */
export interface ExportPlan {
  entity: IoEntity;
  format: ExportFormat;
  out: string;
}

/** Checks the options before anything is opened: a mistake is a usage error that costs no work. */
export function parseExportArgs(args: ExportArgs): ExportPlan {
  const entity = args.entity ? cliEntity(args.entity) : undefined;
  if (!entity) throw new ExportUsageError('export needs --entity contacts or --entity companies');
  // Any case, like the --out extension it may come from (CSV, a.XLSX).
  const format = (args.format ?? args.out?.match(/\.(csv|xlsx|vcf)$/i)?.[1])?.toLowerCase() as (typeof FORMATS)[number] | undefined;
  if (!format || !FORMATS.includes(format)) throw new ExportUsageError('export needs --format csv, xlsx or vcf');
  // io.startExport refuses it too (io.vcard_contacts_only): a company would lose most of its fields.
  if (entity === 'company' && format === 'vcf') throw new ExportUsageError('vCard is for contacts only: export companies as csv or xlsx');
  if (args.gbk && format !== 'csv') throw new ExportUsageError('--gbk goes with --format csv only');
  if (!args.out) throw new ExportUsageError('export needs --out FILE');
  return { entity, format: args.gbk ? 'csv-gbk' : format, out: args.out };
}

export function exportProgressLine(s: JobStatus, startedAt: number): string {
  const secs = (Date.now() - startedAt) / 1000;
  const rate = secs > 0.5 && s.done ? `, ${Math.round(s.done / secs).toLocaleString('en')} rows/s` : '';
  return `export: ${s.done.toLocaleString('en')}${s.total ? `/${s.total.toLocaleString('en')}` : ''} rows${rate}`;
}

async function waitForExport(rt: Runtime, jobId: string, opts: ExportCliOptions): Promise<ExportResult> {
  const cancel = () => void rt.call('jobs.cancel', { id: jobId }).catch(() => undefined);
  opts.signal?.addEventListener('abort', cancel, { once: true });
  const startedAt = Date.now();
  try {
    for (;;) {
      const status = await rt.call('jobs.get', { id: jobId });
      if (status.state === 'running') {
        opts.progress?.(exportProgressLine(status, startedAt));
        await new Promise((r) => setTimeout(r, POLL_MS));
        continue;
      }
      if (status.state === 'done') return status.result as ExportResult;
      if (status.state === 'failed') throw new KehuError(status.error ?? { code: 'internal', message: 'errors.internal' });
      throw new Error('Cancelled: no file was written.');
    }
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
  }
}

/** Copies a download to `out` through io.download chunks: FILE.part first, renamed when complete. */
async function saveDownload(rt: Runtime, downloadId: string, out: string): Promise<number> {
  const temp = `${out}.part`;
  const fd = openSync(temp, 'w');
  let offset = 0;
  try {
    for (;;) {
      const chunk = await rt.call('io.download', { downloadId, offset });
      const bytes = Buffer.from(chunk.data, 'base64');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      offset += bytes.length;
      if (chunk.done || bytes.length === 0) break;
    }
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temp, out);
  return offset;
}

/** Runs an export checked by parseExportArgs (before the data folder was opened). */
export async function runExportCli(rt: Runtime, plan: ExportPlan, print: (text: string) => void, opts: ExportCliOptions = {}): Promise<number> {
  const { entity, format, out } = plan;
  const started = Date.now();
  const { jobId } = await rt.call('io.startExport', { entity, format, filter: {}, sort: 'updated', dir: 'desc' });
  const result = await waitForExport(rt, jobId, opts);
  const bytes = await saveDownload(rt, result.downloadId, out);
  const secs = (Date.now() - started) / 1000;
  print(
    `Wrote ${out}: ${result.rows.toLocaleString('en')} ${entity === 'contact' ? 'contacts' : 'companies'}, ` +
      `${format}${format === 'csv-gbk' ? '' : format === 'csv' ? ' (UTF-8 with BOM)' : ''}, ${bytes.toLocaleString('en')} bytes, ${secs.toFixed(1)} s.`,
  );
  return 0;
}
