// Import and export (issue #3): the history of imports (for undo) and saved column mappings.
// Both local to this device (not synced). Frozen once landed: add 0004_... instead of editing.
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  // created_ids: JSON {"contacts": [...], "companies": [...]} of the records the import created.
  `CREATE TABLE imports (
     id TEXT PRIMARY KEY, at TEXT NOT NULL, user_id TEXT NOT NULL, file_name TEXT NOT NULL,
     entity TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL,
     skipped INTEGER NOT NULL, rejected INTEGER NOT NULL,
     created_ids TEXT NOT NULL DEFAULT '{}', updated_ids TEXT NOT NULL DEFAULT '[]', undone_at TEXT)`,
  `CREATE INDEX imports_at ON imports (at)`,
  `CREATE TABLE import_mappings (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, entity TEXT NOT NULL, columns TEXT NOT NULL,
     created_at TEXT NOT NULL, UNIQUE (entity, name))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
