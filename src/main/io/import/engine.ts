// The import's writing half: rows prepared by the pure half (prepare.ts: mapping, the form's schema
// ContactFields / CompanyFields, columns, search tokens; possibly on another thread) → duplicates
// (existing records and earlier rows) → new rows through the bulk writer, updates through the
// ChangeSet (change_log, field clocks and audit exactly as the dispatcher), search index per chunk.
// Runs in the job's one transaction (inJobMutation): cancel, an error or a killed process leave nothing.
import type { Kysely } from 'kysely';
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';
import type { Locale } from '../../../shared/app';
import { CompanyFields } from '../../../shared/companies';
import { KehuError } from '../../../shared/errors';
import { LIMITS } from '../../../shared/validation';
import type { ColumnMapping, DuplicateHit, ImportResult, IoEntity, OnDuplicate, RowIssue } from '../../../shared/io';
import type { Database } from '../../db/schema';
import type { ChangeSet } from '../../core/changes';
import { newId } from '../../core/ids';
import { translator } from '../../core/translate';
import { visibleTo, type Viewer } from '../../core/visibility';
import { snake, toColumns } from '../../features/customers/columns';
import { BulkRowWriter, dropIndexesOfEmptyTables } from '../../db/bulk-writer';
import type { HybridClock } from '../../core/hlc';
import { indexTokens, nameKey, refreshCustomerIndex } from '../../features/search';
import type { CompanyIndexFields, CompanySearchRow, ContactIndexFields, ContactSearchRow } from '../../features/search/rows';
import { createdMarks, isCreated, type CreatedMarks } from './created';
import { RejectedRows } from './rejected';
import { KeyFilter } from './key-filter';
import { ClaimsInMemory, ClaimsInTable, type RecordClaims } from './record-claims';
import { checkRow, customDefs, reasonText, RECORD_KEY, type Checked, type CustomDef, type DuplicateKey, type PrepareSpec, type PreparedRow, type ValidRow } from './prepare';

type Row = Record<string, unknown>;
type KeyHit = { id: string; name: string; created: number };
type Seen = { key: DuplicateKey; id: string; line: number; name: string };
type ContactIndex = Omit<ContactIndexFields, 'companyId' | 'companyName'>;
export const CHUNK_ROWS = 1000;

/** The record id of our export a row carries (its first key), or null. */
const fileIdOf = (keys: DuplicateKey[]): string | null => (keys[0]?.kind === RECORD_KEY ? keys[0].value : null);

/**
 * Per-import state: custom field definitions, duplicate keys the database does not hold yet,
 * companies and tags by name. Also used read-only by `io.inspect` for the preview.
 */
export class RowChecker {
  /** The entity's custom fields (the prepare stage gets them as plain data). */
  readonly customDefs: CustomDef[];
  private readonly defs: Map<string, CustomDef>;
  /**
   * Duplicate key → record id, for keys of earlier rows that the database does not answer (yet):
   * rows that matched a record (skipped, or updating it), every row in a preview. Records the
   * import creates are found through customer_keys (written with each row), and at each chunk
   * (`indexed`) the keys customer_keys now answers are dropped, so this map holds only keys no
   * record will have: a skipped row's new email, a name with a company the record did not take.
   */
  private readonly seen = new Map<string, Seen>();
  /** Keys remembered since the last chunk: those kept before were not answered then, nor will be. */
  private fresh: string[] = [];
  /** Records above this rid were created by this import. */
  private readonly lastRid: number;
  /** Live companies by name key (the earliest one per key), loaded on first use, plus those created. */
  private companyByKey: Map<string, string> | null = null;
  private readonly tagByName = new Map<string, string>();
  private readonly keyStmt;
  /** Keys the database may hold (useKeyFilter): a key it has never seen needs no SELECT. */
  private keyFilter: KeyFilter | null = null;
  /** Up to 8 records with a key, for a row with a record id (the first that no other id went to). */
  private readonly candidatesStmt;
  private readonly recordStmt;
  private readonly companyKeyStmt;
  /** Which record each record id went to (the import puts a table in its place: useClaimsTable). */
  private claims: RecordClaims = new ClaimsInMemory();

