// The file writers of an export: rows in, bytes out, streamed (nothing but the current batch is
// held in memory). CSV in UTF-8 with a BOM or in GBK, XLSX through exceljs's streaming writer,
// vCard 3.0.
import { closeSync, openSync, writeSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Company } from '../../../shared/companies';
import type { Contact } from '../../../shared/contacts';
import type { CustomerBase } from '../../../shared/customers';
import { KehuError } from '../../../shared/errors';
import { csvQuote, dayDate, localDateTime, neutralise, numberFormat, wallClockDate, xlsxText } from './cells';
import type { ExportColumn } from './columns';
import { companyCard, contactCard } from './vcard';

export type ExportFormat = 'csv' | 'csv-gbk' | 'xlsx' | 'vcf';

export interface RecordWriter {
  /** Writes a batch of records (in order). */
  write(records: CustomerBase[]): Promise<void>;
  /** Finishes the file. */
  close(): Promise<void>;
  /** Stops without finishing (the caller deletes the file). */
  abort(): void;
}

export const EXTENSION: Record<ExportFormat, string> = { csv: 'csv', 'csv-gbk': 'csv', xlsx: 'xlsx', vcf: 'vcf' };

/** A CSV field: neutralised text, quoted when it holds a comma, quote or line break. */
function csvField(column: ExportColumn, record: CustomerBase): string {
  const v = column.value(record);
  if (v === null || v === '') return '';
  if (typeof v === 'number') return String(v);
  return csvQuote(column.kind === 'datetime' ? localDateTime(v) : neutralise(v));
}

/** Text written to a file descriptor in one encoding. */
class TextFile {
  private readonly fd: number;
  constructor(
    file: string,
    private readonly encode: (text: string) => Buffer,
  ) {
    this.fd = openSync(file, 'w');
  }
  write(text: string): void {
    const bytes = this.encode(text);
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
  }
  close(): void {
    closeSync(this.fd);
  }
}

const UTF8_BOM = '\uFEFF';

/**
 * GBK here is GB18030 (iconv-lite's 'gb18030'): the same bytes as GBK for every character GBK has,
 * and a four-byte form for the rest (rare names, emoji) instead of a '?'.
 */
function csvWriter(file: string, columns: ExportColumn[], gbk: boolean): RecordWriter {
  const out = new TextFile(file, gbk ? (t) => iconv.encode(t, 'gb18030') : (t) => Buffer.from(t, 'utf8'));
  out.write((gbk ? '' : UTF8_BOM) + columns.map((c) => csvField({ ...c, kind: 'text', value: () => c.header }, {} as CustomerBase)).join(',') + '\r\n');
  return {
    async write(records) {
      let text = '';
      for (const r of records) text += columns.map((c) => csvField(c, r)).join(',') + '\r\n';
      out.write(text);
    },
    async close() {
      out.close();
    },
    abort() {
      out.close();
    },
  };
}

function xlsxCell(column: ExportColumn, record: CustomerBase): string | number | Date | null {
  const value = column.value(record);
  if (value === null || value === '') return null;
  if (typeof value === 'number') return value;
  const v = xlsxText(value);
  switch (column.kind) {
    case 'phone':
      return v; // a text cell (numFmt '@'), never evaluated: '+44...' stays as it is
    case 'date':
      return dayDate(v) ?? neutralise(v);
    case 'datetime':
      return wallClockDate(v) ?? neutralise(v);
    case 'number':
      return Number.isFinite(Number(v)) && v.trim() !== '' ? Number(v) : neutralise(v);
    default:
      return neutralise(v);
  }
}

/** The rows of an Excel (and WPS) sheet, its header row included. */
export const XLSX_MAX_ROWS = 1_048_576;

/**
 * Refuses an XLSX of more records than one sheet holds under its header: Excel would open it with
 * "File not loaded completely" and silently leave the rest out. Not a second sheet: Kehu's import
 * reads one sheet, so the file would no longer import back whole. CSV has no such limit.
 */
export function checkXlsxRows(records: number, maxRows = XLSX_MAX_ROWS): void {
  if (records < maxRows) return;
  throw new KehuError({ code: 'invalid_input', message: 'io.xlsx_too_many_rows', params: { rows: records, max: maxRows - 1 } });
}

/** Each kind's column format; a number cell gets its own (numberFormat: integers and fractions differ). */
const NUM_FMT: Record<ExportColumn['kind'], string | undefined> = {
  text: '@',
  phone: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  number: undefined,
};

/** A record's row, committed (written out): number cells formatted to show all their digits. */
function addRecordRow(sheet: ExcelJS.Worksheet, columns: ExportColumn[], record: CustomerBase): void {
  const values = columns.map((c) => xlsxCell(c, record));
  const row = sheet.addRow(values);
  values.forEach((v, i) => {
    if (typeof v === 'number') row.getCell(i + 1).numFmt = numberFormat(v);
  });
  row.commit();
}

/**
 * `maxRows` bounds the sheet (header included). export.ts refuses a list beyond it before writing,
 * from its count; the writer checks again, because that count is the progress bar's, made apart
 * from the list's own query.
 */
function xlsxWriter(file: string, columns: ExportColumn[], sheetName: string, maxRows: number): RecordWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width,
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  return {
    async write(records) {
      checkXlsxRows(written + records.length, maxRows);
      written += records.length;
      for (const r of records) addRecordRow(sheet, columns, r);
      // Let the zip stream drain to the file before the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
    abort() {
      // Ending the workbook closes its file stream; the caller deletes the file.
      workbook.commit().catch(() => undefined);
    },
  };
}

function vcfWriter(file: string, entity: 'contact' | 'company'): RecordWriter {
  const out = new TextFile(file, (t) => Buffer.from(t, 'utf8'));
  return {
    async write(records) {
      let text = '';
      for (const r of records) text += entity === 'contact' ? contactCard(r as Contact) : companyCard(r as Company);
      out.write(text);
    },
    async close() {
      out.close();
    },
    abort() {
      out.close();
    },
  };
}

export function openWriter(file: string, format: ExportFormat, entity: 'contact' | 'company', columns: ExportColumn[], xlsxMaxRows = XLSX_MAX_ROWS): RecordWriter {
  switch (format) {
    case 'csv':
      return csvWriter(file, columns, false);
    case 'csv-gbk':
      return csvWriter(file, columns, true);
    case 'xlsx':
      return xlsxWriter(file, columns, entity === 'contact' ? '联系人' : '公司', xlsxMaxRows);
    case 'vcf':
      return vcfWriter(file, entity);
  }
}
