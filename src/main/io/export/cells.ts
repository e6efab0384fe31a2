// Turning stored values into spreadsheet-safe cells.
//
// Formula injection: a text cell that starts with = + - @, a tab or a carriage return would be run
// as a formula by Excel, WPS or LibreOffice when the CSV is opened (or when an XLSX cell is edited
// and confirmed). Such text gets a leading apostrophe, the spreadsheets' own "this is text" mark;
// Kehu's import removes one leading apostrophe followed by one of those characters again (mapping.ts
// cellText); the vCard reader, whose text carries no such mark, marks its values so that a card's own
// '=x comes through (read/types.ts Row.values).
// Phones: Chinese numbers are stored without '+', but international ones are E.164 ('+44...').
// In CSV they are neutralised like any text (a spreadsheet would otherwise read them as a formula
// or a number and drop the '+'); in XLSX phone columns are text cells with the text number format,
// which are never evaluated, so they are written unchanged (their values are validated: digits,
// '+', '-', spaces; no formula can hide in them). WeChat ids are free text and neutralised.
// Numbers (custom number fields, counts) are never neutralised: -5 is a number, not a formula.

// Text that was stored with the mark already ('=x) gets one more, so the import gives it back as stored.
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Text for an XLSX cell: a vertical tab or form feed (Word's Shift+Enter line break and its page
 * break, pasted into a note) becomes a line break. XML cannot hold them and exceljs drops them,
 * which glued the words on either side together ('甲\v乙' came back '甲乙'); a line break is what
 * the user saw. (A CRLF comes back as LF: XML's own line-end normalisation, left as it is.)
 */
export function xlsxText(text: string): string {
  return text.replace(/[\v\f]/g, '\n');
}

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Undoes `neutralise` (for readers of Kehu's own files). */
export function unneutralise(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An ISO instant as local wall-clock time, `YYYY-MM-DD HH:mm:ss` (what a person expects to read). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * The Date an XLSX writer needs to show this instant's local wall-clock time: spreadsheets have no
 * time zones, and exceljs writes a Date's UTC fields.
 */
export function wallClockDate(iso: string): Date | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
}

/** A YYYY-MM-DD day as the Date of that day (UTC midnight, which exceljs writes as that day). */
export function dayDate(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The most decimal places an Excel number format may have. */
const EXCEL_MAX_DECIMALS = 30;

/**
 * The XLSX number format that shows a number as stored. Excel's General shows 12 digits or more
 * as 1.23457E+13 (a 14-digit id or amount no longer readable), so an integer gets '0' (every
 * digit) and a fraction as many decimals as it has in its shortest form (-12.5 → '0.0',
 * 1.5e-7 → '0.00000015').
 */
export function numberFormat(n: number): string {
  if (Number.isInteger(n)) return '0';
  const [digits, exponent = '0'] = String(n).split('e');
  const decimals = (digits.split('.')[1]?.length ?? 0) - Number(exponent);
  return `0.${'0'.repeat(Math.min(decimals, EXCEL_MAX_DECIMALS))}`;
}
