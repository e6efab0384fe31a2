import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { KehuError } from '../../../shared/errors';
import { isWideRow, TableRows } from './header';
import { entryData, entryStream, zipDirectory, type ZipDirectory } from './zip';
import { isEmptyRow, padRow, type ReadOptions, type Row, type SourceInfo } from './types';

/**
 * Excel writes as _xHHHH_ the characters XML cannot hold (controls, e.g. CR as _x000D_; U+FFFE/FFFF;
 * lone surrogates), and a literal "_xHHHH_" in text with its '_' escaped: "_x005F_xHHHH_". Only those
 * are unescaped, left to right, so "_x005F_x0041_" is the text "_x0041_", and a "_x0041_" that a writer
 * left unescaped stays as it is (it is no escape Excel makes: 'A' needs none).
 */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (escape, hex: string) => {
    const c = parseInt(hex, 16);
    return c < 0x20 || c === 0x5f || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe ? String.fromCharCode(c) : escape;
  });
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function formatDate(d: Date, numFmt: string | undefined): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const fmt = (numFmt ?? '').toLowerCase().replace(/"[^"]*"|\[[^\]]*\]/g, '');
  const hasTime = /h|s/.test(fmt);
  const time = `${pad2(h)}:${pad2(m)}${s || /s/.test(fmt) ? `:${pad2(s)}` : ''}`;
  // Time-only formats: serials below 1 are 1899-12-30/31 (or 1904-01-01) plus a time.
  if (hasTime && !/[dy]/.test(fmt)) return time;
  if (hasTime && (h || m || s)) return `${date} ${time}`;
  return date;
}

/** A number as a person sees it in a cell: no float noise, no exponent for long integers (phone numbers). */
export function formatNumber(n: number, numFmt?: string): string {
  if (!Number.isFinite(n)) return '';
  const fmt = (numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
  if (fmt && fmt !== 'General') {
    if (/^0+$/.test(fmt) && Number.isInteger(n) && n >= 0) return String(n).padStart(fmt.length, '0'); // 邮编 000000
    const pct = /^0(\.0+)?%$/.exec(fmt);
    if (pct) return `${formatNumber(Number((n * 100).toFixed(pct[1] ? pct[1].length - 1 : 0)))}%`;
  }
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
  const clean = Number(n.toPrecision(15));
  const s = String(clean);
  if (!/e/i.test(s)) return s;
  // Small magnitudes: plain decimal without exponent.
  return clean.toFixed(Math.min(20, 15 - Math.floor(Math.log10(Math.abs(clean))))).replace(/\.?0+$/, '');
}

const isDateFmt = (fmt: string | undefined): boolean => {
  if (!fmt) return false;
  const f = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(f) && !/^General$/i.test(f);
};

/** OOXML serial date → Date (UTC). */
function serialToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - (date1904 ? -1462 : 0) - 25569) * 86400000));
}

interface CellLike {
  value: unknown;
  numFmt?: string;
}

/** Cell value → the string a person sees. */
export function cellText(cell: CellLike, date1904: boolean): string {
  const v = cell.value;
  const fmt = cell.numFmt;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return unescapeOoxml(v);
  if (typeof v === 'number') return formatNumber(v, fmt);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // exceljs has already applied the workbook's date system to Date values (patchReader makes sure it knows it).
  if (v instanceof Date) return formatDate(v, fmt);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // Excel escapes each run on its own: unescaping the joined text could pair "_x00" with "0D_".
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => unescapeOoxml(r.text ?? '')).join('');
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result;
      if (r === undefined || r === null) return '';
      if (typeof r === 'number') {
        if (Number.isNaN(r)) return '';
        return isDateFmt(fmt) ? formatDate(serialToDate(r, date1904), fmt) : formatNumber(r, fmt);
      }
      if (typeof r === 'object' && r && 'error' in r) return String((r as { error: unknown }).error);
      return cellText({ value: r, numFmt: fmt }, date1904);
    }
    if ('error' in o) return String(o.error);
    if ('text' in o) return cellText({ value: o.text, numFmt: fmt }, date1904);
  }
  return String(v);
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  id?: number | string;
  /** 'visible' (or absent), 'hidden' or 'veryHidden'. */
  state?: string;
  /** N of its part, xl/worksheets/sheetN.xml (patchReader sets it: exceljs replaces `id` by the workbook's sheetId). */
  sheetNo?: string;
}

const isVisible = (state: string | undefined): boolean => state === undefined || state === 'visible';

