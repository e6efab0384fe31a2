// The first schema: customers (companies, contacts), tags, custom fields, timeline, saved views,
// and the two logs every later domain relies on (change_log for sync, audit_log for security).
// Frozen: never edit a landed migration; add 0002_... instead.
import { sql, type Kysely } from 'kysely';

// Columns every synced domain row carries (DESIGN.md §3).
const ROW_META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  deleted_at TEXT`;

const STATEMENTS = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE users (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, ${ROW_META})`,
  `CREATE TABLE companies (
     rid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     name_py TEXT NOT NULL,
     name_key TEXT NOT NULL,
     industry TEXT, size TEXT,
     province TEXT, city TEXT, district TEXT, address TEXT,
     website TEXT, phone TEXT, source TEXT,
     category TEXT NOT NULL DEFAULT 'prospect',
     notes TEXT,
     custom TEXT NOT NULL DEFAULT '{}',
     last_contacted_at TEXT,
     ${ROW_META})`,
  `CREATE TABLE contacts (
     rid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     name_py TEXT NOT NULL,
     name_initials TEXT NOT NULL,
     name_key TEXT NOT NULL,
     gender TEXT NOT NULL DEFAULT 'unknown',
     title TEXT,
     mobiles TEXT NOT NULL DEFAULT '[]',
     landline TEXT,
     emails TEXT NOT NULL DEFAULT '[]',
     wechat TEXT, qq TEXT,
     province TEXT, city TEXT, district TEXT, address TEXT,
     birthday TEXT,
     company_id TEXT,
     notes TEXT,
     custom TEXT NOT NULL DEFAULT '{}',
     last_contacted_at TEXT,
     ${ROW_META})`,
  `CREATE TABLE tags (id TEXT PRIMARY KEY, name TEXT NOT NULL, color TEXT NOT NULL, ${ROW_META})`,
  `CREATE TABLE taggings (
     id TEXT PRIMARY KEY, tag_id TEXT NOT NULL, record_id TEXT NOT NULL, ${ROW_META})`,
  `CREATE TABLE custom_fields (
     id TEXT PRIMARY KEY, entity TEXT NOT NULL, label TEXT NOT NULL, type TEXT NOT NULL,
     options TEXT NOT NULL DEFAULT '[]', position INTEGER NOT NULL DEFAULT 0, ${ROW_META})`,
  `CREATE TABLE activities (
     id TEXT PRIMARY KEY,
     subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
     company_id TEXT,
     kind TEXT NOT NULL, occurred_at TEXT NOT NULL, content TEXT NOT NULL,
     ${ROW_META})`,
  `CREATE TABLE saved_views (
     id TEXT PRIMARY KEY, entity TEXT NOT NULL, name TEXT NOT NULL,
     filter TEXT NOT NULL DEFAULT '{}', sort TEXT NOT NULL, dir TEXT NOT NULL, ${ROW_META})`,

  // One row per touched record per mutation: only the columns it set (DESIGN.md §4).
  `CREATE TABLE change_log (
     seq INTEGER PRIMARY KEY,
     hlc TEXT NOT NULL,
     device_id TEXT NOT NULL,
     tbl TEXT NOT NULL,
     row_id TEXT NOT NULL,
     fields TEXT NOT NULL,
     UNIQUE (device_id, hlc, tbl, row_id))`,
  `CREATE INDEX change_log_row ON change_log (tbl, row_id)`,
  `CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     user_id TEXT NOT NULL,
     action TEXT NOT NULL,
     entity TEXT,
     entity_ids TEXT NOT NULL DEFAULT '[]',
     before TEXT,
     after TEXT,
     input TEXT)`,
  `CREATE INDEX audit_log_at ON audit_log (at)`,
  // The audit log is append-only: not even the application may rewrite it.
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,

  // Derived search indexes (perf-limits.md §3): contentless FTS5 with n-gram tokens made in
  // TypeScript; rowid = the record's rid. Not synced: rebuilt from the rows.
  `CREATE VIRTUAL TABLE contact_search USING fts5(name, py, company, phone, email,
     content='', contentless_delete=1, tokenize='unicode61')`,
  `CREATE VIRTUAL TABLE company_search USING fts5(name, py, phone, web,
     content='', contentless_delete=1, tokenize='unicode61')`,
  // Derived duplicate keys: normalised mobile, email and name(+company) per live record.
  `CREATE TABLE customer_keys (kind TEXT NOT NULL, value TEXT NOT NULL, record_id TEXT NOT NULL)`,
  `CREATE INDEX customer_keys_value ON customer_keys (kind, value)`,
  `CREATE INDEX customer_keys_record ON customer_keys (record_id)`,

  // Keyset paging per sort, only over live rows (perf-limits.md §4).
  ...['contacts', 'companies'].flatMap((t) => [
    `CREATE INDEX ${t}_by_name ON ${t} (name_py, rid) WHERE deleted_at IS NULL`,
    `CREATE INDEX ${t}_by_updated ON ${t} (updated_at, rid) WHERE deleted_at IS NULL`,
    `CREATE INDEX ${t}_by_created ON ${t} (created_at, rid) WHERE deleted_at IS NULL`,
    `CREATE INDEX ${t}_by_contacted ON ${t} (last_contacted_at, rid) WHERE deleted_at IS NULL`,
    `CREATE INDEX ${t}_by_owner ON ${t} (owner_id, updated_at, rid) WHERE deleted_at IS NULL`,
    `CREATE INDEX ${t}_by_city ON ${t} (city, updated_at, rid) WHERE deleted_at IS NULL`,
    `CREATE INDEX ${t}_trash ON ${t} (deleted_at, rid) WHERE deleted_at IS NOT NULL`,
  ]),
  `CREATE INDEX companies_by_category ON companies (category, updated_at, rid) WHERE deleted_at IS NULL`,
  // Exact-name matches for search ranking (a name, its full pinyin or initials typed whole).
  `CREATE INDEX contacts_by_name_key ON contacts (name_key) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_by_initials ON contacts (name_initials) WHERE deleted_at IS NULL`,
  `CREATE INDEX contacts_by_company ON contacts (company_id, updated_at, rid) WHERE deleted_at IS NULL`,
  `CREATE INDEX taggings_by_tag ON taggings (tag_id, record_id) WHERE deleted_at IS NULL`,
  // Not partial: a save looks a (record, tag) link up whether it is live or not (setTagging).
  `CREATE INDEX taggings_by_record ON taggings (record_id, tag_id)`,
  `CREATE INDEX activities_timeline ON activities (subject_id, occurred_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX activities_by_company ON activities (company_id, occurred_at) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
