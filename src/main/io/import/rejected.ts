// The rejected rows of an import, streamed to disk as they come (a 1M-row file may reject many of
// them): one JSON line per row in a scratch file, then the CSV with its 原因/reason column at the
// end, when the widest row (the header's padding) is known.
import { randomUUID } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createDownload, downloadsDir } from '../export/downloads';

const csvCell = (v: string) => (/[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The header of the rejected-rows CSV (UTF-8 with BOM for Excel): extra cells get 列N names. */
function rejectedHeader(headers: string[], width: number): string {
  const extra = Array.from({ length: width - headers.length }, (_, i) => `列${headers.length + i + 1}`);
  return `\uFEFF${csvLine([...headers, ...extra, '原因/reason'])}`;
}

const rejectedRow = (values: string[], reason: string, width: number) =>
  csvLine([...values, ...Array.from({ length: width - values.length }, () => ''), reason]);

/** A scratch file's name: `<pid>.<uuid>.rejected.jsonl`, the process whose import writes it first. */
const SCRATCH = /^(\d+)\.[\w-]+\.rejected\.jsonl$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the scratch files left by imports that never reached `discard`: a job's thread stopped
 * over its heap cap (jobs/registry.ts), a process killed. An app runs one job at a time, so those of
 * this process are left over too; another running process's are its own.
 */
function removeLeftScratch(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const pid = Number(SCRATCH.exec(name)?.[1]);
    if (pid && (pid === process.pid || !isRunning(pid))) rmSync(join(dir, name), { force: true });
  }
}

export class RejectedRows {
  private fd: number | null = null;
  private width: number;
  /** Where the JSON lines wait until the import ends (removed by `finish` / `discard`). */
  private readonly scratch: string;

  constructor(
    private readonly dataDir: string,
    private readonly headers: string[],
    private readonly fileName: string,
  ) {
    this.width = headers.length;
    removeLeftScratch(downloadsDir(dataDir));
    this.scratch = join(downloadsDir(dataDir), `${process.pid}.${randomUUID()}.rejected.jsonl`);
  }

  add(values: string[], reason: string): void {
    if (this.fd === null) {
      mkdirSync(downloadsDir(this.dataDir), { recursive: true });
      this.fd = openSync(this.scratch, 'w');
    }
    writeSync(this.fd, `${JSON.stringify([values, reason])}\n`);
    this.width = Math.max(this.width, values.length);
  }

  /** Writes the CSV download (when any row was rejected) and returns its id. */
  async finish(): Promise<string | undefined> {
    if (this.fd === null) return undefined;
    closeSync(this.fd);
    this.fd = null;
    const base = this.fileName.replace(/\.[^.]*$/, '') || 'import';
    const file = createDownload(this.dataDir, `${base}-rejected.csv`);
    const out = openSync(file.file, 'w');
    try {
      writeSync(out, rejectedHeader(this.headers, this.width));
      for await (const line of createInterface({ input: createReadStream(this.scratch), crlfDelay: Infinity })) {
        const [values, reason] = JSON.parse(line) as [string[], string];
        writeSync(out, rejectedRow(values, reason, this.width));
      }
    } finally {
      closeSync(out);
      rmSync(this.scratch, { force: true });
    }
    return file.downloadId;
  }

  /** Removes the scratch file (the import failed or was cancelled). */
  discard(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.scratch, { force: true });
  }
}