interface WorkbookReaderInternals {
  model?: { sheets?: { name: string; state?: string }[] };
  /** The workbookPr xform: exceljs shifts date cells by 1462 days when its model says date1904. */
  properties?: { model?: { date1904?: boolean } };
  /** What exceljs waits for before it streams a worksheet (see FIRST_PARTS). */
  sharedStrings?: unknown[];
  workbookRels?: unknown[];
  _parseWorkbook(entry: AsyncIterable<Buffer | string>): Promise<void>;
  _parseSharedStrings(entry: AsyncIterable<Buffer | string>): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseStyles(entry: AsyncIterable<Buffer | string>): Promise<void>;
  /** exceljs's StyleManager: index.numFmt maps a numFmtId to its format code (the file's own numFmts). */
  styles?: { index?: { numFmt?: (string | undefined)[] } };
}

/**
 * The built-in East-Asian number formats (ECMA-376 Part 1, 18.8.30), which a file refers to by id
 * only: exceljs's table has no locale-free code for them, so cells using them had no numFmt and a
 * date came out as its serial number (32909). The meaning depends on the reader's locale; we use
 * zh-CN's (our users'): all dates, except 32–35 and 55–56, which are times.
 */
const EAST_ASIAN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * XML bytes → text chunks, decoded with a streaming UTF-8 decoder (exceljs decodes every chunk on its
 * own, which breaks CJK characters split between chunks) and with CDATA sections turned into escaped
 * text (exceljs's SAX wiring drops CDATA, which many non-Excel writers use for inline strings).
 */
export async function* xmlText(src: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const dec = new StringDecoder('utf8');
  let carry = '';
  let inCdata = false;
  const take = (s: string, final: boolean): string => {
    let out = '';
    let pos = 0;
    for (;;) {
      if (!inCdata) {
        const i = s.indexOf('<![CDATA[', pos);
        if (i < 0) {
          const keep = final ? s.length : Math.max(pos, s.length - 8);
          out += s.slice(pos, keep);
          carry = s.slice(keep);
          return out;
        }
        out += s.slice(pos, i);
        pos = i + 9;
        inCdata = true;
      } else {
        const j = s.indexOf(']]>', pos);
        if (j < 0) {
          const keep = final ? s.length : Math.max(pos, s.length - 2);
          out += escapeXml(s.slice(pos, keep));
          carry = s.slice(keep);
          return out;
        }
        out += escapeXml(s.slice(pos, j));
        pos = j + 3;
        inCdata = false;
      }
    }
  };
  for await (const chunk of src) {
    const out = take(carry + (typeof chunk === 'string' ? chunk : dec.write(chunk)), false);
    if (out) yield out;
  }
  const out = take(carry + dec.end(), true);
  if (out) yield out;
}

const PHONETIC_OPEN = '<rPh';
const PHONETIC_CLOSE = '</rPh>';

/**
 * XML text without its <rPh> elements: the phonetic reading (ジャン サン) Japanese Excel stores with a
 * string, after its text (张三). exceljs cannot be told to skip them, and it keeps the last <t> of a
 * string item (and of an inline string) as the cell's value: the reading. Other elements pass untouched.
 */
export async function* withoutPhonetic(src: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  /** `s` with its complete <rPh> elements dropped; unless `final`, what may still be one (a split tag) goes to `carry`. */
  const take = (s: string, final: boolean): string => {
    let out = '';
    let pos = 0;
    let undecided: number;
    for (;;) {
      const i = s.indexOf(PHONETIC_OPEN, pos);
      if (i < 0) {
        undecided = Math.max(pos, s.length - PHONETIC_OPEN.length); // "<rP" at the end of a chunk
        out += s.slice(pos, undecided);
        break;
      }
      out += s.slice(pos, i);
      const gt = s.indexOf('>', i);
      const end = gt < 0 ? -1 : s.indexOf(PHONETIC_CLOSE, gt);
      if (gt >= 0 && !/[\s/>]/.test(s[i + PHONETIC_OPEN.length])) {
        out += PHONETIC_OPEN; // another element (<rPhx>): not ours
        pos = i + PHONETIC_OPEN.length;
      } else if (gt >= 0 && s[gt - 1] === '/') {
        pos = gt + 1; // <rPh/>
      } else if (end >= 0) {
        pos = end + PHONETIC_CLOSE.length;
      } else {
        undecided = i; // the element ends in a later chunk
        break;
      }
    }
    if (final) return out + s.slice(undecided);
    carry = s.slice(undecided);
    return out;
  };
  for await (const chunk of src) {
    const out = take(carry + chunk, false);
    if (out) yield out;
  }
  const out = take(carry, true);
  if (out) yield out;
}

/**
 * exceljs's WorkbookReader pipes the file into unzipper's Parse and pauses it while it handles each part;
 * Parse emits 'end' as soon as its input is parsed, even when parts still wait, unread, in its paused
 * buffer. Those were dropped: often xl/workbook.xml, the last part of files written by exceljs, giving an
 * intermittent "reading 'sheets' of undefined" (exceljs#3064), or sharedStrings/styles, silently.
 * Reading them out just before 'end' hands them to exceljs as 'data' like the others.
 */
export function keepLastEntries(file: Readable): void {
  const pipe = file.pipe;
  file.pipe = function <T extends NodeJS.WritableStream>(this: Readable, zip: T, options?: { end?: boolean }): T {
    const parse = zip as unknown as Readable;
    const emit = parse.emit;
    parse.emit = function (this: Readable, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'end') while (this.read() !== null); // read() emits 'data' for each entry
      return emit.call(this, event, ...args);
    };
    return pipe.call(this, zip, options) as T;
  };
}

