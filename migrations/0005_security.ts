// Users, roles and security (issue #5): sign-in names, teams (manager_id), custom roles, records
// shared with a user, each user's second factor on this device, and indexes for the audit screen
// and for record visibility (owner lookups on the sales tables).
// `roles` and `record_shares` sync and carry the row metadata; `user_auth` is local to this device
// (secrets never travel in a sync bundle). Passwords are not in the database at all: they unwrap
// the database key from the key file beside it (src/main/security/).
// Frozen once landed: add 0006_... instead of editing.
import { sql, type Kysely } from 'kysely';

const ROW_META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  deleted_at TEXT`;

const STATEMENTS = [
  // login: the sign-in name, lower case, unique among live users. manager_id: whose team the user
  // is in (a manager sees the records of the users who report to them). disabled_at: may not sign in.
  `ALTER TABLE users ADD COLUMN login TEXT`,
  `ALTER TABLE users ADD COLUMN manager_id TEXT`,
  `ALTER TABLE users ADD COLUMN disabled_at TEXT`,
  `CREATE UNIQUE INDEX users_login ON users (login) WHERE login IS NOT NULL AND deleted_at IS NULL`,

  // Custom roles; the built-in ones (admin, manager, sales, service, marketing) live in code.
  // permissions: JSON array of permission names. scope: own | team | all (record visibility).
  `CREATE TABLE roles (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, permissions TEXT NOT NULL DEFAULT '[]',
     scope TEXT NOT NULL DEFAULT 'own', ${ROW_META})`,

  // A record (tbl, row_id) its owner shared with another user, who then sees it too.
  `CREATE TABLE record_shares (
     id TEXT PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, user_id TEXT NOT NULL, ${ROW_META})`,
  `CREATE INDEX record_shares_user ON record_shares (user_id, tbl, row_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX record_shares_row ON record_shares (tbl, row_id)`,

  // This device's sign-in extras per user: TOTP secret (base32), recovery codes (JSON array of
  // scrypt hashes, a used one removed), when the password last changed, the last sign-in.
  `CREATE TABLE user_auth (
     user_id TEXT PRIMARY KEY, totp_secret TEXT, totp_enabled_at TEXT,
     recovery_codes TEXT NOT NULL DEFAULT '[]', password_changed_at TEXT, last_login_at TEXT)`,

  // REPLACE INTO deletes without firing the delete trigger of 0001: refuse an insert over a kept row.
  `CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
     WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE INDEX audit_log_user ON audit_log (user_id, at)`,
  `CREATE INDEX audit_log_action ON audit_log (action, at)`,

  `CREATE INDEX opportunities_owner ON opportunities (owner_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX quotes_owner ON quotes (owner_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX orders_owner ON orders (owner_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX tasks_owner ON tasks (owner_id, due_at) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
