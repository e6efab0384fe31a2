// The `io.undo` job: undoes an import in the worker (jobs/worker.ts), on its own connection, as
// one all-or-nothing transaction (inJobMutation): the records it created go to the Trash, the
// records it updated get their previous values back, all through a ChangeSet (change_log, field
// clocks and the audit row as any mutation). Done on the main thread it blocked the event loop
// for the whole undo (Kysely over better-sqlite3 resolves on microtasks): 25–36 s at 100k rows.
// The created records (~2 per imported row with its tagging) go STEP at a time, one SELECT and one
// UPDATE per step, their change_log rows written after each step (ChangeSet.softDeleteMany,
// logNow), not a SELECT and an UPDATE per record with every change_log row built at the commit:
// at 100k rows 23–25 → 18–19 s of CPU, peak RSS ~850 → ~585 MiB (bench/README.md "Import").
// A cancel or a failure rolls everything back; the import stays undoable.
import type { Kysely, Selectable } from 'kysely';
import { KehuError, notFound } from '../../../shared/errors';
import type { IoEntity, UndoImportResult } from '../../../shared/io';
import type { ChangeSet, TouchedRecord } from '../../core/changes';
import { writeChangeLog } from '../../core/logs';
import type { Database, ImportsTable, SyncedTable } from '../../db/schema';
import { refreshCustomerIndex } from '../../features/search';
import type { TaskArgs } from '../../jobs/tasks';
import { inJobMutation } from '../../jobs/mutation';
import type { SyncHooks } from '../../sync/merge';
import { createdOf, dependentsOf, removableTagsOf, type CreatedIds } from './created';

export interface UndoInput {
  importId: string;
}

type ImportRow = Selectable<ImportsTable>;
type CustomerTable = 'contacts' | 'companies';

/** A record the import updated: its values before (`updatedAt`, absent in earlier versions: its updated_at before). */
interface UpdatedRecord {
  id: string;
  before: Record<string, unknown>;
  updatedAt?: string;
}

/** Records per step and progress report: a report is also where a cancel stops the job. */
const STEP = 500;

/**
 * The import, refused when unknown or already undone. Cheap: the start channel calls it so that
 * those refusals come at once rather than from the job; the job calls it again inside its
 * transaction, where the answer holds.
 */
export async function undoableImport(db: Kysely<Database>, importId: string): Promise<ImportRow> {
  const imp = await db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!imp) throw notFound('import', importId);
  if (imp.undone_at) throw new KehuError({ code: 'conflict', message: 'io.undo_already' });
  return imp;
}

export function runUndoTask({ app, input, auditInput, userId, hooks }: TaskArgs): Promise<UndoImportResult> {
  const { importId } = input as UndoInput;
  // Audited under the channel that starts it, as when the undo was that channel's mutation.
  return inJobMutation(app, 'io.undoImport', auditInput, userId, (db, now, changes) => {
    const log = (records: TouchedRecord[]) => writeChangeLog(db, app, records);
    return undoImport({ db, changes, log }, now, importId, hooks);
  });
}

/** The undo's transaction: its connection, its ChangeSet, and how it writes change_log rows as it goes (ChangeSet.logNow). */
interface UndoTransaction {
  db: Kysely<Database>;
  changes: ChangeSet;
  log: (records: TouchedRecord[]) => Promise<void>;
}

/**
 * Reports each phase's progress: `check`, `undo` and `index` count the records to undo (created and
 * updated), `untag` the taggings it removes first (one per tag on each record: as many again as
 * the records, or more, so they get a phase of their own rather than a bar standing still).
 * Reports every STEP units and at each phase's end.
 */
class Progress {
  private name = '';
  private total = 0;
  private done = 0;
  private reported = 0;

  constructor(private readonly hooks: SyncHooks) {}

  phase(name: string, total: number): void {
    Object.assign(this, { name, total, done: 0, reported: 0 });
    this.hooks.progress?.(name, 0, total);
  }

  add(n: number): void {
    this.done += n;
    if (this.done - this.reported >= STEP || this.done === this.total) {
      this.reported = this.done;
      this.hooks.progress?.(this.name, this.done, this.total);
    }
  }
}

/** An import's undo: what it created and updated, in which table, how many records. */
interface UndoWork {
  imp: ImportRow;
  created: CreatedIds;
  updated: UpdatedRecord[];
  table: CustomerTable;
  /** Records to undo: created and updated (what the phases `check`, `undo`, `index` count). */
  records: number;
}

