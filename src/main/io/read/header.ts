// Where a table's header is: title rows above it ("2024年客户通讯录", one filled cell, in a sheet often
// merged across the table; "客户信息表,,,," in a CSV some systems export) are skipped.

import { cleanHeader, filledCells, padRow, type Row } from './types';

/** A header is looked for among the first MAX_TITLE_ROWS + 1 non-empty rows. */
const MAX_TITLE_ROWS = 3;

/** A row that can be a header: two or more filled cells (a title has one). */
export const isWideRow = (values: string[]): boolean => filledCells(values) >= 2;

/**
 * Fed a table's non-empty rows until `header` is set: the first row with two or more filled cells
 * that comes after at most MAX_TITLE_ROWS rows of one cell (titles, dropped); else the first row
 * (a one-column table), whose following rows `push` or `end` hand back as data.
 */
class HeaderFinder<R extends { values: string[] }> {
  header: R | null = null;
  private readonly narrow: R[] = [];

  /** A non-empty row before the header: returns the rows that turned out to be data. */
  push(row: R): R[] {
    if (isWideRow(row.values)) {
      this.header = row;
      this.narrow.length = 0;
      return [];
    }
    this.narrow.push(row);
    return this.narrow.length > MAX_TITLE_ROWS ? this.end() : [];
  }

  /** The table ended, or has too many narrow rows to be titles: the first is the header. */
  end(): R[] {
    const [first, ...rest] = this.narrow.splice(0);
    if (first) this.header = first;
    return rest;
  }
}

/** A table's row and its number in the file: a CSV record's (counting from 1, empty ones too), an Excel row's. */
interface NumberedRow {
  number: number;
  values: string[];
}

/**
 * A table's non-empty rows, in order, → its data rows, for the CSV and XLSX readers. Until the header
 * is found (HeaderFinder), `push` holds rows back (at most MAX_TITLE_ROWS + 1, never the table); once
 * it is, `onHeader` is told its names (cleanHeader) and `push` returns the held-back rows that turned
 * out to be data; after that, each row goes through `data`. A data row's line is its number minus the
 * header's (so skipped empty rows count) and its cells are padded to the header's width.
 */
export class TableRows {
  private readonly finder = new HeaderFinder<NumberedRow>();
  /** The header's names: null while it is looked for. */
  headers: string[] | null = null;
  /** The header's number in the file: 0 while it is looked for (and when the table had none). */
  headerNumber = 0;

  constructor(private readonly onHeader: (headers: string[]) => void) {}

  /** A non-empty row while `headers` is null: the rows it releases as data (none while the header is looked for). */
  push(number: number, values: string[]): Row[] {
    return this.found(this.finder.push({ number, values }));
  }

  /** The table ended: if the header was still looked for, the first row held back is it and the others are data. */
  end(): Row[] {
    return this.headers ? [] : this.found(this.finder.end());
  }

  /** A non-empty row after the header. */
  data(number: number, values: string[]): Row {
    return { line: number - this.headerNumber, values: padRow(values, this.headers?.length ?? 0) };
  }

  private found(rows: NumberedRow[]): Row[] {
    const header = this.finder.header;
    if (!header) return [];
    this.headerNumber = header.number;
    this.headers = header.values.map(cleanHeader);
    this.onHeader(this.headers);
    return rows.map((r) => this.data(r.number, r.values));
  }
}
