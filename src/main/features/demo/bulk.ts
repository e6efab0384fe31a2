// The fast path for large sample sets (`kehu demo`, the bench): prepared statements in large
// transactions (perf-limits.md §1–2), writing the same rows, change_log entries and search index
// as the handlers would, with the search feature's pure token functions.
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';
import { BulkRowWriter, dropIndexesOfEmptyTables, FTS_DEFAULT_HASHSIZE, setFtsHashsize } from '../../db/bulk-writer';
import { HybridClock } from '../../core/hlc';
import { newId } from '../../core/ids';
import { OWNER_ID } from '../../core/session';
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
const BATCH = 100_000;
/** Tables whose random-key indexes (names, dates, cities, phones) are built after a load into an empty table. */
const DEFERRED_INDEX_TABLES = ['contacts', 'companies', 'customer_keys'];
/** FTS5's in-memory term hash while loading: fewer, larger segments (perf-limits §3: −15%). */
const FTS_HASHSIZE = 64 * 2 ** 20;
/** Contacts whose search rows are written together (one FTS5 segment each, within the hash size). */
const FTS_CHUNK = 20_000;

const meta = (sqlite: Sqlite, key: string) =>
  (sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;

class BulkWriter {
  private readonly rows: BulkRowWriter;
  readonly counts: BulkResult = { contacts: 0, companies: 0, activities: 0 };

  constructor(sqlite: Sqlite, clock: HybridClock) {
    this.rows = new BulkRowWriter(sqlite, clock);
  }

  insert(table: string, id: string, columns: Record<string, unknown>, createdAt: string): number {
    return this.rows.insert(table, id, columns, createdAt);
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
        // Already made by the generator: pinyin is the dearest part of the search row.
        pinyin: { py: String(c.name_py), initials: String(c.name_initials) },
        companyId: company?.id ?? null,
        companyName: company ? String(company.columns.name) : null,
        mobiles: JSON.parse(String(c.mobiles)) as string[],
        landline: c.landline as string | null,
        emails: JSON.parse(String(c.emails)) as string[],
      };
      this.rows.indexContact(rid, person.id, fields);
      this.tag(person.id, person.tagIds, person.createdAt);
      for (const a of person.activities) this.activity(a);
      this.counts.contacts += 1;
    }
    if (this.rows.pendingSearchRows >= FTS_CHUNK) this.flushSearchRows();
  }

  flushSearchRows(): void {
    this.rows.flushSearchRows();
  }

  private company(company: SeedRow & { tagIds: string[] }): void {
    const c = company.columns;
    const rid = this.insert('companies', company.id, c, company.createdAt);
    const fields = { name: String(c.name), phone: c.phone as string | null, website: c.website as string | null };
    this.rows.indexCompany(rid, company.id, fields);
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
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144'); // 256 MiB while loading
  sqlite.pragma('wal_autocheckpoint = 0'); // one checkpoint at the end, not one per commit
  setFtsHashsize(sqlite, FTS_HASHSIZE);
  const deferred = sqlite.transaction(() => dropIndexesOfEmptyTables(sqlite, DEFERRED_INDEX_TABLES))();
  try {
    const tags = makeTags();
    const now = new Date().toISOString();
    sqlite.transaction(() => tags.forEach((t) => writer.insert('tags', t.id, { name: t.name, color: t.color }, now)))();
    // Streamed: each group is written as it is made (no batch of 100k groups held in memory), and
    // committed every BATCH contacts.
    const begin = sqlite.prepare('BEGIN');
    const commit = sqlite.prepare('COMMIT');
    let size = 0;
    begin.run();
    try {
      for (const group of generateWorld(opts.seed, opts.contacts, tags)) {
        writer.group(group);
        size += group.contacts.length;
        if (size >= BATCH) {
          writer.flushSearchRows();
          commit.run();
          opts.onProgress?.(writer.counts.contacts);
          size = 0;
          begin.run();
        }
      }
      writer.flushSearchRows();
      commit.run();
    } catch (e) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw e;
    }
  } finally {
    // Also after a failure: the schema must keep its indexes whatever was loaded.
    sqlite.transaction(() => deferred.forEach((ddl) => sqlite.exec(ddl)))();
    setFtsHashsize(sqlite, FTS_DEFAULT_HASHSIZE);
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
  finish(sqlite, clock, writer.counts);
  opts.onProgress?.(writer.counts.contacts);
  return writer.counts;
}

/** Merges the FTS segments (faster queries), saves the clock, leaves one audit entry, checkpoints. */
function finish(sqlite: Sqlite, clock: HybridClock, counts: BulkResult): void {
  sqlite.exec(`INSERT INTO contact_search (contact_search) VALUES ('optimize');
               INSERT INTO company_search (company_search) VALUES ('optimize');`);
  sqlite
    .prepare(`INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    .run(clock.current());
  sqlite
    .prepare(`INSERT INTO audit_log (at, user_id, action, entity, after) VALUES (?, ?, 'demo.seed', 'demo', ?)`)
    .run(new Date().toISOString(), OWNER_ID, JSON.stringify(counts));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
