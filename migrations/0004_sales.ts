// Sales (issue #4): leads, pipelines and opportunities, products, quotes and orders with their line
// items, tasks, and the local reminder state. Every table but `reminders` syncs (listed in
// SYNCED_TABLES) and carries the row metadata. Money is an integer in minor units (fen) with its
// currency; rates and discounts are integer basis points (1300 = 13 %).
// Frozen once landed: add 0005_... instead of editing.
import { sql, type Kysely } from 'kysely';

const ROW_META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  deleted_at TEXT`;

const STATEMENTS = [
  // Editable choice lists: list = 'lead_source' | 'lost_reason' | 'invalid_reason'.
  `CREATE TABLE picklist_items (
     id TEXT PRIMARY KEY, list TEXT NOT NULL, label TEXT NOT NULL,
     position INTEGER NOT NULL DEFAULT 0, ${ROW_META})`,
  `CREATE INDEX picklist_items_list ON picklist_items (list, position)`,

  // status: new | contacted | following | converted | invalid. Follow-ups are activities with
  // subject_type 'lead'. converted_*: what the lead became.
  `CREATE TABLE leads (
     rid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL, name_py TEXT NOT NULL DEFAULT '',
     company_name TEXT, title TEXT, mobile TEXT, email TEXT, wechat TEXT,
     source TEXT, status TEXT NOT NULL DEFAULT 'new', invalid_reason TEXT,
     next_follow_up_at TEXT, last_follow_up_at TEXT, notes TEXT,
     converted_at TEXT, converted_company_id TEXT, converted_contact_id TEXT, converted_opportunity_id TEXT,
     ${ROW_META})`,
  `CREATE INDEX leads_status ON leads (status, next_follow_up_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX leads_owner ON leads (owner_id, next_follow_up_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX leads_updated ON leads (updated_at)`,

  // kind: open | won | lost. probability: the stage's default win probability, 0-100.
  `CREATE TABLE pipelines (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,
     is_default INTEGER NOT NULL DEFAULT 0, ${ROW_META})`,
  `CREATE TABLE pipeline_stages (
     id TEXT PRIMARY KEY, pipeline_id TEXT NOT NULL, name TEXT NOT NULL,
     position INTEGER NOT NULL DEFAULT 0, probability INTEGER NOT NULL DEFAULT 0,
     kind TEXT NOT NULL DEFAULT 'open', ${ROW_META})`,
  `CREATE INDEX pipeline_stages_pipeline ON pipeline_stages (pipeline_id, position)`,

  // status: open | won | lost (follows the stage's kind). competitors: JSON string[].
  // amount: the line items' total when there are items, else entered by hand.
  `CREATE TABLE opportunities (
     rid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     company_id TEXT, contact_id TEXT, lead_id TEXT,
     pipeline_id TEXT NOT NULL, stage_id TEXT NOT NULL, stage_entered_at TEXT NOT NULL,
     amount INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL DEFAULT 'CNY',
     probability INTEGER NOT NULL DEFAULT 0, expected_close TEXT,
     competitors TEXT NOT NULL DEFAULT '[]',
     status TEXT NOT NULL DEFAULT 'open', closed_at TEXT, lost_reason TEXT, notes TEXT,
     ${ROW_META})`,
  `CREATE INDEX opportunities_stage ON opportunities (pipeline_id, stage_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX opportunities_close ON opportunities (status, expected_close) WHERE deleted_at IS NULL`,
  `CREATE INDEX opportunities_company ON opportunities (company_id)`,
  // One row per stage an opportunity entered; left_at null while it is there.
  `CREATE TABLE opportunity_stage_history (
     id TEXT PRIMARY KEY, opportunity_id TEXT NOT NULL, stage_id TEXT NOT NULL,
     entered_at TEXT NOT NULL, left_at TEXT, ${ROW_META})`,
  `CREATE INDEX opportunity_stage_history_opp ON opportunity_stage_history (opportunity_id, entered_at)`,

  // stock: units on hand (may go below zero only when allow_backorder).
  `CREATE TABLE products (
     rid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     sku TEXT NOT NULL, name TEXT NOT NULL, name_py TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '个',
     price INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL DEFAULT 'CNY',
     stock INTEGER NOT NULL DEFAULT 0, allow_backorder INTEGER NOT NULL DEFAULT 0,
     active INTEGER NOT NULL DEFAULT 1, notes TEXT, ${ROW_META})`,
  `CREATE INDEX products_sku ON products (sku) WHERE deleted_at IS NULL`,

  // Quote status: draft | sent | accepted | rejected | expired. number: Q-YYYYMMDD-NNN.
  `CREATE TABLE quotes (
     rid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE, number TEXT NOT NULL,
     opportunity_id TEXT, company_id TEXT, contact_id TEXT,
     status TEXT NOT NULL DEFAULT 'draft', currency TEXT NOT NULL DEFAULT 'CNY',
     subtotal INTEGER NOT NULL DEFAULT 0, discount INTEGER NOT NULL DEFAULT 0,
     tax_rate INTEGER NOT NULL DEFAULT 0, tax INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL DEFAULT 0,
     valid_until TEXT, notes TEXT, ${ROW_META})`,
  `CREATE INDEX quotes_opportunity ON quotes (opportunity_id)`,
  // Order status: pending | confirmed | shipped | completed | cancelled. number: SO-YYYYMMDD-NNN.
  `CREATE TABLE orders (
     rid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE, number TEXT NOT NULL,
     quote_id TEXT, opportunity_id TEXT, company_id TEXT, contact_id TEXT,
     status TEXT NOT NULL DEFAULT 'pending', currency TEXT NOT NULL DEFAULT 'CNY',
     subtotal INTEGER NOT NULL DEFAULT 0, discount INTEGER NOT NULL DEFAULT 0,
     tax_rate INTEGER NOT NULL DEFAULT 0, tax INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL DEFAULT 0,
     confirmed_at TEXT, shipped_at TEXT, completed_at TEXT, cancelled_at TEXT, notes TEXT, ${ROW_META})`,
  `CREATE INDEX orders_status ON orders (status, created_at)`,
  // Line items of an opportunity, a quote or an order (parent_type). discount: basis points off
  // the line; amount = round(quantity * unit_price * (10000 - discount) / 10000).
  `CREATE TABLE line_items (
     id TEXT PRIMARY KEY, parent_type TEXT NOT NULL, parent_id TEXT NOT NULL,
     product_id TEXT, name TEXT NOT NULL, unit TEXT, quantity INTEGER NOT NULL DEFAULT 1,
     unit_price INTEGER NOT NULL DEFAULT 0, discount INTEGER NOT NULL DEFAULT 0,
     amount INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL DEFAULT 0, ${ROW_META})`,
  `CREATE INDEX line_items_parent ON line_items (parent_type, parent_id, position)`,

  // priority: low | normal | high | urgent. subject_type: contact | company | lead | opportunity.
  // repeat: JSON {freq: daily|weekly|monthly|yearly, interval} or null; completing a repeating
  // task creates the next one (next_task_id) so that undo can take it back.
  `CREATE TABLE tasks (
     rid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL, notes TEXT, due_at TEXT, all_day INTEGER NOT NULL DEFAULT 0,
     remind_at TEXT, priority TEXT NOT NULL DEFAULT 'normal',
     subject_type TEXT, subject_id TEXT, repeat TEXT,
     done_at TEXT, next_task_id TEXT, ${ROW_META})`,
  `CREATE INDEX tasks_due ON tasks (done_at, due_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX tasks_subject ON tasks (subject_type, subject_id)`,

  // Reminders this device has shown (local, never synced): key = 'task:<id>:<remind_at>',
  // 'birthday:<contactId>:<yyyy>', 'holiday:<name>:<yyyy>'. A due reminder without a row
  // here is shown (also when it fell due while the app was closed).
  `CREATE TABLE reminders (
     key TEXT PRIMARY KEY, kind TEXT NOT NULL, due_at TEXT NOT NULL,
     shown_at TEXT NOT NULL, dismissed_at TEXT)`,
];

// The starting set-up, the same on every device (fixed ids and times, so that two devices that
// never met hold identical rows and edits to them sync as edits). Admins rename or extend them.
const SEEDED_AT = '2026-01-01T00:00:00.000Z';
const META = `'${SEEDED_AT}', '${SEEDED_AT}', 'owner', 'owner', NULL`;
const STAGES: [string, number, string][] = [
  ['初步接触', 10, 'open'],
  ['需求确认', 30, 'open'],
  ['方案报价', 60, 'open'],
  ['商务谈判', 80, 'open'],
  ['赢单', 100, 'won'],
  ['输单', 0, 'lost'],
];
const PICKLISTS: Record<string, string[]> = {
  lead_source: ['展会', '网站', '电话', '转介绍', '广告', '其他'],
  lost_reason: ['价格太高', '选择了竞争对手', '需求取消', '没有预算', '其他'],
  invalid_reason: ['联系不上', '没有需求', '重复线索', '信息有误', '其他'],
};
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const SEED = [
  `INSERT INTO pipelines (id, name, position, is_default, created_at, updated_at, created_by, owner_id, deleted_at)
     VALUES ('pipeline-default', '销售流程', 0, 1, ${META})`,
  ...STAGES.map(
    ([name, probability, kind], i) =>
      `INSERT INTO pipeline_stages (id, pipeline_id, name, position, probability, kind, created_at, updated_at, created_by, owner_id, deleted_at)
         VALUES ('stage-default-${i + 1}', 'pipeline-default', ${quote(name)}, ${i}, ${probability}, '${kind}', ${META})`,
  ),
  ...Object.entries(PICKLISTS).flatMap(([list, labels]) =>
    labels.map(
      (label, i) =>
        `INSERT INTO picklist_items (id, list, label, position, created_at, updated_at, created_by, owner_id, deleted_at)
           VALUES ('${list}-${i + 1}', '${list}', ${quote(label)}, ${i}, ${META})`,
    ),
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...STATEMENTS, ...SEED]) await sql.raw(statement).execute(db);
}