export async function undoImport(trx: UndoTransaction, now: string, importId: string, hooks: SyncHooks): Promise<UndoImportResult> {
  const { db, changes } = trx;
  const imp = await undoableImport(db, importId);
  // Rid ranges since this version, id lists before (created.ts reads both).
  const created = await createdOf(db, imp);
  const updated = JSON.parse(imp.updated_ids) as UpdatedRecord[];
  const table: CustomerTable = imp.entity === 'contact' ? 'contacts' : 'companies';
  const work: UndoWork = { imp, created, updated, table, records: created.contacts.length + created.companies.length + updated.length };
  const progress = new Progress(hooks);
  await refuseUnlessUntouched(db, work, progress);
  await trashCreated(trx, work, progress);
  await restoreUpdated(changes, work, progress);
  await reindex(db, work, progress);
  await db.updateTable('imports').set({ undone_at: now }).where('id', '=', importId).execute();
  return { removed: created.contacts.length + created.companies.length, restored: updated.length };
}

/**
 * Refuses (nothing written yet) when any of the import's records is not "untouched since":
 * missing (purged), edited since (its updated_at is no longer the import's time) or, for the ones
 * it created, deleted since; or when other live rows use what it created.
 */
async function refuseUnlessUntouched(db: Kysely<Database>, { imp, created, updated, table, records }: UndoWork, progress: Progress): Promise<void> {
  progress.phase('check', records);
  const check = async (t: CustomerTable, ids: string[], mustBeLive: boolean) => {
    let changed = 0;
    for (let i = 0; i < ids.length; i += STEP) {
      const part = ids.slice(i, i + STEP);
      const rows = await db.selectFrom(t).select(['id', 'updated_at', 'deleted_at']).where('id', 'in', part).execute();
      changed += part.length - rows.length;
      for (const r of rows) if (r.updated_at !== imp.at || (mustBeLive && r.deleted_at !== null)) changed += 1;
      progress.add(part.length);
    }
    return changed;
  };
  const changed =
    created.missing +
    (await check('contacts', created.contacts, true)) +
    (await check('companies', created.companies, true)) +
    (await check(table, updated.map((u) => u.id), false));
  if (changed > 0) throw new KehuError({ code: 'conflict', message: 'io.undo_changed_since', params: { changed } });
  const dependents = await dependentsOf(db, created, imp);
  if (dependents > 0) throw new KehuError({ code: 'conflict', message: 'io.undo_has_dependents', params: { count: dependents } });
}

/** Its taggings, then the contacts and companies it created to the Trash, then its tags that may go. */
async function trashCreated(trx: UndoTransaction, { imp, created, records }: UndoWork, progress: Progress): Promise<void> {
  const counted = (n: number) => progress.add(n);
  progress.phase('untag', created.taggings.length);
  await trash(trx, 'taggings', created.taggings, counted);
  progress.phase('undo', records);
  await trash(trx, 'contacts', created.contacts, counted);
  await trash(trx, 'companies', created.companies, counted);
  await trash(trx, 'tags', await removableTagsOf(trx.db, imp), () => {});
}

/** Soft-deletes the rows STEP at a time, each step's change_log rows written before the next. */
async function trash({ changes, log }: UndoTransaction, table: SyncedTable, ids: string[], done: (n: number) => void): Promise<void> {
  for (let i = 0; i < ids.length; i += STEP) {
    const part = ids.slice(i, i + STEP);
    await changes.softDeleteMany(table, part);
    await changes.logNow(log);
    done(part.length);
  }
}

/**
 * The records it updated get their values back, their updated_at too: "untouched since" an earlier
 * import of them (their updated_at is that import's time) then still holds, and that import can
 * be undone. Counted on in the `undo` phase.
 */
async function restoreUpdated(changes: ChangeSet, { updated, table }: UndoWork, progress: Progress): Promise<void> {
  for (const u of updated) {
    await changes.update(table, u.id, u.updatedAt ? { ...u.before, updated_at: u.updatedAt } : u.before);
    progress.add(1);
  }
}

/**
 * The search index follows the undone records (the Trash's are left out of it), STEP at a time:
 * over half the undo's CPU at 100k and 1M rows. Each FTS5 DELETE of a step's rows ends with a flush
 * that merges the segments whose deleted rows passed 10% (contentless_delete), so the index is
 * rewritten again and again; one DELETE of all the rows would take a fraction of it, but leave
 * the index laid out otherwise than this does (undo.test compares it whole).
 */
async function reindex(db: Kysely<Database>, { imp, created, updated, records }: UndoWork, progress: Progress): Promise<void> {
  progress.phase('index', records);
  const lists: [IoEntity, string[]][] = [
    ['contact', created.contacts],
    ['company', created.companies],
    [imp.entity as IoEntity, updated.map((u) => u.id)],
  ];
  for (const [kind, ids] of lists) {
    for (let i = 0; i < ids.length; i += STEP) {
      const part = ids.slice(i, i + STEP);
      await refreshCustomerIndex(db, kind, part);
      progress.add(part.length);
    }
  }
}