  /**
   * `visible`: the caller's record visibility on the table aliased `r` (visibleTo compiled), so an
   * import only finds, and updates, existing records its caller can see.
   */
  constructor(
    private readonly sqlite: Sqlite,
    readonly entity: IoEntity,
    private readonly visible: { sql: string; parameters: readonly unknown[] },
  ) {
    this.customDefs = customDefs(sqlite, entity);
    this.defs = new Map(this.customDefs.map((d) => [d.id, d]));
    const table = entity === 'contact' ? 'contacts' : 'companies';
    this.lastRid = sqlite.prepare(`SELECT coalesce(max(rid), 0) FROM ${table}`).pluck().get() as number;
    // A record this import created comes first (the earliest), else any existing one.
    const byKey = `SELECT r.id, r.name, r.rid > ? AS created FROM customer_keys k JOIN ${table} r ON r.id = k.record_id
       WHERE k.kind = ? AND k.value = ? AND r.deleted_at IS NULL AND ${visible.sql} ORDER BY created DESC, k.rowid`;
    this.keyStmt = sqlite.prepare<unknown[], KeyHit>(`${byKey} LIMIT 1`);
    this.candidatesStmt = sqlite.prepare<unknown[], KeyHit>(`${byKey} LIMIT 8`);
    // Its parameters: the visibility's (in the select list), then the id.
    this.recordStmt = sqlite.prepare<unknown[], { id: string; name: string; visible: number }>(
      `SELECT r.id, r.name, (${visible.sql}) AS visible FROM ${table} r WHERE r.id = ? AND r.deleted_at IS NULL`,
    );
    this.companyKeyStmt = sqlite.prepare<[string], string>(`SELECT name_key FROM companies WHERE id = ? AND deleted_at IS NULL`).pluck();
  }

  /** The form's checks of one row (the preview shows them; the import prepares rows with them). */
  check(mapping: ColumnMapping, values: string[], width: number): Checked {
    return checkRow(this.entity, this.defs, mapping, values, width);
  }

  /**
   * What a row is: a duplicate of a record (or none), or, for a row carrying our export's record
   * id, refused. Such a row is the record its id names when the caller may see it; it is refused
   * when the id was on an earlier row (a row copied in the spreadsheet would overwrite its
   * original) or names a record the caller may not see (a copy would be made under their name).
   */
  match(keys: DuplicateKey[]): { problem: RowIssue } | { duplicate: DuplicateHit | null } {
    const fileId = fileIdOf(keys);
    if (fileId === null) return { duplicate: this.duplicate(keys, null) };
    if (this.claims.lineOf(fileId) !== undefined) return { problem: { field: 'recordId', message: 'validation.record_repeated' } };
    const row = this.recordStmt.get(...this.visible.parameters, fileId);
    if (row && !row.visible) return { problem: { field: 'recordId', message: 'validation.record_hidden' } };
    if (row) return { duplicate: { source: 'existing', by: 'record', id: row.id, name: row.name } };
    return { duplicate: this.duplicate(keys.slice(1), fileId) };
  }

  /**
   * The first duplicate, key by key: a record this import wrote or an earlier row (the first to
   * have the key), else an existing record. For a row with a record id (`fileId`), only a record
   * no row with another id went to (two 张伟 at one company, exported with their ids, stay two).
   */
  private duplicate(keys: DuplicateKey[], fileId: string | null): DuplicateHit | null {
    const free = (id: string) => fileId === null || !this.claims.heldByOther(id, fileId);
    let existing: DuplicateHit | null = null;
    for (const key of keys) {
      const hit = this.seen.get(`${key.kind}:${key.value}`);
      if (hit && free(hit.id)) return { source: 'file', by: key.by, id: hit.id, name: hit.name, line: hit.line };
      const params = this.probeOf(key);
      if (params === null) continue;
      const row = fileId === null ? this.keyStmt.get(...params) : this.candidatesStmt.all(...params).find((r) => free(r.id));
      if (row?.created) return { source: 'file', by: key.by, id: row.id, name: row.name };
      if (row) existing ??= { source: 'existing', by: key.by, id: row.id, name: row.name };
    }
    return existing;
  }

