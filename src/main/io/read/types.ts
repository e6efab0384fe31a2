import { RECORD_ID_HEADER } from '../export/columns';

export type FileFormat = 'csv' | 'xlsx' | 'vcard';

export interface ReadOptions {
  /** Override: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'latin1' ... (iconv-lite names). */
  encoding?: string;
  /** Override: ',' ';' '\t' '|'. */
  delimiter?: string;
  /** xlsx: sheet name (default: the first visible non-empty one; a hidden one only by name). */
  sheet?: string;
}

export interface SourceInfo {
  format: FileFormat;
  /** Detected or given (csv/vcard); null for xlsx. */
  encoding: string | null;
  /** csv only. */
  delimiter: string | null;
  /** xlsx only, else []. */
  sheets: string[];
  sheet: string | null;
  /** First row for csv/xlsx (trimmed, BOM removed); fixed field names for vcard (VCARD_HEADERS). */
  headers: string[];
}

export interface Row {
  /** 1-based number of the row among the file's data rows (the header is not counted; skipped empty rows are). */
  line: number;
  /**
   * The cells as Kehu's CSV export writes them: text that starts with = + - @, a tab or a CR has a
   * leading apostrophe (io/export/cells.ts neutralise), which the mapping takes off (unneutralise).
   * CSV and XLSX cells are so already; the vCard reader marks its values.
   */
  values: string[];
}

/** Fixed headers of the rows a vCard file produces (one row per card). */
export const VCARD_HEADERS: readonly string[] = ['姓名', '手机', '座机', '邮箱', '公司', '职位', '地址', '生日', '备注', 'QQ', '微信', '性别', '标签', RECORD_ID_HEADER];

/** Trims, removes BOMs and NULs from a header cell. */
export function cleanHeader(s: string | undefined): string {
  return (s ?? '').replaceAll('\uFEFF', '').replaceAll('\u0000', '').trim();
}

/** A cell that is not empty or whitespace: the one rule for empty rows and for a header's width. */
const isFilled = (v: string): boolean => v.trim() !== '';

/** A row is "completely empty" when every cell is empty or whitespace. */
export const isEmptyRow = (values: string[]): boolean => !values.some(isFilled);

/** How many cells of a row are filled (header.ts: titles have one, a header two or more). */
export const filledCells = (values: string[]): number => values.filter(isFilled).length;

/** Pads a row to the header's width (longer rows keep their extra cells). */
export function padRow(values: string[], width: number): string[] {
  while (values.length < width) values.push('');
  return values;
}
