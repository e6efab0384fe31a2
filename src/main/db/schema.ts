// Kysely table types, matching migrations/. Snake case as stored; features map rows to the
// camelCase shapes of src/shared.
import type { Generated } from 'kysely';

interface RowMeta {
  created_at: string;
  updated_at: string;
  created_by: string;
  owner_id: string;
  deleted_at: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UsersTable extends RowMeta {
  id: string;
  name: string;
  role: string;
}

export interface CompaniesTable extends RowMeta {
  rid: Generated<number>;
  id: string;
  name: string;
  name_py: string;
  name_key: string;
  industry: string | null;
  size: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  website: string | null;
  phone: string | null;
  source: string | null;
  category: string;
  notes: string | null;
  custom: string;
  last_contacted_at: string | null;
}

export interface ContactsTable extends RowMeta {
  rid: Generated<number>;
  id: string;
  name: string;
  name_py: string;
  name_initials: string;
  name_key: string;
  gender: string;
  title: string | null;
  mobiles: string;
  landline: string | null;
  emails: string;
  wechat: string | null;
  qq: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  birthday: string | null;
  company_id: string | null;
  notes: string | null;
  custom: string;
  last_contacted_at: string | null;
}

export interface TagsTable extends RowMeta {
  id: string;
  name: string;
  color: string;
}

export interface TaggingsTable extends RowMeta {
  id: string;
  tag_id: string;
  record_id: string;
}

export interface CustomFieldsTable extends RowMeta {
  id: string;
  entity: string;
  label: string;
  type: string;
  options: string;
  position: number;
}

export interface ActivitiesTable extends RowMeta {
  id: string;
  subject_type: string;
  subject_id: string;
  company_id: string | null;
  kind: string;
  occurred_at: string;
  content: string;
}

export interface SavedViewsTable extends RowMeta {
  id: string;
  entity: string;
  name: string;
  filter: string;
  sort: string;
  dir: string;
}

export interface ChangeLogTable {
  seq: Generated<number>;
  hlc: string;
  device_id: string;
  tbl: string;
  row_id: string;
  fields: string;
  /** JSON {col: hlc} the change overwrote on its origin device; null for inserts (0002). */
  base: string | null;
}

export interface FieldClockTable {
  tbl: string;
  row_id: string;
  col: string;
  hlc: string;
}

export interface SyncPeerTable {
  device_id: string;
  name: string;
  acked: string;
  last_export_at: string | null;
  last_import_at: string | null;
}

export interface SyncHistoryTable {
  id: string;
  at: string;
  direction: string;
  device_id: string;
  device_name: string;
  file_name: string;
  changes: number;
  bytes: number;
  applied: number;
  skipped: number;
  conflicts: number;
}

export interface SyncConflictTable {
  id: string;
  created_at: string;
  kind: string;
  tbl: string;
  row_id: string;
  col: string;
  local_value: string | null;
  remote_value: string | null;
  local_hlc: string;
  remote_hlc: string;
  winner: string;
  resolved_at: string | null;
  kept: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  user_id: string;
  action: string;
  entity: string | null;
  entity_ids: string;
  before: string | null;
  after: string | null;
  input: string | null;
}

export interface CustomerKeysTable {
  kind: string;
  value: string;
  record_id: string;
}

/** Import history (local): counts and the records created, for undo. */
export interface ImportsTable {
  id: string;
  at: string;
  user_id: string;
  file_name: string;
  entity: string;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** JSON {"contacts": string[], "companies": string[]}. */
  created_ids: string;
  /** JSON string[] of existing records the import updated. */
  updated_ids: string;
  undone_at: string | null;
}

export interface ImportMappingsTable {
  id: string;
  name: string;
  entity: string;
  /** JSON {header: target}. */
  columns: string;
  created_at: string;
}

export interface Database {
  meta: MetaTable;
  users: UsersTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  tags: TagsTable;
  taggings: TaggingsTable;
  custom_fields: CustomFieldsTable;
  activities: ActivitiesTable;
  saved_views: SavedViewsTable;
  change_log: ChangeLogTable;
  audit_log: AuditLogTable;
  customer_keys: CustomerKeysTable;
  field_clock: FieldClockTable;
  sync_peer: SyncPeerTable;
  sync_history: SyncHistoryTable;
  sync_conflict: SyncConflictTable;
  imports: ImportsTable;
  import_mappings: ImportMappingsTable;
}

/** Tables whose rows sync between devices and are recorded in change_log. */
export type SyncedTable = 'users' | 'companies' | 'contacts' | 'tags' | 'taggings' | 'custom_fields' | 'activities' | 'saved_views';

/** The same list at run time (sync accepts changes to these tables only). */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  'users',
  'companies',
  'contacts',
  'tags',
  'taggings',
  'custom_fields',
  'activities',
  'saved_views',
];
