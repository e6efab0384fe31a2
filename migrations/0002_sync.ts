// Offline sync by file (DESIGN.md §4): the clock of every field, the base each change
// overwrote, the devices met, the bundles exchanged and the conflict inbox.
// Frozen once landed: add 0003_... instead of editing.
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  // The HLC each field of a change overwrote on its origin device ({col: hlc}, '$row': the row's
  // newest field clock then); null for inserts. Equal to the receiver's clock = sequential edit.
  `ALTER TABLE change_log ADD COLUMN base TEXT`,
  // The HLC that last set each field. col '*' = the insert (every field without its own entry);
  // col '$purged' = the row was deleted for good at that HLC.
  `CREATE TABLE field_clock (
     tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, hlc TEXT NOT NULL,
     PRIMARY KEY (tbl, row_id, col)) WITHOUT ROWID`,
  // Devices met: name, what each acknowledged holding (version vector JSON), last exchanges.
  `CREATE TABLE sync_peer (
     device_id TEXT PRIMARY KEY, name TEXT NOT NULL, acked TEXT NOT NULL DEFAULT '{}',
     last_export_at TEXT, last_import_at TEXT)`,
  `CREATE TABLE sync_history (
     id TEXT PRIMARY KEY, at TEXT NOT NULL, direction TEXT NOT NULL,
     device_id TEXT NOT NULL, device_name TEXT NOT NULL, file_name TEXT NOT NULL,
     changes INTEGER NOT NULL, bytes INTEGER NOT NULL,
     applied INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0, conflicts INTEGER NOT NULL DEFAULT 0)`,
  `CREATE INDEX sync_history_at ON sync_history (at)`,
  // The conflict inbox (local only, never exported): the losing value of a concurrent edit.
  `CREATE TABLE sync_conflict (
     id TEXT PRIMARY KEY, created_at TEXT NOT NULL, kind TEXT NOT NULL,
     tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL,
     local_value TEXT, remote_value TEXT, local_hlc TEXT NOT NULL, remote_hlc TEXT NOT NULL,
     winner TEXT NOT NULL, resolved_at TEXT, kept TEXT)`,
  `CREATE INDEX sync_conflict_open ON sync_conflict (created_at) WHERE resolved_at IS NULL`,
  `CREATE INDEX sync_conflict_row ON sync_conflict (tbl, row_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
