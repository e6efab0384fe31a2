// The database as Kysely sees it, with its prepared statements kept. Kysely prepares every query it
// runs, and better-sqlite3's prepare parses and plans the SQL each time: ≈20-40 µs a statement, ≈0.4
// ms of a contact save's 22 (bench/README.md). The same SQL text gets its statement back. Safe to
// share: Kysely runs one query at a time on its one connection (its driver's mutex), and a
// statement's parameters are bound at each run.
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';

/** SQL texts kept, the least recently used dropped first (lists of ids make texts of many lengths). */
const KEPT = 256;

export function keptStatements(sqlite: Sqlite): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let statement = kept.get(sql);
      if (statement) kept.delete(sql);
      else statement = sqlite.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}