  /** The row's record id (if it has one) went to this record. */
  claim(keys: DuplicateKey[], recordId: string, line: number): void {
    const fileId = fileIdOf(keys);
    if (fileId !== null) this.claims.claim(fileId, recordId, line);
  }

  /** The import keeps its claims in a table of its connection (a file may hold 1M ids). */
  useClaimsTable(): void {
    this.claims = new ClaimsInTable(this.sqlite);
  }

  /** Whether the contact's company (a company id) is the one the file names (by name key). */
  isCompanyNamed(companyId: unknown, name: string): boolean {
    return typeof companyId === 'string' && this.companyKeyStmt.get(companyId) === nameKey(name);
  }

  /**
   * Loads every key of customer_keys into a filter (the import; not the preview of 20 rows). The
   * caller adds each key written after that (BulkRowWriter.onKey, noteKeysOf), so the filter
   * always holds every key the table holds.
   */
  useKeyFilter(): KeyFilter {
    this.keyFilter = KeyFilter.load(this.sqlite);
    return this.keyFilter;
  }

  /**
   * The indexer rewrote the keys of these records (updated by the import): the filter learns them,
   * and `seen` forgets what customer_keys now answers the same way (it would grow with every row
   * updated or skipped).
   */
  indexed(ids: string[]): void {
    if (this.keyFilter) {
      const stmt = this.sqlite.prepare<[string], [string, string]>('SELECT kind, value FROM customer_keys WHERE record_id = ?').raw();
      for (const id of ids) for (const [kind, value] of stmt.all(id)) this.keyFilter.add(kind, value);
    }
    for (const k of this.fresh) {
      const { key, id } = this.seen.get(k)!;
      const params = this.probeOf(key);
      if (params !== null && this.keyStmt.get(...params)?.id === id) this.seen.delete(k);
    }
    this.fresh = [];
  }

  /** The parameters of keyStmt for a key, or null when no record can have it (no such company, or the filter says so). */
  private probeOf(key: DuplicateKey): unknown[] | null {
    const value = this.storedKey(key);
    if (value === null || this.keyFilter?.mayHave(key.kind, value) === false) return null;
    return [this.lastRid, key.kind, value, ...this.visible.parameters];
  }

  /** The key's value as customer_keys holds it (name_company by company id), or null: no such company. */
  private storedKey(key: DuplicateKey): string | null {
    if (key.kind !== 'name_company') return key.value;
    const [name, company] = key.value.split('|') as [string, string];
    const companyId = company ? this.companies().get(company) : undefined;
    return companyId ? `${name}|${companyId}` : null;
  }

  /** A row matched (or, in a preview, is) this record: later rows with its keys are its duplicates. */
  remember(keys: DuplicateKey[], name: string, id: string, line: number): void {
    for (const key of keys) {
      const k = `${key.kind}:${key.value}`;
      if (this.seen.has(k)) continue;
      this.seen.set(k, { key, id, line, name });
      this.fresh.push(k);
    }
  }

  existingCompany(name: string): string | null {
    const key = nameKey(name);
    if (!key) return null;
    return this.companies().get(key) ?? null;
  }

  noteCompany(name: string, id: string): void {
    this.companies().set(nameKey(name), id);
  }

  /**
   * companies.name_key has no index: one SELECT per new company name scanned the table, which
   * grew quadratic with the file (37,500 names in the bench's 1M rows). One pass keeps the earliest per key.
   */
  private companies(): Map<string, string> {
    if (this.companyByKey) return this.companyByKey;
    const byKey = new Map<string, string>();
    const rows = this.sqlite.prepare(`SELECT name_key, id FROM companies WHERE deleted_at IS NULL ORDER BY created_at, rid`).iterate() as Iterable<{ name_key: string; id: string }>;
    for (const r of rows) if (!byKey.has(r.name_key)) byKey.set(r.name_key, r.id);
    this.companyByKey = byKey;
    return byKey;
  }

