// Prepared files for `io.download` (exports, an import's rejected rows): the bytes in
// <dataDir>/downloads/<id>, the name to save them as in <id>.json beside them.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IO_CHUNK_BYTES, type DownloadChunk } from '../../../shared/io';
import { notFound } from '../../../shared/errors';

export const downloadsDir = (dataDir: string) => join(dataDir, 'downloads');

export interface NewDownload {
  downloadId: string;
  /** Where to write the bytes. */
  file: string;
}

/** A new download slot: write the file at `file`; `io.download` serves it as `fileName`. */
export function createDownload(dataDir: string, fileName: string): NewDownload {
  const dir = downloadsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const downloadId = randomUUID();
  writeFileSync(join(dir, `${downloadId}.json`), JSON.stringify({ fileName, createdAt: new Date().toISOString() }));
  return { downloadId, file: join(dir, downloadId) };
}

/** A download's file and its name's .json; an id that is not ours is not found (never a path). */
function downloadPaths(dataDir: string, downloadId: string): { file: string; meta: string } {
  if (!/^[\w-]+$/.test(downloadId)) throw notFound('download', downloadId);
  const file = join(downloadsDir(dataDir), downloadId);
  return { file, meta: `${file}.json` };
}

/** Up to IO_CHUNK_BYTES of a download from `offset`, base64. */
export function readDownload(dataDir: string, downloadId: string, offset: number): DownloadChunk {
  const { file, meta } = downloadPaths(dataDir, downloadId);
  if (!existsSync(file) || !existsSync(meta)) throw notFound('download', downloadId);
  const { fileName } = JSON.parse(readFileSync(meta, 'utf8')) as { fileName: string };
  const size = statSync(file).size;
  const start = Math.min(offset, size);
  const length = Math.min(IO_CHUNK_BYTES, size - start);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, start + read);
      if (n === 0) break;
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return { data: buffer.toString('base64'), done: start + length >= size, size, fileName };
}

/** Removes a download now (its bytes are plain text even in an encrypted folder), not a day later. */
export function removeDownload(dataDir: string, downloadId: string): void {
  const { file, meta } = downloadPaths(dataDir, downloadId);
  rmSync(file, { force: true });
  rmSync(meta, { force: true });
}
