// `kehu import FILE`: the same path as the UI — the file goes up in chunks (io.upload), is
// inspected (io.inspect), mapped (suggested, or a saved mapping / preset by name), then imported
// by the io.import job (io.startImport), with progress on a terminal and a summary.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Runtime } from '../core/runtime';
import { KehuError } from '../../shared/errors';
import { applySaved, IO_CHUNK_BYTES, isCsvDelimiter, type ImportResult, type OnDuplicate } from '../../shared/io';
import type { JobStatus } from '../../shared/jobs';
import { encodingName } from '../io/read/encoding';
import { cliEntity } from './entity';

export interface ImportArgs {
  file: string | undefined;
  entity?: string;
  map?: string;
  onDuplicate?: string;
  dryRun?: boolean;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

export class ImportUsageError extends Error {}

export interface ImportCliOptions {
  progress?: (line: string) => void;
  signal?: AbortSignal;
}

const POLICIES: Record<string, OnDuplicate> = { skip: 'skip', update: 'update_empty', update_empty: 'update_empty', overwrite: 'overwrite', create: 'create' };
const DELIMITERS: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

async function uploadFile(rt: Runtime, path: string): Promise<string> {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    let uploadId: string | undefined;
    let offset = 0;
    const buf = Buffer.alloc(IO_CHUNK_BYTES);
    do {
      const n = readSync(fd, buf, 0, IO_CHUNK_BYTES, offset);
      const r = await rt.call('io.upload', { uploadId, name: basename(path), offset, data: buf.subarray(0, n).toString('base64'), done: offset + n >= size });
      uploadId = r.uploadId;
      offset += n;
      if (n === 0) break;
    } while (offset < size);
    return uploadId!;
  } finally {
    closeSync(fd);
  }
}

/** A usage error unless `path` is a regular file: a folder would fail in the upload with EISDIR. */
function checkFile(path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new ImportUsageError(`cannot read ${path}`);
  }
  if (!isFile) throw new ImportUsageError(`${path} is not a file`);
}

/** Runs the import; returns the process exit code (1 when nothing could be imported). */
export async function runImportCli(rt: Runtime, args: ImportArgs, print: (text: string) => void, opts: ImportCliOptions = {}): Promise<number> {
  if (!args.file) throw new ImportUsageError('import needs a FILE (CSV, XLSX or vCard)');
  const entity = cliEntity(args.entity ?? 'contact');
  if (!entity) throw new ImportUsageError('--entity must be contacts or companies');
  const onDuplicate = POLICIES[args.onDuplicate ?? 'skip'];
  if (!onDuplicate) throw new ImportUsageError('--on-duplicate must be skip, update, overwrite or create');
  // Checked here so that a typo is a usage error naming what is accepted, not a failed call.
  if (args.encoding && encodingName(args.encoding) === null) {
    throw new ImportUsageError(`--encoding "${args.encoding}" is unknown: use gbk, utf-8, utf-16le, utf-16be, utf-16, big5, or another name iconv-lite knows (e.g. shift_jis, windows-1252)`);
  }
  const delimiter = args.delimiter ? (DELIMITERS[args.delimiter] ?? args.delimiter) : undefined;
  if (delimiter !== undefined && !isCsvDelimiter(delimiter)) {
    throw new ImportUsageError('--delimiter must be comma, semicolon, tab, pipe, or one other character (not a quote or a line break)');
  }
  checkFile(args.file);
  const read = {
    ...(args.encoding ? { encoding: args.encoding } : {}),
    ...(delimiter ? { delimiter } : {}),
    ...(args.sheet ? { sheet: args.sheet } : {}),
  };
  const uploadId = await uploadFile(rt, args.file);
  let inspected = await rt.call('io.inspect', { uploadId, entity, ...read });
  if (args.map) {
    const saved = (await rt.call('io.mappings', { entity })).find((m) => m.name === args.map || m.id === args.map);
    if (!saved) throw new ImportUsageError(`no saved mapping "${args.map}" for ${entity}s`);
    inspected = await rt.call('io.inspect', { uploadId, entity, ...read, mapping: applySaved(saved, inspected.info.headers, inspected.mapping) });
  }
  const { info, mapping } = inspected;
  const mapped = Object.entries(mapping).map(([i, t]) => `${info.headers[Number(i)] ?? `#${i}`} → ${t}`);
  print(`${basename(args.file)}: ${info.format}${info.encoding ? `, ${info.encoding}` : ''}${info.sheet ? `, sheet ${info.sheet}` : ''}; columns: ${mapped.join(', ') || '(none mapped)'}`);
  if (mapped.length === 0) {
    print('No column could be mapped: use --map NAME with a saved mapping.');
    return 1;
  }
  const { jobId } = await rt.call('io.startImport', {
    uploadId,
    entity,
    mapping,
    options: { ...read, onDuplicate, fileName: basename(args.file), dryRun: args.dryRun ?? false },
  });
  const started = Date.now();
  const cancel = () => void rt.call('jobs.cancel', { id: jobId }).catch(() => undefined);
  opts.signal?.addEventListener('abort', cancel, { once: true });
  let status: JobStatus;
  try {
    for (;;) {
      status = await rt.call('jobs.get', { id: jobId });
      if (status.state !== 'running') break;
      const secs = (Date.now() - started) / 1000;
      opts.progress?.(`import: ${status.done} rows${secs > 0.5 ? ` (${Math.round(status.done / secs)} rows/s)` : ''}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
  }
  if (status.state === 'failed') throw new KehuError(status.error ?? { code: 'internal', message: 'errors.internal' });
  if (status.state === 'cancelled') {
    print('Cancelled: nothing was written.');
    return 1;
  }
  const r = status.result as ImportResult;
  print(
    `${r.dryRun ? 'Dry run (nothing written): would create' : 'Created'} ${r.created}, ${r.dryRun ? 'update' : 'updated'} ${r.updated}, skipped ${r.skipped} (duplicates), rejected ${r.rejected} of ${r.rows} rows` +
      `; ${r.companiesCreated} new companies, ${r.tagsCreated} new tags.`,
  );
  if (r.rejectedFile) print(`Rejected rows with reasons: ${rt.app.dataDir}/downloads/${r.rejectedFile}`);
  if (r.importId) print(`Import id: ${r.importId} (undo in the app's import history).`);
  return r.created + r.updated > 0 ? 0 : 1;
}
