// The audit log as CSV for a spreadsheet: UTF-8 with a BOM (Excel and WPS read it as UTF-8),
// neutral column names, every text neutralised against formulas like the customer export's.
import type { Kysely } from 'kysely';
import type { AuditFilter, AuditRow } from '../../../shared/audit';
import type { Database } from '../../db/schema';
import { csvQuote, neutralise } from '../../io/export/cells';
import { auditPage } from './query';

const HEADER = ['seq', 'at', 'user', 'action', 'entity', 'records', 'before', 'after', 'input'];
const PAGE = 500;

const line = (cells: string[]) => `${cells.map((c) => csvQuote(neutralise(c))).join(',')}\r\n`;

function cells(r: AuditRow): string[] {
  return [String(r.seq), r.at, r.userName ?? r.userId, r.action, r.entity ?? '', r.entityIds.join(' '), r.before ?? '', r.after ?? '', r.input ?? ''];
}

/** Every row the filter matches, newest first, read page by page. */
export async function auditCsv(db: Kysely<Database>, filter: AuditFilter): Promise<{ csv: string; rows: number }> {
  let csv = `\uFEFF${line(HEADER)}`;
  let rows = 0;
  let before: number | null = null;
  do {
    const page: { rows: AuditRow[]; next: number | null } = await auditPage(db, filter, before, PAGE);
    for (const r of page.rows) csv += line(cells(r));
    rows += page.rows.length;
    before = page.next;
  } while (before !== null);
  return { csv, rows };
}
