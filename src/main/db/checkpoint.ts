// WAL checkpoints between calls instead of inside them. SQLite's automatic checkpoint runs in the
// commit that crosses `wal_autocheckpoint` pages: with the default 1000 pages every ~27th save
// paid 8-20 ms for copying the log into the database file (bench/README.md, issue #2). The main
// connection checkpoints a moment after it writes instead, off any caller's path; the automatic
// one stays as a backstop at a higher threshold, for a process whose event loop never idles.
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';

/** SQLite's own checkpoint, only reached when the idle one cannot run (≈ 40 MiB of log). */
export const AUTOCHECKPOINT_PAGES = 10_000;

/** How long after a write the checkpoint runs. Later writes do not push it back. */
const DELAY_MS = 200;

export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sqlite: Sqlite) {}

  /** A transaction was committed: checkpoint soon. */
  wrote(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.run(), DELAY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    if (!this.sqlite.open) return;
    // Inside a long transaction of this connection (an undo, a sync apply) the checkpoint could
    // only fail ("database table is locked"): it is tried again a moment later.
    if (this.sqlite.inTransaction) return this.wrote();
    try {
      // PASSIVE: copies what no reader still needs and never waits for a lock (a job thread may be
      // writing); whatever is left goes at the next one.
      this.sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      console.error('[kehu] checkpoint failed:', e);
    }
  }
}
