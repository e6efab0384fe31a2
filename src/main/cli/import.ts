// `kehu import FILE`: the same path as the UI — the file goes up in chunks (io.upload), is
// inspected (io.inspect), mapped (suggested, or a saved mapping / preset by name), then imported
// by the io.import job (io.startImport), with progress on a terminal and a summary.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Runtime } from '../core/runtime';
import { KehuError } from '../../shared/errors';
import { applySaved, IO_CHUNK_BYTES, isCsvDelimiter, type ImportResult, type IoEntity, type OnDuplicate, type SavedMapping, type SourceInfo } from '../../shared/io';
import type { JobStatus } from '../../shared/jobs';
import type { Input } from '../../shared/contract';
import { downloadsDir, removeDownload } from '../io/export/downloads';
import { encodingName } from '../io/read/encoding';
import { cliEntity } from './entity';
import { saveDownload } from './export';

type InspectInput = Input<'io.inspect'>;

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

/** A saved mapping (or built-in preset) by its name or id; a usage error when there is none. */
async function savedMapping(rt: Runtime, entity: IoEntity, name: string): Promise<SavedMapping> {
  const saved = (await rt.call('io.mappings', { entity })).find((m) => m.name === name || m.id === name);
  if (!saved) throw new ImportUsageError(`no saved mapping "${name}" for ${entity}s`);
  return saved;
}

/** The file (or one sheet of it) inspected, its columns mapped by their headers or by `saved`. */
async function inspectMapped(rt: Runtime, input: InspectInput, saved: SavedMapping | undefined) {
  const inspected = await rt.call('io.inspect', input);
  return saved ? rt.call('io.inspect', { ...input, mapping: applySaved(saved, inspected.info.headers, inspected.mapping) }) : inspected;
}

/** A sheet name as an argument a shell takes back (a name with a space or a quote is quoted). */
const shellWord = (name: string) => (/^[\p{L}\p{N}_.-]+$/u.test(name) ? name : `"${name.replace(/(["\\$`])/g, '\\$1')}"`);

/**
 * Why no column maps. For a workbook, the other sheets whose columns do map, so that --sheet can
 * name one: the reader takes the first visible sheet (in the app too), often a cover sheet (说明).
 * The CLI does not switch to another sheet by itself: it may be a hidden lookup list or another
 * year's data, and an import writes to the database, all of it; the app never switches either (it
 * shows the sheet it read and lets the user pick another). Naming the sheet costs one more run.
 */
async function nothingMapped(rt: Runtime, input: InspectInput, saved: SavedMapping | undefined, info: SourceInfo): Promise<KehuError> {
  const others = info.sheets.filter((sheet) => sheet !== info.sheet);
  if (others.length === 0) return new KehuError({ code: 'invalid_input', message: 'cli.noColumns' });
  const fitting: string[] = [];
  for (const sheet of others) {
    // A sheet the reader refuses (e.g. nothing in it) is simply not one to suggest.
    const inspected = await inspectMapped(rt, { ...input, sheet }, saved).catch((e: unknown) => {
      if (e instanceof KehuError) return null;
      throw e;
    });
    if (inspected && Object.keys(inspected.mapping).length > 0) fitting.push(sheet);
  }
  if (fitting.length === 0) return new KehuError({ code: 'invalid_input', message: 'cli.noColumnsInAnySheet', params: { sheets: info.sheets.join(', ') } });
  return new KehuError({ code: 'invalid_input', message: 'cli.noColumnsInSheet', params: { sheet: info.sheet, sheets: fitting.join(', '), first: shellWord(fitting[0]) } });
}

/** `name` in `dir`, or `name (2)`, `name (3)`… before its extension when taken: an earlier file is never replaced. */
function freePath(dir: string, name: string): string {
  const ext = extname(name);
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? name : `${name.slice(0, name.length - ext.length)} (${n})${ext}`);
    if (!existsSync(path)) return path;
  }
}

/**
 * The rejected rows saved beside the imported file, under the name the app's download gives them
 * (客户-rejected.csv): in the data folder they are a file named by an id, with no extension. Then
 * removed from there, as an export is (plain text beside an encrypted database). Where FILE's
 * folder cannot be written, they stay in the data folder, said so.
 */
async function saveRejected(rt: Runtime, downloadId: string, file: string): Promise<string> {
  try {
    const { out } = await saveDownload(rt, downloadId, (name) => freePath(dirname(resolve(file)), name));
    removeDownload(rt.app.dataDir, downloadId);
    return out;
  } catch (e) {
    return `${join(downloadsDir(rt.app.dataDir), downloadId)} (a CSV file; not saved beside ${file}: ${(e as Error).message})`;
  }
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
  const input = { uploadId, entity, ...read };
  const saved = args.map ? await savedMapping(rt, entity, args.map) : undefined;
  const { info, mapping } = await inspectMapped(rt, input, saved);
  const mapped = Object.entries(mapping).map(([i, t]) => `${info.headers[Number(i)] ?? `#${i}`} → ${t}`);
  print(`${basename(args.file)}: ${info.format}${info.encoding ? `, ${info.encoding}` : ''}${info.sheet ? `, sheet ${info.sheet}` : ''}; columns: ${mapped.join(', ') || '(none mapped)'}`);
  if (mapped.length === 0) throw await nothingMapped(rt, input, saved, info);
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
  if (r.rejectedFile) print(`Rejected rows with reasons: ${await saveRejected(rt, r.rejectedFile, args.file)}`);
  if (r.importId) print(`Import id: ${r.importId} (undo in the app's import history).`);
  return r.created + r.updated > 0 ? 0 : 1;
}
