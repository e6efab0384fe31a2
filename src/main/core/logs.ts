// The two logs a committed mutation leaves: change_log (what sync sends, one row per touched
// record with only the fields it set) and audit_log (who did what, before and after).
import type { Insertable, Kysely } from 'kysely';
import type { ChangeLogTable, Database } from '../db/schema';
import type { TouchedRecord } from './changes';
import type { AppState } from './context';

/** A purge travels as this marker; the sync merge deletes the row for good. */
export const PURGED_FIELD = '$purged';
/** field_clock column of an insert: the clock of every field without an entry of its own. */
export const ROW_CLOCK = '*';
/** base key holding the row's newest field clock when the change was made (edit-vs-delete). */
export const ROW_BASE = '$row';

type Sqlite = AppState['db']['sqlite'];
type Stmt = import('better-sqlite3-multiple-ciphers').Statement<unknown[]>;

interface ClockStatements {
  read: Stmt;
  upsert: Stmt;
  clear: Stmt;
  /** Closes the open field conflicts of one field: a person here set it again (at, tbl, row, col). */
  supersede: Stmt;
}
const clockStatements = new WeakMap<Sqlite, ClockStatements>();

/** field_clock statements (prepared once per connection; they run inside the caller's transaction). */
export function fieldClocks(sqlite: Sqlite): ClockStatements {
  let s = clockStatements.get(sqlite);
  if (!s) {
    s = {
      read: sqlite.prepare('SELECT col, hlc FROM field_clock WHERE tbl = ? AND row_id = ?'),
      upsert: sqlite.prepare(`INSERT INTO field_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?)
        ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc`),
      clear: sqlite.prepare('DELETE FROM field_clock WHERE tbl = ? AND row_id = ?'),
      supersede: sqlite.prepare(`UPDATE sync_conflict SET resolved_at = ?, kept = 'superseded'
        WHERE tbl = ? AND row_id = ? AND col = ? AND kind = 'field' AND resolved_at IS NULL`),
    };
    clockStatements.set(sqlite, s);
  }
  return s;
}

/** change_log rows per INSERT. */
const LOG_STEP = 500;

/**
 * One change_log row per touched record (but those logged already: ChangeSet.logNow), each with a
 * fresh HLC, and the field clocks kept in step: `base` records the clock each set field had before
 * (what the sync merge compares to tell a sequential edit from a concurrent one). Written LOG_STEP
 * rows at a time, so that a large mutation's rows are never all in memory at once.
 */
export async function writeChangeLog(trx: Kysely<Database>, app: AppState, records: TouchedRecord[]): Promise<void> {
  if (records.length === 0) return;
  const clocks = fieldClocks(app.db.sqlite);
  let rows: ChangeLogRow[] = [];
  for (const r of records) {
    if (r.logged) continue;
    rows.push(changeLogRow(app, clocks, r));
    if (rows.length === LOG_STEP) {
      await trx.insertInto('change_log').values(rows).execute();
      rows = [];
    }
  }
  if (rows.length > 0) await trx.insertInto('change_log').values(rows).execute();
}

type ChangeLogRow = Insertable<ChangeLogTable>;

/** A record's change_log row, its field clocks set and the inbox entries it settles. */
function changeLogRow(app: AppState, clocks: ClockStatements, r: TouchedRecord): ChangeLogRow {
  const hlc = app.clock.send();
  let base: Record<string, string | null> | null = null;
  if (r.purged) {
    base = { [ROW_BASE]: newestClock(clocks.read.all(r.table, r.id) as ClockRow[]) };
    clocks.clear.run(r.table, r.id);
    clocks.upsert.run(r.table, r.id, PURGED_FIELD, hlc);
  } else if (r.before === null) {
    clocks.upsert.run(r.table, r.id, ROW_CLOCK, hlc);
  } else {
    const known = clocks.read.all(r.table, r.id) as ClockRow[];
    const byCol = new Map(known.map((k) => [k.col, k.hlc]));
    const star = byCol.get(ROW_CLOCK) ?? null;
    base = { [ROW_BASE]: newestClock(known) };
    for (const col of Object.keys(r.fields)) {
      base[col] = byCol.get(col) ?? star;
      clocks.upsert.run(r.table, r.id, col, hlc);
      // A person here set the field again, after every value in the inbox about it: those
      // entries are settled (a resolve marks its own entry first, with the value kept).
      clocks.supersede.run(hlc.slice(0, 24), r.table, r.id, col);
    }
  }
  return {
    hlc,
    device_id: app.deviceId,
    tbl: r.table,
    row_id: r.id,
    fields: JSON.stringify(r.purged ? { [PURGED_FIELD]: true } : r.fields),
    base: base ? JSON.stringify(base) : null,
  };
}

