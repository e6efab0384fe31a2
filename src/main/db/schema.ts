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
  /** A built-in role name (admin, manager, sales, service, marketing) or a custom role's id. */
  role: string;
  /** Sign-in name, lower case; null for the built-in owner of a single-user data folder. */
  login: string | null;
  manager_id: string | null;
  disabled_at: string | null;
}

export interface RolesTable extends RowMeta {
  id: string;
  name: string;
  /** JSON array of permission names. */
  permissions: string;
  scope: string;
}

export interface RecordSharesTable extends RowMeta {
  id: string;
  tbl: string;
  row_id: string;
  user_id: string;
}

/** Local to this device, never synced. */
export interface UserAuthTable {
  user_id: string;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  recovery_codes: Generated<string>;
  password_changed_at: string | null;
  last_login_at: string | null;
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

// Sales (0004_sales): see the migration for the meaning of each column.
export interface PicklistItemsTable extends RowMeta {
  id: string;
  list: string;
  label: string;
  position: number;
}

export interface LeadsTable extends RowMeta {
  rid: Generated<number>;
  id: string;
  name: string;
  name_py: string;
  company_name: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  source: string | null;
  status: string;
  invalid_reason: string | null;
  next_follow_up_at: string | null;
  last_follow_up_at: string | null;
  notes: string | null;
  converted_at: string | null;
  converted_company_id: string | null;
  converted_contact_id: string | null;
  converted_opportunity_id: string | null;
}

export interface PipelinesTable extends RowMeta {
  id: string;
  name: string;
  position: number;
  is_default: number;
}

export interface PipelineStagesTable extends RowMeta {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  kind: string;
}

export interface OpportunitiesTable extends RowMeta {
  rid: Generated<number>;
  id: string;
  name: string;
  company_id: string | null;
  contact_id: string | null;
  lead_id: string | null;
  pipeline_id: string;
  stage_id: string;
  stage_entered_at: string;
  amount: number;
  currency: string;
  probability: number;
  expected_close: string | null;
  competitors: string;
  status: string;
  closed_at: string | null;
  lost_reason: string | null;
  notes: string | null;
}

export interface OpportunityStageHistoryTable extends RowMeta {
  id: string;
  opportunity_id: string;
  stage_id: string;
  entered_at: string;
  left_at: string | null;
}

export interface ProductsTable extends RowMeta {
  rid: Generated<number>;
  id: string;
  sku: string;
  name: string;
  name_py: string;
  unit: string;
  price: number;
  currency: string;
  stock: number;
  allow_backorder: number;
  active: number;
  notes: string | null;
}

interface MoneyTotals {
  currency: string;
  subtotal: number;
  discount: number;
  tax_rate: number;
  tax: number;
  total: number;
  notes: string | null;
}

export interface QuotesTable extends RowMeta, MoneyTotals {
  rid: Generated<number>;
  id: string;
  number: string;
  opportunity_id: string | null;
  company_id: string | null;
  contact_id: string | null;
  status: string;
  valid_until: string | null;
}

export interface OrdersTable extends RowMeta, MoneyTotals {
  rid: Generated<number>;
  id: string;
  number: string;
  quote_id: string | null;
  opportunity_id: string | null;
  company_id: string | null;
  contact_id: string | null;
  status: string;
  confirmed_at: string | null;
  shipped_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
}

export interface LineItemsTable extends RowMeta {
  id: string;
  parent_type: string;
  parent_id: string;
  product_id: string | null;
  name: string;
  unit: string | null;
  quantity: number;
  unit_price: number;
  discount: number;
  amount: number;
  position: number;
}

export interface TasksTable extends RowMeta {
  rid: Generated<number>;
  id: string;
  title: string;
  notes: string | null;
  due_at: string | null;
  all_day: number;
  remind_at: string | null;
  priority: string;
  subject_type: string | null;
  subject_id: string | null;
  repeat: string | null;
  done_at: string | null;
  next_task_id: string | null;
}

export interface RemindersTable {
  key: string;
  kind: string;
  due_at: string;
  shown_at: string;
  dismissed_at: string | null;
}

export interface Database {
  meta: MetaTable;
  users: UsersTable;
  roles: RolesTable;
  record_shares: RecordSharesTable;
  user_auth: UserAuthTable;
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
  picklist_items: PicklistItemsTable;
  leads: LeadsTable;
  pipelines: PipelinesTable;
  pipeline_stages: PipelineStagesTable;
  opportunities: OpportunitiesTable;
  opportunity_stage_history: OpportunityStageHistoryTable;
  products: ProductsTable;
  quotes: QuotesTable;
  orders: OrdersTable;
  line_items: LineItemsTable;
  tasks: TasksTable;
  reminders: RemindersTable;
}

/** Tables whose rows sync between devices and are recorded in change_log. */
export type SyncedTable =
  | 'users'
  | 'companies'
  | 'contacts'
  | 'tags'
  | 'taggings'
  | 'custom_fields'
  | 'activities'
  | 'saved_views'
  | 'picklist_items'
  | 'leads'
  | 'pipelines'
  | 'pipeline_stages'
  | 'opportunities'
  | 'opportunity_stage_history'
  | 'products'
  | 'quotes'
  | 'orders'
  | 'line_items'
  | 'tasks'
  | 'roles'
  | 'record_shares';

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
  'picklist_items',
  'leads',
  'pipelines',
  'pipeline_stages',
  'opportunities',
  'opportunity_stage_history',
  'products',
  'quotes',
  'orders',
  'line_items',
  'tasks',
  'roles',
  'record_shares',
];
