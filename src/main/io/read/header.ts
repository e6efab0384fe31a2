// Where a table's header is: title rows above it ("2024年客户通讯录", one filled cell, in a sheet often
// merged across the table; "客户信息表,,,," in a CSV some systems export) are skipped.

import { filledCells } from './types';

/** A header is looked for among the first MAX_TITLE_ROWS + 1 non-empty rows. */
const MAX_TITLE_ROWS = 3;

/**
 * Fed a table's non-empty rows until `header` is set: the first row with two or more filled cells
 * that comes after at most MAX_TITLE_ROWS rows of one cell (titles, dropped); else the first row
 * (a one-column table), whose following rows `push` or `end` hand back as data.
 */
export class HeaderFinder<R extends { values: string[] }> {
  header: R | null = null;
  private readonly narrow: R[] = [];

  /** A non-empty row before the header: returns the rows that turned out to be data. */
  push(row: R): R[] {
    if (filledCells(row.values) >= 2) {
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