/**
 * Patches a WorkbookReader instance: proper text decoding, CDATA, phonetic readings, and the date1904
 * flag. exceljs reads date1904="1" (Excel's spelling) and then shifts date cells itself, but not "true"
 * (LibreOffice's): for "true" we set its flag too, so every date cell is shifted once, by exceljs.
 * `onDate1904` tells the caller, who converts formula results (serial numbers, which exceljs leaves alone).
 */
function patchReader(reader: WorkbookReaderInternals, onDate1904: () => void): void {
  const parseWorkbook = reader._parseWorkbook;
  reader._parseWorkbook = async function (entry) {
    let xml = '';
    for await (const t of xmlText(entry)) xml += t;
    await parseWorkbook.call(this, Readable.from([xml]));
    if (/<workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/i.test(xml)) {
      if (this.properties?.model) this.properties.model.date1904 = true;
      onDate1904();
    }
  };
  const parseStyles = reader._parseStyles;
  reader._parseStyles = async function (entry) {
    await parseStyles.call(this, entry);
    // Built-in ids get a format code, so exceljs reads those cells as dates (unless the file defines the id itself).
    const codes = this.styles?.index?.numFmt;
    if (codes) for (const [id, code] of Object.entries(EAST_ASIAN_FORMATS)) codes[Number(id)] ??= code;
  };
  const parseSharedStrings = reader._parseSharedStrings;
  reader._parseSharedStrings = function (entry) {
    return parseSharedStrings.call(this, Readable.from(withoutPhonetic(xmlText(entry))));
  };
  const parseWorksheet = reader._parseWorksheet;
  reader._parseWorksheet = function* (iterator, sheetNo) {
    for (const event of parseWorksheet.call(this, withoutPhonetic(xmlText(iterator)), sheetNo)) {
      (event as { value: SheetReader }).value.sheetNo = sheetNo;
      yield event;
    }
  };
}

/**
 * A workbook without shared strings (or without rels) has none to wait for, but exceljs would copy each
 * of its worksheets to a temp file waiting for them (FIRST_PARTS). The parts a workbook has come first
 * in workbookStream and replace these.
 */
function nothingToWaitFor(reader: WorkbookReaderInternals): void {
  reader.sharedStrings = [];
  reader.workbookRels = [];
}

/** Cells of an exceljs row as strings (1-based sparse → 0-based dense). */
function rowValues(row: ExcelJS.Row, date1904: boolean): string[] {
  const out: string[] = [];
  const n = row.cellCount;
  for (let c = 1; c <= n; c++) {
    const cell = row.findCell(c) as CellLike | undefined;
    out.push(cell ? cellText(cell, date1904) : '');
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * What exceljs's WorkbookReader (4.4) must have read before a worksheet to parse it as it streams by: the
 * workbook's rels and its shared strings (and, for names and dates, the workbook and its styles). A
 * worksheet met earlier is copied to a temp file (the `tmp` package) and read after the last entry;
 * exceljs never closes the descriptor `tmp` opens for it, deletes it only when asked for the worksheet
 * after it (so not when a read stops early or fails), and hangs when that worksheet's data is corrupt
 * (the copy never finishes). exceljs itself, among others, writes worksheets before these parts.
 */
const FIRST_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * Byte ranges of the zip in the order exceljs is to meet them: the local records of FIRST_PARTS, the
 * others' in the file's order, then the central directory. A local record ends where the next begins,
 * which keeps a data descriptor with its entry.
 */
function partRanges(dir: ZipDirectory): [number, number][] {
  const stored = [...dir.entries].sort((a, b) => a.offset - b.offset);
  const records = stored.map((e, i) => ({ name: e.name, range: [e.offset, stored[i + 1]?.offset ?? dir.start] as [number, number] }));
  const rank = (name: string): number => (FIRST_PARTS.includes(name) ? FIRST_PARTS.indexOf(name) : FIRST_PARTS.length);
  records.sort((a, b) => rank(a.name) - rank(b.name)); // stable: the others keep their order
  return [...records.map((r) => r.range), [dir.start, dir.fileSize]];
}

/** The zip's bytes with its entries in partRanges' order: exceljs streams every worksheet, none goes to a temp file. */
function workbookStream(path: string, dir: ZipDirectory): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const [start, end] of partRanges(dir)) if (end > start) yield* createReadStream(path, { start, end: end - 1 });
  }
  return Readable.from(bytes(), { objectMode: false });
}

