// A zip file read at random access through its central directory (an .xlsx is one): which entries
// it has and where, and one entry's bytes inflated, without reading the entries before it.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** Where a zip entry's bytes are. */
export interface ZipEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  start: number;
  size: number;
}

/** An entry as the zip's central directory lists it. */
export interface DirectoryEntry {
  name: string;
  method: number;
  packed: number;
  /** Where its local record (header, data, data descriptor) starts. */
  offset: number;
}

export interface ZipDirectory {
  entries: DirectoryEntry[];
  /** Where the central directory starts: the end of the last local record. */
  start: number;
  fileSize: number;
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL_HEADER = 0x02014b50;
/** The end-of-central-directory record is 22 bytes plus a comment of up to 65535. */
const EOCD_SEARCH = 22 + 0xffff;
/** What a zip64 file has in place of a size or an offset. */
const ZIP64 = 0xffffffff;

type FileHandle = Awaited<ReturnType<typeof open>>;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await file.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** The central directory's records. */
function directoryEntries(dir: Buffer): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  for (let p = 0; p + 46 <= dir.length && dir.readUInt32LE(p) === CENTRAL_HEADER; ) {
    const nameEnd = p + 46 + dir.readUInt16LE(p + 28);
    const [method, packed, offset] = [dir.readUInt16LE(p + 10), dir.readUInt32LE(p + 20), dir.readUInt32LE(p + 42)];
    entries.push({ name: dir.toString('utf8', p + 46, nameEnd), method, packed, offset });
    p = nameEnd + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * The zip's central directory, read at random access. Null when there is none (a truncated file, or
 * no zip) or when it is one this does not know (zip64: a workbook past 4 GB).
 */
export async function zipDirectory(path: string): Promise<ZipDirectory | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tail = await readAt(file, Math.max(0, size - EOCD_SEARCH), Math.min(size, EOCD_SEARCH));
    const end = tail.lastIndexOf(EOCD);
    if (end < 0 || end + 22 > tail.length) return null;
    const [dirSize, dirOffset] = [tail.readUInt32LE(end + 12), tail.readUInt32LE(end + 16)];
    if (dirOffset + dirSize > size) return null; // zip64, or not the record (its signature in a comment)
    const entries = directoryEntries(await readAt(file, dirOffset, dirSize));
    if (entries.some((e) => e.offset === ZIP64 || e.offset >= dirOffset)) return null;
    return { entries, start: dirOffset, fileSize: size };
  } finally {
    await file.close();
  }
}

/** Where `entry`'s data is, past its local header; null for methods other than stored and deflated. */
export async function entryData(path: string, entry: DirectoryEntry): Promise<ZipEntry | null> {
  if ((entry.method !== 0 && entry.method !== 8) || entry.packed === ZIP64) return null;
  const file = await open(path, 'r');
  try {
    const local = await readAt(file, entry.offset, 30);
    if (local.length < 30) return null;
    return { method: entry.method, start: entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28), size: entry.packed };
  } finally {
    await file.close();
  }
}

/** An entry's bytes, inflated. */
export function entryStream(path: string, entry: ZipEntry): Readable {
  const raw = createReadStream(path, { start: entry.start, end: entry.start + entry.size - 1 });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw();
  pipeline(raw, inflate, () => {}); // errors reach the reader through `inflate`; its early end closes the file
  return inflate;
}
