import { KehuError } from '../../../shared/errors';
import { csvRows } from './csv';
import { detectFormat, readHead } from './sniff';
import { isEmptyRow, type ReadOptions, type Row, type SourceInfo } from './types';

export { VCARD_HEADERS } from './types';
export type { FileFormat, ReadOptions, SourceInfo, Row } from './types';

type Reader = (path: string, options: ReadOptions, onHeader?: (info: SourceInfo) => void) => AsyncGenerator<Row>;

async function readerFor(path: string): Promise<Reader> {
  const head = await readHead(path, 4096);
  switch (detectFormat(path, head.bytes)) {
    case 'csv':
      return csvRows;
    case 'xlsx':
      return (await import('./xlsx')).xlsxRows;
    case 'vcard':
      return (await import('./vcard')).vcardRows;
  }
}

/** Detects format (by extension and content), encoding, delimiter; returns info and the first `sampleRows` data rows. */
export async function inspectFile(
  path: string,
  options: ReadOptions & { sampleRows?: number } = {},
): Promise<{ info: SourceInfo; sample: string[][] }> {
  const reader = await readerFor(path);
  const want = options.sampleRows ?? 20;
  let info: SourceInfo | null = null;
  const sample: string[][] = [];
  const it = reader(path, options, (i) => (info = i));
  try {
    while (sample.length < want) {
      const r = await it.next();
      if (r.done) break;
      sample.push(r.value.values);
    }
    if (info === null) await it.next(); // header not reached yet (sampleRows = 0)
  } finally {
    await it.return(undefined);
  }
  if (info === null) throw new Error(`Could not read ${path}`);
  // An empty text file, or one of empty lines only: no header to map (a header alone is
  // io.empty_file, at the import). An empty sheet is shown: the workbook's other sheets can be chosen.
  const { format, headers } = info as SourceInfo;
  if (format === 'csv' && isEmptyRow(headers)) throw new KehuError({ code: 'invalid_input', message: 'io.no_content' });
  return { info, sample };
}

/**
 * Streams the data rows (after the header) without loading the file into memory. `line` = 1-based
 * row number in the file's data (header not counted; skipped empty rows are counted). Rows shorter
 * than the header are padded with '', longer ones keep their extra cells. Completely empty rows are skipped.
 */
export function readRows(path: string, options: ReadOptions = {}): AsyncIterable<{ line: number; values: string[] }> {
  return {
    async *[Symbol.asyncIterator]() {
      const reader = await readerFor(path);
      yield* reader(path, options);
    },
  };
}
