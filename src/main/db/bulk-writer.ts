// The fast write path shared by the bulk loaders (demo seeder, import): prepared statements per
// table and column list, each insert with its change_log entry (all fields, as a create records
// them) and its insert clock (field_clock '*'), search rows buffered and written together, and
// duplicate keys, with the search feature's pure functions (perf-limits.md §1–2). The caller
// owns the transaction.
import type { Database as Sqlite, Statement } from 'better-sqlite3-multiple-ciphers';
import type { HybridClock } from '../core/hlc';
import { ROW_CLOCK } from '../core/logs';
import { OWNER_ID } from '../core/session';
import { companyKeys, companySearchRow, contactKeys, contactSearchRow } from '../features/search';
import type { CompanyIndexFields, CompanySearchRow, ContactIndexFields, ContactSearchRow } from '../features/search/rows';

const ROW_META = ['id', 'created_at', 'updated_at', 'created_by', 'owner_id', 'deleted_at'];

/** One prepared INSERT per table and column list, bound by position (cheaper than by name). */
class TableWriter {
  private readonly stmt: Statement;
  constructor(sqlite: Sqlite, table: string, columns: string[]) {
    this.stmt = sqlite.prepare(`INSERT INTO ${table} (${[...ROW_META, ...columns].join(', ')}) VALUES (${[...ROW_META, ...columns].map(() => '?').join(', ')})`);
  }
  run(values: unknown[]): number {
    return Number(this.stmt.run(values).lastInsertRowid);
  }
}

export class BulkRowWriter {
  private readonly tables = new Map<string, TableWriter>();
  private readonly changeLog: Statement;
  private readonly contactFts: Statement;
  private readonly companyFts: Statement;
  private readonly key: Statement;
  private readonly rowClock: Statement;
  private contactRows: unknown[][] = [];
  /** Told of every duplicate key written (the import's key filter). */
  onKey: ((kind: string, value: string) => void) | null = null;
  private companyRows: unknown[][] = [];

  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: HybridClock,
    /** Creator and owner of the rows written. */
    private readonly userId: string = OWNER_ID,
  ) {
    this.changeLog = sqlite.prepare('INSERT INTO change_log (hlc, device_id, tbl, row_id, fields) VALUES (?, ?, ?, ?, ?)');
    this.rowClock = sqlite.prepare(`INSERT INTO field_clock (tbl, row_id, col, hlc) VALUES (?, ?, '${ROW_CLOCK}', ?)`);
    this.contactFts = sqlite.prepare('INSERT INTO contact_search (rowid, name, py, company, phone, email) VALUES (?, ?, ?, ?, ?, ?)');
    this.companyFts = sqlite.prepare('INSERT INTO company_search (rowid, name, py, phone, web) VALUES (?, ?, ?, ?, ?)');
    this.key = sqlite.prepare('INSERT INTO customer_keys (kind, value, record_id) VALUES (?, ?, ?)');
  }

  /** Number of buffered search rows (flush when large). */
  get pendingSearchRows(): number {
    return this.contactRows.length + this.companyRows.length;
  }

  /** Inserts a synced row and its change_log entry (all its fields, as a create records them). */
  insert(table: string, id: string, columns: Record<string, unknown>, createdAt: string): number {
    const names = Object.keys(columns);
    const cacheKey = `${table}(${names.join(',')})`;
    let writer = this.tables.get(cacheKey);
    if (!writer) {
      writer = new TableWriter(this.sqlite, table, names);
      this.tables.set(cacheKey, writer);
    }
    const values: unknown[] = [id, createdAt, createdAt, this.userId, this.userId, null];
    for (const name of names) values.push(columns[name]);
    const rid = writer.run(values);
    // The same fields, in the same order, as the ChangeSet records for a create.
    const row = { id, ...columns, created_at: createdAt, updated_at: createdAt, created_by: this.userId, owner_id: this.userId, deleted_at: null };
    const hlc = this.clock.send();
    this.changeLog.run(hlc, this.clock.device, table, id, JSON.stringify(row));
    // The insert's clock for every field, as writeChangeLog keeps it, so later edits sync as edits.
    this.rowClock.run(table, id, hlc);
    return rid;
  }

  /** A new contact's search row (buffered; `s` when the caller made it already) and duplicate keys. */
  indexContact(rid: number, id: string, fields: ContactIndexFields, s: ContactSearchRow = contactSearchRow(fields)): void {
    this.contactRows.push([rid, s.name, s.py, s.company, s.phone, s.email]);
    for (const k of contactKeys(fields)) this.writeKey(k.kind, k.value, id);
  }

  /** A new company's search row (buffered; `s` when the caller made it already) and duplicate keys. */
  indexCompany(rid: number, id: string, fields: CompanyIndexFields, s: CompanySearchRow = companySearchRow(fields)): void {
    this.companyRows.push([rid, s.name, s.py, s.phone, s.web]);
    for (const k of companyKeys(fields)) this.writeKey(k.kind, k.value, id);
  }

  private writeKey(kind: string, value: string, id: string): void {
    this.key.run(kind, value, id);
    this.onKey?.(kind, value);
  }

  /**
   * Writes the buffered search rows in one run. FTS5 writes its pending terms out as a new segment
   * at every statement savepoint (each INSERT into a table with a UNIQUE key opens one), so
   * interleaved with the row inserts it made one tiny segment per contact, then merged them.
   */
  flushSearchRows(): void {
    for (const r of this.contactRows) this.contactFts.run(r);
    for (const r of this.companyRows) this.companyFts.run(r);
    this.contactRows = [];
    this.companyRows = [];
  }
}

/**
 * Drops the secondary indexes of those `tables` that are still empty, returning their SQL to run
 * once the rows are in: building an index once costs a fraction of keeping random keys sorted row
 * by row (perf-limits §1: 21.5 s vs 8.8 s at 1M). Unique constraints stay. The caller owns the
 * transaction (a rollback brings the indexes back).
 */
export function dropIndexesOfEmptyTables(sqlite: Sqlite, tables: string[]): string[] {
  const empty = tables.filter((t) => !sqlite.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get());
  if (empty.length === 0) return [];
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${empty.map(() => '?').join(', ')})`)
    .all(...empty) as { name: string; sql: string }[];
  for (const i of indexes) sqlite.exec(`DROP INDEX ${i.name}`);
  return indexes.map((i) => i.sql);
}

/** FTS5's default in-memory term hash (1 MiB), which every save uses. */
export const FTS_DEFAULT_HASHSIZE = 2 ** 20;

/**
 * Sets FTS5's in-memory term hash of the search tables: a larger one while loading writes fewer,
 * larger segments (perf-limits §3: −15%). Stored in the tables' config: set it back when done.
 */
export function setFtsHashsize(sqlite: Sqlite, bytes: number): void {
  // A literal: FTS5 refuses the value bound as a parameter (better-sqlite3 binds numbers as REAL).
  const size = Math.trunc(bytes);
  for (const fts of ['contact_search', 'company_search']) sqlite.exec(`INSERT INTO ${fts} (${fts}, rank) VALUES ('hashsize', ${size})`);
}
