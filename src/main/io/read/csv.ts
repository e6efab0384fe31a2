import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { KehuError } from '../../../shared/errors';
import { CsvTokenizer, detectDelimiter } from './tokenizer';
import { chooseEncoding, GbkDecoder } from './encoding';
import { TableRows } from './header';
import { readHead } from './sniff';
import { isEmptyRow, type ReadOptions, type Row, type SourceInfo } from './types';

/** Bytes read at a time. */
export const CHUNK_BYTES = 256 * 1024;
const WIDE_SNIFF_BYTES = 4 * 1024 * 1024;

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return false;
  return true;
}

/**
 * Decoded text of a file, chunk by chunk (BOM and NUL characters removed). Pulls bytes only as fast
 * as they are consumed. In a GBK file, lines of Chinese UTF-8 are read as UTF-8 (GbkDecoder).
 */
export async function* decodedChunks(path: string, encoding: string): AsyncGenerator<string> {
  const decoder = encoding === 'gb18030' ? new GbkDecoder() : iconv.getDecoder(encoding);
  let first = true;
  const clean = (s: string): string => {
    let t = s.indexOf('\u0000') >= 0 ? s.replaceAll('\u0000', '') : s;
    if (first && t.length > 0) {
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      first = false;
    }
    return t;
  };
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      const s = clean(decoder.write(chunk as Buffer));
      if (s) yield s;
    }
    const tail = decoder.end();
    if (tail) {
      const s = clean(tail);
      if (s) yield s;
    }
  } finally {
    stream.destroy();
  }
}

/**
 * All records of a CSV file, streamed. `end.quoteClosed` is false once the file has ended inside a
 * quoted field (a quote opened and never closed took the rest of the file into one cell).
 */
export async function* csvRecords(path: string, encoding: string, delimiter: string, end = { quoteClosed: true }): AsyncGenerator<string[]> {
  const tok = new CsvTokenizer(delimiter);
  let out: string[][] = [];
  for await (const text of decodedChunks(path, encoding)) {
    tok.push(text, out);
    if (out.length) {
      const batch = out;
      out = [];
      yield* batch;
    }
  }
  end.quoteClosed = tok.end(out);
  yield* out;
}

export async function csvDialect(path: string, options: ReadOptions = {}): Promise<{ encoding: string; delimiter: string }> {
  let head = await readHead(path);
  // A long ASCII-only start (English headers, ids, numbers) says nothing about the encoding: look further.
  if (!options.encoding && head.truncated && isAscii(head.bytes)) head = await readHead(path, WIDE_SNIFF_BYTES);
  const encoding = chooseEncoding(options.encoding, head.bytes, head.truncated);
  let delimiter = options.delimiter;
  if (delimiter === 'tab' || delimiter === '\\t') delimiter = '\t';
  if (!delimiter) {
    let text = iconv.decode(head.bytes, encoding).replaceAll('\u0000', '');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    delimiter = detectDelimiter(text, !head.truncated);
  }
  return { encoding, delimiter };
}

/** Header + data rows of a CSV file (empty rows skipped, short rows padded). */
export async function* csvRows(
  path: string,
  options: ReadOptions,
  onHeader?: (info: SourceInfo) => void,
): AsyncGenerator<Row> {
  const { encoding, delimiter } = await csvDialect(path, options);
  const info = (h: string[]): SourceInfo => ({ format: 'csv', encoding, delimiter, sheets: [], sheet: null, headers: h });
  const end = { quoteClosed: true };
  // Records are counted from the file's start (empty ones too); a row's line is its distance from the header's.
  let record = 0;
  const table = new TableRows((h) => onHeader?.(info(h)));
  for await (const rec of csvRecords(path, encoding, delimiter, end)) {
    record++;
    if (isEmptyRow(rec)) continue;
    if (table.headers) yield table.data(record, rec);
    else yield* table.push(record, rec);
  }
  yield* table.end();
  if (!table.headers) onHeader?.(info([]));
  if (!end.quoteClosed) throw new KehuError({ code: 'invalid_input', message: 'io.unclosed_quote', params: { line: record - table.headerNumber } });
}
