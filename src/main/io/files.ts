// Uploaded files: <dataDir>/uploads/<id> (what the renderer sent in chunks). Ids are made here,
// never a caller's path; the sanitised original name lives next to the data in <id>.json.
// Downloads (exports, rejected rows) are io/export/downloads.ts. Both are removed after a day.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { IO_CHUNK_BYTES } from '../../shared/io';
import { KehuError, notFound } from '../../shared/errors';

const DAY_MS = 24 * 3600 * 1000;
type Area = 'uploads' | 'downloads';

const ID = /^[a-f0-9-]{36}$/;
const dir = (dataDir: string, area: Area) => join(dataDir, area);

/** A file name without folders or control characters, at most 200 characters. */
export function sanitizeName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\x00-\x1f<>:"|?*]/g, '_').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || 'file';
}

export function filePath(dataDir: string, area: Area, id: string): string {
  if (!ID.test(id) || !existsSync(join(dir(dataDir, area), id))) throw notFound('upload', id);
  return join(dir(dataDir, area), id);
}

export function fileName(dataDir: string, area: Area, id: string): string {
  const meta = join(dir(dataDir, area), `${id}.json`);
  try {
    return (JSON.parse(readFileSync(meta, 'utf8')) as { name: string }).name;
  } catch {
    return 'file';
  }
}

/** Appends a chunk of an upload (a new one when `uploadId` is missing). Refuses gaps and overlaps. */
export function writeUploadChunk(dataDir: string, input: { uploadId?: string; name: string; offset: number; data: string }): string {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > IO_CHUNK_BYTES) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'data', message: 'validation.too_long' }] });
  mkdirSync(dir(dataDir, 'uploads'), { recursive: true });
  let id = input.uploadId;
  if (!id) {
    if (input.offset !== 0) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'offset', message: 'io.upload_gap' }] });
    id = randomUUID();
    writeFileSync(join(dir(dataDir, 'uploads'), `${id}.json`), JSON.stringify({ name: sanitizeName(input.name) }));
    writeFileSync(join(dir(dataDir, 'uploads'), id), bytes);
    return id;
  }
  const path = filePath(dataDir, 'uploads', id);
  const size = statSync(path).size;
  if (input.offset !== size) throw new KehuError({ code: 'invalid_input', params: { expected: size }, fields: [{ path: 'offset', message: 'io.upload_gap' }] });
  appendFileSync(path, bytes);
  return id;
}

/** Removes uploads and downloads older than a day (at start). */
export function removeOldFiles(dataDir: string, now = Date.now()): number {
  let removed = 0;
  for (const area of ['uploads', 'downloads'] as const) {
    const d = dir(dataDir, area);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      try {
        if (now - statSync(p).mtimeMs > DAY_MS) {
          rmSync(p, { force: true });
          removed += 1;
        }
      } catch {
        // gone meanwhile
      }
    }
  }
  return removed;
}
