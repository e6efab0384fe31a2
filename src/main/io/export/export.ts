// Streams a customer list (the current filter and sort, or everything) to a file: the same rows,
// in the same order, as contacts.list / companies.list show, read page by page with their keyset
// cursor (listCustomers), so a million rows never sit in memory at once.
import { sql, type Kysely } from 'kysely';
import type { Contact } from '../../../shared/contacts';
import type { CustomerBase, CustomerSort } from '../../../shared/customers';
import type { ExportResult } from '../../../shared/io';
import type { CustomField } from '../../../shared/custom-fields';
import type { SortDir } from '../../../shared/paging';
import type { Database } from '../../db/schema';
import { writeAudit } from '../../core/logs';
import type { AppState } from '../../core/context';
import { visibleTo, type Viewer } from '../../core/visibility';
import { listCustomers, type ListInput } from '../../features/customers/list';
import { contactSpec } from '../../features/contacts/spec';
import { companySpec } from '../../features/companies/spec';
import { columnsOf } from './columns';
import { createDownload, removeDownload } from './downloads';
import { checkXlsxRows, EXTENSION, openWriter, XLSX_MAX_ROWS, type ExportFormat } from './writers';
import type { Locale } from '../../../shared/app';
import { storedLocale } from '../../db/meta';

export type ExportEntity = 'contact' | 'company';

export interface ExportOptions {
  entity: ExportEntity;
  format: ExportFormat;
  filter?: Record<string, unknown>;
  sort?: CustomerSort;
  dir?: SortDir;
  /** Whose records are exported: what the caller sees. */
  viewer: Viewer;
  /** The rows an XLSX sheet holds, header included: Excel's (tests pass a small number). */
  xlsxMaxRows?: number;
}


/** Rows read (and written) per page; progress and cancel are checked after each. */
export const EXPORT_PAGE = 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The file's name before its time stamp, in the interface language. */
const NAME: Record<Locale, Record<ExportEntity, string>> = { 'zh-CN': { contact: '联系人', company: '公司' }, en: { contact: 'Contacts', company: 'Companies' } };

