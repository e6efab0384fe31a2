// `kehu export --entity contacts|companies --format csv|xlsx|vcf [--gbk] --out FILE`: the
// `io.startExport` job through the runtime's dispatcher (polled with jobs.get like the UI does),
// then the prepared file copied in chunks through `io.download` to FILE.part, renamed to FILE
// when complete (a half-written export never carries the chosen name). The options, FILE's folder
// too, are checked before the data folder is opened.
import { accessSync, closeSync, constants, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { Runtime } from '../core/runtime';
import { removeDownload } from '../io/export/downloads';
import { KehuError } from '../../shared/errors';
import type { DownloadChunk, ExportFormat, ExportResult, IoEntity } from '../../shared/io';
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

/**
 * FILE must be a file name in a folder that exists and can be written: checked before the export
 * runs, else it would fail only at the end, after the work and its audit row, with a raw fs error.
 */
function checkOut(out: string, format: string): void {
  if (/[\\/]$/.test(out) || statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ExportUsageError(`--out ${out} is a folder: give a file name in it, e.g. ${join(out, `export.${format}`)}`);
  }
  const folder = dirname(resolve(out));
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new ExportUsageError(`--out: the folder ${folder} does not exist`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new ExportUsageError(`--out: the folder ${folder} cannot be written to`);
  }
}

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
  checkOut(args.out, format);
  return { entity, format: args.gbk ? 'csv-gbk' : format, out: args.out };
}

/**
 * The format that --out's extension names when --format names another (`--format csv --out
 * a.xlsx` would write a CSV that Excel refuses to open as a workbook); null when they agree, or the
 * extension is none of ours (a.txt for a CSV is fine). Without --format, the extension chose it.
 */
export function extensionMismatch(plan: ExportPlan): { file: string; ext: string; format: string } | null {
  const ext = extname(plan.out).slice(1).toLowerCase();
  const format = plan.format === 'csv-gbk' ? 'csv' : plan.format;
  return (FORMATS as readonly string[]).includes(ext) && ext !== format ? { file: plan.out, ext, format } : null;
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

/** Writes the download's chunks, `first` and those after it, into the open file `fd`; returns the bytes written. */
async function copyDownload(rt: Runtime, downloadId: string, fd: number, first: DownloadChunk): Promise<number> {
  let offset = 0;
  for (let chunk = first; ; chunk = await rt.call('io.download', { downloadId, offset })) {
    const bytes = Buffer.from(chunk.data, 'base64');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    offset += bytes.length;
    if (chunk.done || bytes.length === 0) return offset;
  }
}

/**
 * Copies a download to the path `outFor` gives for the download's own file name: FILE.part first,
 * renamed when complete; on any failure (the rename too) no FILE.part is left.
 */
export async function saveDownload(rt: Runtime, downloadId: string, outFor: (fileName: string) => string): Promise<{ out: string; bytes: number }> {
  const first = await rt.call('io.download', { downloadId, offset: 0 });
  const out = outFor(first.fileName);
  const temp = `${out}.part`;
  const fd = openSync(temp, 'w');
  try {
    let bytes: number;
    try {
      bytes = await copyDownload(rt, downloadId, fd, first);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, out);
    return { out, bytes };
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** Runs an export checked by parseExportArgs (before the data folder was opened). */
export async function runExportCli(rt: Runtime, plan: ExportPlan, print: (text: string) => void, opts: ExportCliOptions = {}): Promise<number> {
  const { entity, format, out } = plan;
  const started = Date.now();
  const { jobId } = await rt.call('io.startExport', { entity, format, filter: {}, sort: 'updated', dir: 'desc' });
  const result = await waitForExport(rt, jobId, opts);
  let bytes: number;
  try {
    ({ bytes } = await saveDownload(rt, result.downloadId, () => out));
  } finally {
    // Saved (or failed), the CLI has no more use for it: a plain-text copy of the data should not
    // wait a day in <data>/downloads, least of all beside an encrypted database.
    removeDownload(rt.app.dataDir, result.downloadId);
  }
  const secs = (Date.now() - started) / 1000;
  print(
    `Wrote ${out}: ${result.rows.toLocaleString('en')} ${entity === 'contact' ? 'contacts' : 'companies'}, ` +
      `${format}${format === 'csv-gbk' ? '' : format === 'csv' ? ' (UTF-8 with BOM)' : ''}, ${bytes.toLocaleString('en')} bytes, ${secs.toFixed(1)} s.`,
  );
  return 0;
}