const MERGES_OPEN = '<mergeCells';
const MERGES_CLOSE = '</mergeCells>';
const MERGE_REF = /<mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g;

/**
 * The refs of a sheet's merged cells ("C2:C4"), read from its XML before exceljs reads its rows:
 * <mergeCells> comes after <sheetData>, so the whole sheet is inflated once more, and only the text
 * from <mergeCells> on is looked at, a chunk at a time, until </mergeCells>. Text is read as latin1:
 * the tags and refs are ASCII, and no byte of a UTF-8 character is.
 */
async function mergeRefs(src: Readable): Promise<string[]> {
  const refs: string[] = [];
  let text = '';
  let inside = false;
  try {
    for await (const chunk of src as AsyncIterable<Buffer>) {
      text += chunk.toString('latin1');
      if (!inside) {
        const at = text.indexOf(MERGES_OPEN);
        inside = at >= 0;
        text = inside ? text.slice(at) : text.slice(-MERGES_OPEN.length);
        if (!inside) continue;
      }
      const done = text.indexOf(MERGES_CLOSE);
      const parsed = done >= 0 ? done : text.lastIndexOf('>') + 1; // a tag split between chunks waits for the next
      for (const m of text.slice(0, parsed).matchAll(MERGE_REF)) refs.push(m[1]!);
      if (done >= 0) break;
      text = text.slice(parsed);
    }
  } finally {
    src.destroy();
  }
  return refs;
}

