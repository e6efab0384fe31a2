import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { KehuError } from '../../../shared/errors';
import type { FileFormat } from './types';
import { SNIFF_BYTES } from './encoding';

export interface Sniffed {
  bytes: Buffer;
  /** The sample is shorter than the file. */
  truncated: boolean;
}

export async function readHead(path: string, size = SNIFF_BYTES): Promise<Sniffed> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    const stat = await fh.stat();
    return { bytes: buf.subarray(0, bytesRead), truncated: stat.size > bytesRead };
  } finally {
    await fh.close();
  }
}

/** The start of a file as ASCII text, whatever its encoding (BOM and UTF-16's NULs dropped). */
const asciiStart = (head: Buffer): string =>
  head.subarray(0, 4096).toString('latin1').replaceAll('\u0000', '').replace(/^\u00ef\u00bb\u00bf|^\u00ff\u00fe|^\u00fe\u00ff/, '');

/** An OLE2 compound file: an old binary .xls, or an .xlsx saved with a password (Excel encrypts the zip into one). */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * A web page or an Excel 2003 XML workbook: what many systems' "export to Excel" writes under a .xls
 * name. Read as a CSV it would give garbage headers.
 */
function isMarkupSheet(start: string): boolean {
  const text = start.trimStart().toLowerCase();
  return text.startsWith('<') && /<html|<table|urn:schemas-microsoft-com:office:spreadsheet/.test(text);
}

/** Files people pick by mistake (a photo, a PDF, an archive, a program): their signatures. */
const NOT_A_TABLE = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
  [0x4d, 0x5a, 0x90, 0x00], // MZ: a Windows program
].map((bytes) => Buffer.from(bytes));

const refuse = (message: 'io.xls_or_encrypted' | 'io.markup_sheet' | 'io.not_a_table'): KehuError => new KehuError({ code: 'invalid_input', message });

/**
 * Format by content first (zip signature, BEGIN:VCARD in any common encoding), then by extension.
 * Throws for an OLE2 file, a markup sheet or a photo, PDF, archive or program, checked first: uploads
 * have no extension, and such a file would be read as a CSV of garbage.
 */
export function detectFormat(path: string, head: Buffer): FileFormat {
  if (head.subarray(0, 8).equals(OLE2_SIGNATURE)) throw refuse('io.xls_or_encrypted');
  if (NOT_A_TABLE.some((sig) => head.subarray(0, sig.length).equals(sig))) throw refuse('io.not_a_table');
  const start = asciiStart(head);
  if (isMarkupSheet(start)) throw refuse('io.markup_sheet');
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (/^\s*BEGIN:VCARD/i.test(start)) return 'vcard';
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.vcf' || ext === '.vcard') return 'vcard';
  return 'csv';
}