interface ClockRow {
  col: string;
  hlc: string;
}

function newestClock(rows: ClockRow[]): string | null {
  let max: string | null = null;
  for (const r of rows) if (r.col !== PURGED_FIELD && (max === null || r.hlc > max)) max = r.hlc;
  return max;
}

const SECRET_KEY = /pass(word)?|secret|token|totp|code$/i;
const MAX_INPUT_CHARS = 20_000;
/** A string value longer than this is recorded as a marker with its length (e.g. a base64 bundle). */
export const MAX_AUDIT_STRING = 4096;

/**
 * Input as the caller sent it, with secrets blanked and huge payloads cut. Long strings are
 * replaced before stringifying, so a large payload (a sync bundle of hundreds of MB) is never
 * copied into a JSON text only to be cut.
 */
export function auditInput(input: unknown): string | null {
  if (input === undefined) return null;
  const text = JSON.stringify(capDepth(input, MAX_AUDIT_DEPTH), (key, value: unknown) => {
    if (SECRET_KEY.test(key)) return '***';
    if (typeof value === 'string' && value.length > MAX_AUDIT_STRING) return `[${value.length} chars]`;
    return value;
  });
  if (text === undefined) return null;
  return text.length > MAX_INPUT_CHARS ? `${text.slice(0, MAX_INPUT_CHARS)}…` : text;
}

/** Deeper input (only a hostile caller sends it: zod drops unknown keys) is cut, not stringified. */
const MAX_AUDIT_DEPTH = 32;

/** Plain arrays and objects below `depth` levels become a marker, so stringifying never overflows the stack. */
function capDepth(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const plain = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;
  if (!plain) return value;
  if (depth === 0) return '[…]';
  if (Array.isArray(value)) return value.map((v) => capDepth(v, depth - 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: capDepth(v, depth - 1), enumerable: true });
  return out;
}

export interface AuditEntry {
  at: string;
  userId: string;
  channel: string;
  entity: string | null;
  records: TouchedRecord[];
  input: unknown;
  /** What the handler noted for the row (ChangeSet.note), kept beside the input's fields. */
  notes?: Record<string, unknown>;
}

function withNotes(input: unknown, notes: Record<string, unknown> | undefined): unknown {
  if (!notes || Object.keys(notes).length === 0) return input;
  const plain = typeof input === 'object' && input !== null && !Array.isArray(input);
  return plain ? { ...input, ...notes } : { input, ...notes };
}

export async function writeAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const { records } = entry;
  const ids = new Set<string>();
  for (const r of records) ids.add(r.id);
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      user_id: entry.userId,
      action: entry.channel,
      entity: entry.entity,
      entity_ids: jsonJoin(ids, (id) => JSON.stringify(id), '[', ']'),
      before: byRecord(records, (r) => r.before),
      after: byRecord(records, (r) => (r.purged ? null : r.fields)),
      input: auditInput(withNotes(entry.input, entry.notes)),
    })
    .execute();
}

/**
 * `{"table:id": value, …}` of the records, or null for none: the text JSON.stringify(Object.fromEntries(…))
 * gives (a record is touched once per mutation, and "table:id" is never an array index), without the
 * object, which holds ~2M entries for the undo of a 1M-row import. A value shared by consecutive
 * records (ChangeSet.softDeleteMany's) is stringified once.
 */
function byRecord(records: TouchedRecord[], value: (r: TouchedRecord) => unknown): string | null {
  if (records.length === 0) return null;
  let last: unknown = NOTHING;
  let lastJson = '';
  return jsonJoin(records, (r) => {
    const v = value(r);
    if (v !== last) [last, lastJson] = [v, JSON.stringify(v)];
    return `${JSON.stringify(`${r.table}:${r.id}`)}:${lastJson}`;
  }, '{', '}');
}

/** No value a record holds. */
const NOTHING = Symbol('nothing');

/** Items joined per JSON_PART, then the parts: one flat string at the end, never a list of every item's text. */
const JSON_PART = 1000;

/** JSON text of the items (`json` of each) between `open` and `close`, comma separated. */
function jsonJoin<T>(items: Iterable<T>, json: (item: T) => string, open: string, close: string): string {
  const parts: string[] = [];
  let part: string[] = [];
  for (const item of items) {
    part.push(json(item));
    if (part.length === JSON_PART) {
      parts.push(part.join(','));
      part = [];
    }
  }
  if (part.length > 0) parts.push(part.join(','));
  if (parts.length === 0) return open + close;
  // The brackets inside the first and last parts: the join is then the one copy of the text.
  parts[0] = open + parts[0]!;
  parts[parts.length - 1] += close;
  return parts.join(',');
}
