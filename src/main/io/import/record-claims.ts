// Rows carrying our export's record id (记录ID): which record each id went to in this import. A
// later row with the same id is a copied row (refused: it would overwrite its original), and a
// record one id went to is not another id's duplicate (two 张伟 at one company stay two).
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';

export interface RecordClaims {
  /** The line of the earlier row with this id, if any. */
  lineOf(fileId: string): number | undefined;
  /** The row with this id went to this record (matched or created). */
  claim(fileId: string, recordId: string, line: number): void;
  /** Whether a row with another id went to this record. */
  heldByOther(recordId: string, fileId: string): boolean;
}

/** In memory: the preview's 20 rows. */
export class ClaimsInMemory implements RecordClaims {
  private readonly byFile = new Map<string, number>();
  private readonly byRecord = new Map<string, string>();
  lineOf(fileId: string): number | undefined {
    return this.byFile.get(fileId);
  }
  claim(fileId: string, recordId: string, line: number): void {
    if (!this.byFile.has(fileId)) this.byFile.set(fileId, line);
    if (!this.byRecord.has(recordId)) this.byRecord.set(recordId, fileId);
  }
  heldByOther(recordId: string, fileId: string): boolean {
    const holder = this.byRecord.get(recordId);
    return holder !== undefined && holder !== fileId;
  }
}

/**
 * In a temporary table of the import's connection: a re-imported export of 1M contacts has 1M ids,
 * too many for the heap. Only ids and lines, no names: SQLite's temporary file is not encrypted.
 */
export class ClaimsInTable implements RecordClaims {
  private readonly find;
  private readonly put;
  private readonly holder;
  constructor(sqlite: Sqlite) {
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS import_claims (file_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, line INTEGER NOT NULL) WITHOUT ROWID`);
    sqlite.exec(`CREATE INDEX IF NOT EXISTS temp.import_claims_record ON import_claims (record_id)`);
    sqlite.exec(`DELETE FROM temp.import_claims`);
    this.find = sqlite.prepare<[string], number>(`SELECT line FROM temp.import_claims WHERE file_id = ?`).pluck();
    this.put = sqlite.prepare(`INSERT OR IGNORE INTO temp.import_claims (file_id, record_id, line) VALUES (?, ?, ?)`);
    this.holder = sqlite.prepare<[string, string], number>(`SELECT 1 FROM temp.import_claims WHERE record_id = ? AND file_id <> ? LIMIT 1`).pluck();
  }
  lineOf(fileId: string): number | undefined {
    return this.find.get(fileId);
  }
  claim(fileId: string, recordId: string, line: number): void {
    this.put.run(fileId, recordId, line);
  }
  heldByOther(recordId: string, fileId: string): boolean {
    return this.holder.get(recordId, fileId) !== undefined;
  }
}
