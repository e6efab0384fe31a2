// The fast path for large sample sets (`kehu demo`, the bench): prepared statements in large
// transactions (perf-limits.md §1–2), writing the same rows, change_log entries and search index
// as the handlers would, with the search feature's pure token functions.
import type { Database as Sqlite, Statement } from 'better-sqlite3';
import { HybridClock } from '../../core/hlc';
import { newId } from '../../core/ids';
import { OWNER_ID } from '../../core/session';
import { companyKeys, companySearchRow, contactKeys, contactSearchRow } from '../search';
import { generateWorld, makeTags, type SeedGroup, type SeedRow } from './generate';

export interface BulkOptions {
  contacts: number;
  seed: number;
  /** The running app's clock, so its next mutation sorts after the seeded rows. */
  clock?: HybridClock;
  onProgress?: (contacts: number) => void;
}

export interface BulkResult {
  contacts: number;
  companies: number;
  activities: number;
}

// Contacts per transaction: big commits avoid rewriting the same index pages (perf-limits §2).
const BATCH = 50_000;

const meta = (sqlite: Sqlite, key: string) =>
  (sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;

function insertStatement(sqlite: Sqlite, table: string, columns: string[]): Statement {
  return sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
}

const ROW_META = ['id', 'created_at', 'updated_at', 'created_by', 'owner_id', 'deleted_at'];

class BulkWriter {
  private readonly stmts = new Map<string, Statement>();
  private readonly changeLog: Statement;
  private readonly contactFts: Statement;
  private readonly companyFts: Statement;
  private readonly key: Statement;
  readonly counts: BulkResult = { contacts: 0, companies: 0, activities: 0 };

  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: HybridClock,
  ) {
    this.changeLog = sqlite.prepare('INSERT INTO change_log (hlc, device_id, tbl, row_id, fields) VALUES (?, ?, ?, ?, ?)');
    this.contactFts = sqlite.prepare('INSERT INTO contact_search (rowid, name, py, company, phone, email) VALUES (?, ?, ?, ?, ?, ?)');
    this.companyFts = sqlite.prepare('INSERT INTO company_search (rowid, name, py, phone, web) VALUES (?, ?, ?, ?, ?)');
    this.key = sqlite.prepare('INSERT INTO customer_keys (kind, value, record_id) VALUES (?, ?, ?)');
  }

  /** Inserts a synced row and its change_log entry (all its fields, as a create records them). */
  insert(table: string, id: string, columns: Record<string, unknown>, createdAt: string): number {
    const row = { id, ...columns, created_at: createdAt, updated_at: createdAt, created_by: OWNER_ID, owner_id: OWNER_ID, deleted_at: null };
    let stmt = this.stmts.get(table);
    if (!stmt) {
      stmt = insertStatement(this.sqlite, table, [...ROW_META, ...Object.keys(columns)]);
      this.stmts.set(table, stmt);
    }
    const { lastInsertRowid } = stmt.run(row);
    this.changeLog.run(this.clock.send(), this.clock.device, table, id, JSON.stringify(row));
    return Number(lastInsertRowid);
  }

  tag(recordId: string, tagIds: string[], createdAt: string): void {
    for (const tagId of tagIds) this.insert('taggings', newId(), { tag_id: tagId, record_id: recordId }, createdAt);
  }

  group({ company, contacts }: SeedGroup): void {
    if (company) this.company(company);
    for (const person of contacts) {
      const c = person.columns;
      const rid = this.insert('contacts', person.id, c, person.createdAt);
      const fields = {
        name: String(c.name),
        companyId: company?.id ?? null,
        companyName: company ? String(company.columns.name) : null,
        mobiles: JSON.parse(String(c.mobiles)) as string[],
        landline: c.landline as string | null,
        emails: JSON.parse(String(c.emails)) as string[],
      };
      const s = contactSearchRow(fields);
      this.contactFts.run(rid, s.name, s.py, s.company, s.phone, s.email);
      for (const k of contactKeys(fields)) this.key.run(k.kind, k.value, person.id);
      this.tag(person.id, person.tagIds, person.createdAt);
      for (const a of person.activities) this.activity(a);
      this.counts.contacts += 1;
    }
  }

  private company(company: SeedRow & { tagIds: string[] }): void {
    const c = company.columns;
    const rid = this.insert('companies', company.id, c, company.createdAt);
    const fields = { name: String(c.name), phone: c.phone as string | null, website: c.website as string | null };
    const s = companySearchRow(fields);
    this.companyFts.run(rid, s.name, s.py, s.phone, s.web);
    for (const k of companyKeys(fields)) this.key.run(k.kind, k.value, company.id);
    this.tag(company.id, company.tagIds, company.createdAt);
    this.counts.companies += 1;
  }

  private activity(a: SeedRow): void {
    this.insert('activities', a.id, a.columns, a.createdAt);
    this.counts.activities += 1;
  }
}

/** Seeds `contacts` contacts (and their companies, tags and timeline) into an open database. */
export function seedBulk(sqlite: Sqlite, opts: BulkOptions): BulkResult {
  const device = meta(sqlite, 'device_id');
  if (!device) throw new Error('seedBulk needs an initialised database (meta.device_id)');
  const clock = opts.clock ?? new HybridClock(device, meta(sqlite, 'hlc'));
  const writer = new BulkWriter(sqlite, clock);
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144'); // 256 MiB while loading; random-key indexes outgrow 16 MiB
  try {
    const tags = makeTags();
    const now = new Date().toISOString();
    sqlite.transaction(() => tags.forEach((t) => writer.insert('tags', t.id, { name: t.name, color: t.color }, now)))();
    let batch: SeedGroup[] = [];
    let size = 0;
    const flush = sqlite.transaction((groups: SeedGroup[]) => groups.forEach((g) => writer.group(g)));
    for (const group of generateWorld(opts.seed, opts.contacts, tags)) {
      batch.push(group);
      size += group.contacts.length;
      if (size >= BATCH) {
        flush(batch);
        opts.onProgress?.(writer.counts.contacts);
        batch = [];
        size = 0;
      }
    }
    flush(batch);
    finish(sqlite, clock, writer.counts);
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  opts.onProgress?.(writer.counts.contacts);
  return writer.counts;
}

/** Merges the FTS segments (faster queries), saves the clock and leaves one audit entry. */
function finish(sqlite: Sqlite, clock: HybridClock, counts: BulkResult): void {
  sqlite.exec(`INSERT INTO contact_search (contact_search) VALUES ('optimize');
               INSERT INTO company_search (company_search) VALUES ('optimize');`);
  sqlite
    .prepare(`INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    .run(clock.current());
  sqlite
    .prepare(`INSERT INTO audit_log (at, user_id, action, entity, after) VALUES (?, ?, 'demo.seed', 'demo', ?)`)
    .run(new Date().toISOString(), OWNER_ID, JSON.stringify(counts));
}