  existingTag(name: string): string | null {
    const known = this.tagByName.get(name);
    if (known) return known;
    const row = this.sqlite.prepare<[string], { id: string }>(`SELECT id FROM tags WHERE name = ? AND deleted_at IS NULL LIMIT 1`).get(name);
    if (row) this.tagByName.set(name, row.id);
    return row?.id ?? null;
  }

  noteTag(name: string, id: string): void {
    this.tagByName.set(name, id);
  }
}

// ---- The import ---------------------------------------------------------------------------------

export interface ImportRun {
  entity: IoEntity;
  mapping: ColumnMapping;
  onDuplicate: OnDuplicate;
  fileName: string;
  headers: string[];
  /** The file's rows through the pure half (prepare.ts), in order, batch by batch. */
  prepared: (spec: PrepareSpec) => AsyncIterable<PreparedRow[]>;
  /** Called every CHUNK_ROWS rows; throws to stop (cancel). */
  progress: (done: number) => void;
  /** The language of the rejected rows' reasons. */
  locale: Locale;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || v === '[]' || (Array.isArray(v) && v.length === 0);
const TAG_COLOR = '#8c8c8c';

export interface ImportWrite {
  sqlite: Sqlite;
  db: Kysely<Database>;
  /** Updates of existing records go through it (their previous values are kept for undo). */
  changes: ChangeSet;
  /** New rows go through the bulk writer on this clock (change_log, field clocks, index). */
  clock: HybridClock;
  userId: string;
  /** Whose records the import may find and update. */
  viewer: Viewer;
  now: string;
  dataDir: string;
}

/** What undo needs of the records an import created (created.ts). */
export interface CreatedRecords {
  marks: CreatedMarks;
  /** Ids of the taggings added to records that existed before the import (few). */
  taggingsOfExisting: string[];
  /**
   * The `updated_at` each existing record had before the import changed it: its undo puts it back,
   * so that an earlier import of the same record can still be undone after this one.
   */
  updatedAtBefore: Map<string, string>;
}

export async function runImport(
  w: ImportWrite,
  run: ImportRun,
): Promise<{ counts: Omit<ImportResult, 'importId' | 'dryRun'>; created: CreatedRecords }> {
  const rejected = new RejectedRows(w.dataDir, run.headers, run.fileName);
  try {
    const created: CreatedRecords = { marks: createdMarks(w.sqlite), taggingsOfExisting: [], updatedAtBefore: new Map() };
    // Loading into an empty table, its secondary indexes are built once at the end, in the same
    // transaction (a rollback brings them back as they were).
    const deferred = dropIndexesOfEmptyTables(w.sqlite, ['contacts', 'companies']);
    const counts = await importRows(w, run, rejected, created);
    for (const ddl of deferred) w.sqlite.exec(ddl);
    const rejectedFile = await rejected.finish();
    return { counts: { ...counts, ...(rejectedFile ? { rejectedFile } : {}) }, created };
  } catch (e) {
    rejected.discard();
    throw e;
  }
}

async function importRows(w: ImportWrite, run: ImportRun, rejected: RejectedRows, created: CreatedRecords): Promise<Omit<ImportResult, 'importId' | 'dryRun' | 'rejectedFile'>> {
  const { sqlite, db, changes, now } = w;
  const bulk = new BulkRowWriter(sqlite, w.clock, w.userId);
  const { entity } = run;
  const t = translator(run.locale);
  const table = entity === 'contact' ? 'contacts' : 'companies';
  const checker = new RowChecker(sqlite, entity, visibleTo(w.viewer, table, 'r').compile(db));
  const result = { rows: 0, created: 0, updated: 0, skipped: 0, rejected: 0, companiesCreated: 0, tagsCreated: 0 };
  const touched: string[] = [];
  const loadRow = sqlite.prepare<[string], Row>(`SELECT * FROM ${table} WHERE id = ?`);
  const hasTagging = sqlite.prepare<[string, string], { one: number }>(`SELECT 1 AS one FROM taggings WHERE tag_id = ? AND record_id = ? AND deleted_at IS NULL`);

  // New rows' search rows are buffered by the bulk writer; records updated go through the
  // indexer afterwards (it replaces their rows). A chunk's rows fill about FTS5's default 1 MiB
  // term hash: a larger hash or buffer writes fewer segments but costs RSS (70 MB at 300k rows
  // for 32 MiB) and measured no faster here.
  const flushIndex = async () => {
    bulk.flushSearchRows();
    if (touched.length) await refreshCustomerIndex(db, entity, touched);
    checker.indexed(touched);
    touched.length = 0;
  };
  const companyNames = new Map<string, string>();
  if (run.onDuplicate !== 'create') {
    checker.useClaimsTable();
    const filter = checker.useKeyFilter();
    bulk.onKey = (kind, value) => filter.add(kind, value);
  }

  const companyFor = async (name: string): Promise<string> => {
    const existing = checker.existingCompany(name);
    if (existing) return existing;
    const id = newId();
    const { ownerId: _o, tagIds: _t, custom: _c, ...fields } = CompanyFields.parse({ name });
    const columns = { ...toColumns('company', fields), custom: '{}' };
    const rid = bulk.insert('companies', id, columns, now);
    bulk.indexCompany(rid, id, { name: fields.name, phone: null, website: null });
    checker.noteCompany(name, id);
    companyNames.set(id, fields.name);
    result.companiesCreated += 1;
    return id;
  };

  const tagsFor = async (names: string[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const name of names) {
      let id = checker.existingTag(name);
      if (!id) {
        id = newId();
        bulk.insert('tags', id, { name, color: TAG_COLOR }, now);
        checker.noteTag(name, id);
        result.tagsCreated += 1;
      }
      ids.push(id);
    }
    return ids;
  };

  /** Tags the record; returns how many of the tags it did not have yet. */
  const addTags = async (recordId: string, tagIds: string[], known: boolean): Promise<number> => {
    // Taggings of records this import created go with their record for undo (created.ts); only
    // those added to existing records are listed.
    const listed = known && tagIds.length > 0 && !isCreated(sqlite, created.marks, table, recordId);
    let added = 0;
    for (const tagId of tagIds) {
      if (known && hasTagging.get(tagId, recordId)) continue;
      const id = newId();
      bulk.insert('taggings', id, { tag_id: tagId, record_id: recordId }, now);
      if (listed) created.taggingsOfExisting.push(id);
      added += 1;
    }
    return added;
  };

  const update = async (row: ValidRow, dupId: string) => {
    // update_empty / overwrite of the existing record (or of one created earlier in this file),
    // with the form's fields checked again from the row's cells (prepare.ts ValidRow).
    const { companyName } = row;
    const { fields, mapped, custom } = checker.check(run.mapping, row.values!, run.headers.length);
    if (!fields) throw new Error(`line ${row.line}: checked valid, then invalid`);
    const current = loadRow.get(dupId)!;
    const patch: Row = {};
    const { ownerId: _o, tagIds: _t, custom: _c, ...plain } = fields;
    // Filling in adds the row's numbers and addresses to the record's: past the form's limit the row
    // is rejected (with its reason) rather than some of them dropped.
    const union = (key: 'mobiles' | 'emails') => [...new Set([...(JSON.parse(String(current[key] ?? '[]')) as string[]), ...((plain[key] as string[]) ?? [])])];
    const full = run.onDuplicate === 'overwrite' ? undefined : (['mobiles', 'emails'] as const).find((k) => mapped.provided.has(k) && union(k).length > LIMITS.list);
    if (full) {
      result.rejected += 1;
      rejected.add(row.values!, reasonText(t, entity, [{ field: full, message: 'validation.too_many' }]));
      return;
    }
    // The company is looked up (or created) only when the record takes it: filling empty fields
    // leaves a record's company as it is, and must not leave a new company that nobody uses.
    const takesCompany = run.onDuplicate === 'overwrite' || isEmpty(current.company_id);
    // The company the record has already when the file names it (an unchanged export written
    // back): another company of the same name would be taken instead.
    if (entity === 'contact' && companyName && takesCompany) plain.companyId = checker.isCompanyNamed(current.company_id, companyName) ? current.company_id : await companyFor(companyName);
    for (const [key, value] of Object.entries(plain)) {
      if (!mapped.provided.has(key) || isEmpty(value)) continue;
      const column = snake(key);
      const before = current[column];
      if (key === 'mobiles' || key === 'emails') {
        Object.assign(patch, toColumns(entity, { [key]: run.onDuplicate === 'overwrite' ? value : union(key) }));
      } else if (run.onDuplicate === 'overwrite' || isEmpty(before) || (key === 'gender' && before === 'unknown')) {
        Object.assign(patch, toColumns(entity, { [key]: value }));
      }
    }
    if (Object.keys(custom).length) {
      const stored = JSON.parse(String(current.custom ?? '{}')) as Row;
      const next = { ...stored };
      for (const [k, v] of Object.entries(custom)) if (run.onDuplicate === 'overwrite' || isEmpty(stored[k])) next[k] = v;
      patch.custom = JSON.stringify(next);
    }
    const changed = await changes.update(table, dupId, patch);
    if (Object.keys(changed).length && !created.updatedAtBefore.has(dupId)) created.updatedAtBefore.set(dupId, String(current.updated_at));
    const tagged = await addTags(dupId, await tagsFor(row.tagNames), true);
    if (Object.keys(changed).length) {
      touched.push(dupId);
      result.updated += 1;
    } else if (tagged) result.updated += 1;
    else result.skipped += 1;
    checker.remember(row.keys, String(fields.name), dupId, row.line);
  };

  const create = async (row: ValidRow) => {
    const { id, columns, companyName } = row;
    const companyId = entity === 'contact' && companyName ? await companyFor(companyName) : null;
    if (entity === 'contact') columns.company_id = companyId; // the key is there: its place is kept
    const rid = bulk.insert(table, id, columns, now);
    if (entity === 'contact') {
      // A company created earlier in the file under another spelling of the same key keeps its name.
      const shown = companyId ? (companyNames.get(companyId) ?? companyName) : null;
      const search = shown === companyName ? row.search : { ...(row.search as ContactSearchRow), company: indexTokens(shown) };
      bulk.indexContact(rid, id, { ...(row.index as ContactIndex), companyId, companyName: shown }, search as ContactSearchRow);
    } else {
      bulk.indexCompany(rid, id, row.index as CompanyIndexFields, row.search as CompanySearchRow);
    }
    await addTags(id, await tagsFor(row.tagNames), false);
    result.created += 1;
  };

  /** A row that may be a duplicate: skipped, updating its record, or created (rows with a record id may be refused). */
  const place = async (row: ValidRow) => {
    const matched = checker.match(row.keys);
    if ('problem' in matched) {
      result.rejected += 1;
      rejected.add(row.values!, reasonText(t, entity, [matched.problem]));
      return;
    }
    // The writer's duplicates always name their record (only the preview's rows have none).
    const dup = matched.duplicate;
    if (dup?.id && run.onDuplicate === 'skip') {
      result.skipped += 1;
      checker.remember(row.keys, dup.name ?? '', dup.id, row.line);
    } else if (dup?.id) await update(row, dup.id);
    else await create(row);
    checker.claim(row.keys, dup?.id ?? row.id, row.line);
  };

  for await (const batch of run.prepared({ entity, mapping: run.mapping, defs: checker.customDefs, onDuplicate: run.onDuplicate, width: run.headers.length, locale: run.locale })) {
    for (const row of batch) {
      result.rows += 1;
      if (row.rejected) {
        result.rejected += 1;
        rejected.add(row.rejected.values, row.rejected.reason);
      } else if (run.onDuplicate === 'create') {
        await create(row);
      } else {
        await place(row);
      }
      if (result.rows % CHUNK_ROWS === 0) {
        await flushIndex();
        run.progress(result.rows);
      }
    }
  }
  await flushIndex();
  run.progress(result.rows);
  if (result.rows === 0) throw new KehuError({ code: 'invalid_input', message: 'io.empty_file' });
  return result;
}
