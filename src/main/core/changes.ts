// Every write to a synced table goes through a ChangeSet, which performs it on the transaction
// and remembers, per touched record, the fields it set and their values before. At commit the
// dispatcher turns that into one change_log row per record (DESIGN.md §4) and the audit row.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, SyncedTable } from '../db/schema';

type Row = Record<string, unknown>;

export interface TouchedRecord {
  table: SyncedTable;
  id: string;
  /** Fields set by this mutation, with their new values (no rid: it is local to the file). */
  fields: Row;
  /** The same fields' values before; null when the record was created. */
  before: Row | null;
  purged?: boolean;
  /** Its change_log row is written already (ChangeSet.logNow); the audit row still takes it in. */
  logged?: boolean;
}

/** A stored value is the same when its JSON is. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export class ChangeSet {
  private readonly touched = new Map<string, TouchedRecord>();
  /** Records whose change_log rows logNow wrote, in the order touched: kept for the audit row. */
  private readonly logged: TouchedRecord[] = [];
  private readonly auditNotes: Record<string, unknown> = {};

  constructor(
    private readonly db: Kysely<Database>,
    readonly userId: string,
    readonly now: string,
  ) {}

  /** Inserts a row, filling the row metadata (times, creator, owner). Returns the stored row. */
  async insert<T extends SyncedTable>(
    table: T,
    row: Omit<Insertable<Database[T]>, 'created_at' | 'updated_at' | 'created_by' | 'owner_id' | 'deleted_at'> & {
      id: string;
      owner_id?: string;
    },
  ): Promise<Row> {
    const full: Row = {
      ...row,
      owner_id: row.owner_id ?? this.userId,
      created_at: this.now,
      updated_at: this.now,
      created_by: this.userId,
      deleted_at: null,
    };
    await this.db.insertInto(table).values(full as never).execute();
    this.remember(table, row.id, full, null);
    return full;
  }

  /**
   * Sets the given fields on one live or deleted row; only fields whose value really changes are
   * written and recorded. Returns the changed fields (empty when nothing changed).
   */
  async update(table: SyncedTable, id: string, fields: Row): Promise<Row> {
    const keys = Object.keys(fields);
    if (keys.length === 0) return {};
    const current = (await this.db
      .selectFrom(table)
      .select(keys as never[])
      .where('id', '=', id)
      .executeTakeFirst()) as Row | undefined;
    if (!current) return {};
    const changed: Row = {};
    const before: Row = {};
    for (const k of keys) {
      if (!same(current[k], fields[k])) {
        changed[k] = fields[k];
        before[k] = current[k];
      }
    }
    if (Object.keys(changed).length === 0) return {};
    // A caller that restores a record (an import's undo) gives its updated_at back too.
    if (!keys.includes('updated_at')) changed.updated_at = this.now;
    await this.db
      .updateTable(table)
      .set(changed as never)
      .where('id', '=', id)
      .execute();
    this.remember(table, id, changed, before);
    return changed;
  }

  /** Soft delete (a tombstone that syncs like any field). */
  softDelete(table: SyncedTable, id: string): Promise<Row> {
    return this.update(table, id, { deleted_at: this.now });
  }

  /**
   * Soft-deletes these rows as `softDelete` does each (a row whose deleted_at would not change is
   * left alone; one missing is skipped), with one SELECT and one UPDATE for all: for an undo of
   * ~200k records per 100k imported rows. Keep `ids` to a few hundred (one JSON parameter each).
   */
  async softDeleteMany(table: SyncedTable, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    const { rows } = await sql<{ id: string; deleted_at: string | null }>`
      SELECT id, deleted_at FROM ${sql.table(table)} WHERE id IN (SELECT value FROM json_each(${list}))`.execute(this.db);
    // OR FAIL: no statement journal, which a multi-row UPDATE that may abort keeps of every index
    // page it changes (100k contacts: 2.8–3.0 s plain, 1.7–2.0 s so, 2.0–2.3 s one row at a time).
    // A failure half-way still undoes it all: the mutation's transaction rolls back.
    await sql`UPDATE OR FAIL ${sql.table(table)} SET deleted_at = ${this.now}, updated_at = ${this.now}
      WHERE id IN (SELECT value FROM json_each(${list})) AND deleted_at IS NOT ${this.now}`.execute(this.db);
    const current = new Map(rows.map((r) => [r.id, r.deleted_at]));
    // What `update` records for each, the unchanged objects shared by all of them (read only).
    const fields = { deleted_at: this.now, updated_at: this.now };
    const live = { deleted_at: null };
    for (const id of ids) {
      if (!current.has(id)) continue;
      const before = current.get(id)!;
      // Deleted once: a second time in the list it is unchanged, as for `softDelete`.
      current.delete(id);
      if (before !== this.now) this.keep({ table, id, fields, before: before === null ? live : { deleted_at: before } });
    }
  }

  restore(table: SyncedTable, id: string): Promise<Row> {
    return this.update(table, id, { deleted_at: null });
  }

  /** Removes a row for good; recorded so that other devices purge it too. */
  async purge(table: SyncedTable, id: string): Promise<void> {
    const current = (await this.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined;
    if (!current) return;
    await sql`DELETE FROM ${sql.table(table)} WHERE id = ${id}`.execute(this.db);
    this.remember(table, id, {}, current, true);
  }

  /**
   * Writes the change_log rows of the records touched so far now, through `log` (writeChangeLog),
   * rather than at the commit; the audit row still lists them. For a mutation that touches too many
   * records to keep both them and their change_log rows in memory (an import's undo), step by step.
   * A record touched again after it was logged would get a second change_log row: call it only
   * once the mutation is done with the records touched so far.
   */
  async logNow(log: (records: TouchedRecord[]) => Promise<void>): Promise<void> {
    const records = [...this.touched.values()];
    await log(records);
    for (const r of records) {
      r.logged = true;
      this.logged.push(r);
    }
    this.touched.clear();
  }

  /** Every touched record, in the order first touched (those logged by logNow first). */
  records(): TouchedRecord[] {
    return [...this.logged, ...this.touched.values()];
  }

  /** Adds facts to the mutation's audit row beside the caller's input (e.g. how many rows an export wrote). */
  note(facts: Record<string, unknown>): void {
    Object.assign(this.auditNotes, facts);
  }

  notes(): Record<string, unknown> {
    return this.auditNotes;
  }

  private remember(table: SyncedTable, id: string, fields: Row, before: Row | null, purged = false): void {
    const { rid: _rid, ...setFields } = fields;
    this.keep({ table, id, fields: setFields, before, ...(purged ? { purged } : {}) });
  }

  private keep(record: TouchedRecord): void {
    const key = `${record.table}:${record.id}`;
    const prior = this.touched.get(key);
    if (!prior) {
      this.touched.set(key, record);
      return;
    }
    // The same record touched twice in one mutation: one change_log row, first "before" kept.
    // New objects, never changed in place: softDeleteMany shares its `fields` and `before`.
    prior.fields = { ...prior.fields, ...record.fields };
    if (prior.before && record.before) prior.before = { ...record.before, ...prior.before };
    if (record.purged) prior.purged = true;
  }
}