/** A merged range of cells, 1-based, inclusive. */
interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const columnNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** "C2:C4" (or "A6", one cell) → its range; null for what is no cell ref. */
export function parseRange(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const [c1, r1, c2, r2] = [columnNumber(m[1]!), Number(m[2]), columnNumber(m[3] ?? m[1]!), Number(m[4] ?? m[2])];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/**
 * A sheet's merged ranges, met row by row (in ascending row order, as a sheet stores them): each
 * becomes active at its top row, where its top-left cell's value is taken ('' when that row is
 * missing or empty), and is dropped below its bottom. Memory: the ranges, and the active ones' values.
 */
export class MergedCells {
  private readonly ranges: CellRange[];
  private next = 0;
  private active: { range: CellRange; value: string }[] = [];

  constructor(refs: string[]) {
    this.ranges = refs.flatMap((r) => parseRange(r) ?? []).filter((r) => r.bottom > r.top || r.right > r.left);
    this.ranges.sort((a, b) => a.top - b.top);
  }

  /** Row `number` (its own cells) is read. */
  see(number: number, values: string[]): void {
    if (this.active.length) this.active = this.active.filter((a) => a.range.bottom >= number);
    for (; this.next < this.ranges.length && this.ranges[this.next]!.top <= number; this.next++) {
      const range = this.ranges[this.next]!;
      if (range.bottom >= number) this.active.push({ range, value: range.top === number ? (values[range.left - 1] ?? '') : '' });
    }
  }

  /**
   * The current row's cells with those of active ranges that start at row `from` or below set to
   * the range's value, up to column `width`: a header's or a title's text never fills data rows,
   * and a range reaching past the header does not give a row cells it has no column for.
   */
  fill(values: string[], from: number, width: number): string[] {
    for (const { range, value } of this.active) {
      if (range.top < from) continue;
      const end = Math.min(range.right, width);
      if (value) padRow(values, end);
      for (let c = range.left; c <= Math.min(end, values.length); c++) values[c - 1] = value;
    }
    return values;
  }

  /**
   * A header's names with a cell merged across columns (电话 over C1:D1) naming each: 电话, 电话(2),
   * as our export makes two columns of one label distinct, and the mapping reads them back.
   */
  headerNames(headers: string[], number: number): string[] {
    const names = [...headers];
    for (const { range } of this.active) {
      const first = headers[range.left - 1];
      if (range.top !== number || !first) continue;
      for (let c = range.left + 1; c <= Math.min(range.right, names.length); c++) names[c - 1] = `${first}(${c - range.left + 1})`;
    }
    return names;
  }
}

const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** The merged cells of sheet part `sheetNo` (exceljs finds parts by the same pattern). */
async function sheetMerges(path: string, dir: ZipDirectory, sheetNo: string | undefined): Promise<MergedCells> {
  const part = sheetNo === undefined ? undefined : dir.entries.find((e) => WORKSHEET_PART.exec(e.name)?.[1] === sheetNo);
  const entry = part ? await entryData(path, part) : null;
  return new MergedCells(entry && entry.size > 0 ? await mergeRefs(entryStream(path, entry)) : []);
}

const corrupt = (reason: string): KehuError =>
  new KehuError({ code: 'invalid_input', message: 'io.xlsx_corrupt', detail: { reason } });

/**
 * What exceljs and its unzip and XML parsers throw (a truncated zip's FILE_ENDED, "invalid signature"
 * for a file that is no zip, a broken XML part) is the file's fault: the user gets "damaged or not an
 * Excel file" rather than an internal error. Our own errors and the disk's (EACCES, EIO) pass through.
 */
function asReadError(e: unknown): unknown {
  if (e instanceof KehuError || (e instanceof Error && 'syscall' in e)) return e;
  return corrupt(e instanceof Error ? e.message : String(e));
}

/**
 * Rows of one sheet of an .xlsx file, streamed with exceljs's WorkbookReader: `options.sheet`, or the
 * first visible non-empty sheet. The header is found past title rows (header.ts). `line`
 * is the Excel row number minus the header's, so row 2 under a header in row 1 is line 1.
 */
export async function* xlsxRows(path: string, options: ReadOptions, onHeader?: (info: SourceInfo) => void): AsyncGenerator<Row> {
  const dir = await zipDirectory(path);
  // Not read as a stream either: exceljs would fail at the end of a truncated file, after copying worksheets to temp files.
  if (!dir) throw corrupt('no readable zip directory (truncated, not a zip, or zip64)');
  const stream = workbookStream(path, dir);
  keepLastEntries(stream);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as WorkbookReaderInternals;
  let date1904 = false;
  patchReader(internals, () => (date1904 = true));
  nothingToWaitFor(internals);
  let announced = false;
  let sheets: string[] = [];
  const announce = (sheet: string | null, headers: string[]): void => {
    if (announced) return;
    announced = true;
    onHeader?.({ format: 'xlsx', encoding: null, delimiter: null, sheets, sheet, headers });
  };
  try {
    let index = 0;
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      index++;
      sheets = internals.model?.sheets?.map((s) => s.name) ?? sheets;
      const name = ws.name ?? sheets[index - 1] ?? `Sheet${index}`;
      // Hidden sheets (lists for drop-downs, lookups) are read only when asked for by name.
      const wanted = options.sheet === undefined ? isVisible(ws.state) : options.sheet === name;
      const merges = wanted ? await sheetMerges(path, dir, ws.sheetNo) : new MergedCells([]);
      const table: TableRows = new TableRows((headers) => announce(name, merges.headerNames(headers, table.headerNumber)));
      for await (const row of ws) {
        if (!wanted || (announced && !table.headers)) continue; // drain sheets we do not read
        const values = rowValues(row, date1904);
        merges.see(row.number, values);
        if (isEmptyRow(values)) continue;
        if (table.headers) yield table.data(row.number, merges.fill(values, table.headerNumber + 1, table.headers.length));
        // While the header is looked for, a wide row is it: its merged cells are filled (a title, merged across, is not).
        else yield* table.push(row.number, isWideRow(values) ? merges.fill(values, row.number, Infinity) : values);
      }
      yield* table.end();
      if (table.headers) return;
    }
    if (!internals.model) throw corrupt('no xl/workbook.xml'); // a zip, but not a workbook
    if (options.sheet !== undefined && !sheets.includes(options.sheet)) {
      throw new KehuError({ code: 'invalid_input', message: 'io.sheet_missing', params: { sheet: options.sheet, sheets: sheets.join(', ') } });
    }
    const firstVisible = internals.model?.sheets?.find((s) => isVisible(s.state))?.name;
    announce(options.sheet ?? firstVisible ?? sheets[0] ?? null, []);
  } catch (e) {
    throw asReadError(e);
  } finally {
    stream.destroy();
  }
}