/** e.g. 联系人-20261123-140500.csv, or Contacts-20261123-140500.csv in the English interface. */
export function exportFileName(entity: ExportEntity, format: ExportFormat, locale: Locale, at = new Date()): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${NAME[locale][entity]}-${stamp}${format === 'csv-gbk' ? '-GBK' : ''}.${EXTENSION[format]}`;
}

async function customFields(db: Kysely<Database>, entity: ExportEntity): Promise<CustomField[]> {
  const rows = await db
    .selectFrom('custom_fields')
    .selectAll()
    .where('entity', '=', entity)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('label')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity as ExportEntity,
    label: r.label,
    type: r.type as CustomField['type'],
    options: JSON.parse(r.options) as string[],
    position: r.position,
  }));
}

/**
 * How many rows the filter matches, for the progress bar only (the rows written come from
 * listCustomers): the same conditions, without its index choices.
 */
async function countMatching(db: Kysely<Database>, entity: ExportEntity, filter: Record<string, unknown>, viewer: Viewer): Promise<number> {
  const spec = entity === 'contact' ? contactSpec : companySpec;
  const where = [sql`r.deleted_at IS NULL`, visibleTo(viewer, spec.table, 'r')];
  if (filter.tagId) {
    where.push(sql`EXISTS (SELECT 1 FROM taggings g WHERE g.record_id = r.id AND g.tag_id = ${filter.tagId} AND g.deleted_at IS NULL)`);
  }
  const equal: [string, unknown][] = [['owner_id', filter.ownerId], ['city', filter.city]];
  for (const [key, column] of Object.entries(spec.eqFilters)) equal.push([column, filter[key]]);
  for (const [column, value] of equal) if (value !== null && value !== undefined && value !== '') where.push(sql`${sql.ref(`r.${column}`)} = ${value}`);
  for (const [key, column] of [['created', 'created_at'], ['contacted', 'last_contacted_at']] as const) {
    const range = filter[key] as { from?: string | null; to?: string | null } | undefined;
    if (range?.from) where.push(sql`${sql.ref(`r.${column}`)} >= ${range.from}`);
    if (range?.to) where.push(sql`substr(${sql.ref(`r.${column}`)}, 1, ${range.to.length}) <= ${range.to}`);
  }
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(spec.table)} r WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  return rows[0].n;
}

/**
 * A record as its file carries it: a contact's company in the Trash is left out. The list shows
 * its name marked 已删除 (companyLabel), a mark no file can carry, and the import would create a
 * live company of the bare name (it makes a company of a name it does not find).
 */
function asExported(record: CustomerBase): CustomerBase {
  const contact = record as Contact;
  if (!contact.companyDeletedAt) return record;
  const alone: Contact = { ...contact, companyId: null, companyName: null, companyDeletedAt: null };
  return alone;
}

export interface ExportHooks {
  /** Called after each page; throws to cancel (the job's progress hook does on cancel). */
  progress?(phase: string, done: number, total: number): void;
}

/**
 * Writes the export file under <dataDir>/downloads/<downloadId> and records it in the audit log
 * (who, entity, format, filter, rows, file name). Reads in one read transaction (one snapshot of
 * the database from first page to last); on cancel or failure the partial file is removed.
 */
export async function exportCustomers(app: AppState, userId: string, opts: ExportOptions, hooks: ExportHooks, channel = 'io.startExport'): Promise<ExportResult> {
  const db = app.db.kysely;
  const sqlite = app.db.sqlite;
  const spec = opts.entity === 'contact' ? contactSpec : companySpec;
  const filter = (opts.filter ?? {}) as ListInput['filter'];
  const fileName = exportFileName(opts.entity, opts.format, (await storedLocale(db)) ?? 'zh-CN');
  const { downloadId, file } = createDownload(app.dataDir, fileName);
  const discard = () => removeDownload(app.dataDir, downloadId);
  let rows = 0;
  sqlite.exec('BEGIN');
  let writer;
  try {
    const columns = columnsOf(opts.entity, await customFields(db, opts.entity));
    const total = await countMatching(db, opts.entity, filter, opts.viewer);
    const xlsxMaxRows = opts.xlsxMaxRows ?? XLSX_MAX_ROWS;
    // Refused now, not after minutes of writing: the count is known before the first row.
    if (opts.format === 'xlsx') checkXlsxRows(total, xlsxMaxRows);
    hooks.progress?.('export', 0, total);
    writer = openWriter(file, opts.format, opts.entity, columns, xlsxMaxRows);
    let cursor: string | null = null;
    do {
      const page: { items: CustomerBase[]; nextCursor: string | null } = await listCustomers(db, spec, {
        cursor,
        limit: EXPORT_PAGE,
        sort: opts.sort ?? 'updated',
        dir: opts.dir ?? 'desc',
        filter,
      }, opts.viewer);
      await writer.write(page.items.map(asExported));
      rows += page.items.length;
      cursor = page.nextCursor;
      hooks.progress?.('export', rows, Math.max(total, rows));
    } while (cursor);
    await writer.close();
    writer = null;
    sqlite.exec('COMMIT');
  } catch (e) {
    writer?.abort();
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    discard();
    throw e;
  }
  // The audit row: a short write of its own (the export itself wrote nothing).
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    await writeAudit(db, {
      at: new Date().toISOString(),
      userId,
      channel,
      entity: opts.entity,
      records: [],
      input: { entity: opts.entity, format: opts.format, filter: opts.filter ?? {}, sort: opts.sort ?? 'updated', dir: opts.dir ?? 'desc', rows, fileName },
    });
    sqlite.exec('COMMIT');
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    discard();
    throw e;
  }
  return { downloadId, fileName, rows };
}
