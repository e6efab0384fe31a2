// Sync channels (DESIGN.md §4): status, device name, export/import of bundles, history and the
// conflict inbox. The merge itself lives in src/main/sync.
import type { Kysely } from 'kysely';
import { notFound } from '../../../shared/errors';
import type { jobsContract } from '../../../shared/jobs';
import type { SyncConflict, SyncConflictKind, SyncDevice, syncContract, VersionVector } from '../../../shared/sync';
import type { Database, SyncedTable } from '../../db/schema';
import type { HandlersOf } from '../../core/context';
import { MAX_AUDIT_STRING, PURGED_FIELD } from '../../core/logs';
import { toColumns } from '../customers/columns';
import { refreshCustomerIndex } from '../search';
import { deviceName, exportBundle, hlcDevice, importBundle, localVector } from '../../sync/merge';
import { jobsHandlers } from '../../jobs/handlers';
import { jobsOf } from '../../jobs/registry';
import { writeMeta } from '../../db/meta';

const NAME_COLUMN: Record<string, string> = {
  contacts: 'name',
  companies: 'name',
  tags: 'name',
  saved_views: 'name',
  users: 'name',
  custom_fields: 'label',
  activities: 'content',
  taggings: 'tag_id',
};

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

async function recordName(db: Kysely<Database>, table: string, id: string): Promise<string> {
  const col = NAME_COLUMN[table];
  if (!col) return '';
  const row = (await db
    .selectFrom(table as SyncedTable)
    .select(col as never)
    .where('id', '=', id)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  const name = row?.[col];
  return typeof name === 'string' ? name.slice(0, 80) : '';
}

// The generic jobs channels ride along here until a second domain runs jobs (then they move to
// core/handlers.ts next to the others).
export const syncHandlers: HandlersOf<typeof syncContract & typeof jobsContract> = {
  ...jobsHandlers,
  'sync.status': async (_input, ctx) => {
    const sqlite = ctx.app.db.sqlite;
    const vector = localVector(sqlite);
    const count = sqlite.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM change_log WHERE device_id = ? AND hlc > ?');
    const peers = await ctx.db.selectFrom('sync_peer').selectAll().orderBy('name').execute();
    const devices: SyncDevice[] = peers.map((p) => {
      const acknowledged = JSON.parse(p.acked) as VersionVector;
      let pending = 0;
      for (const [d, max] of Object.entries(vector)) {
        if ((acknowledged[d] ?? '') < max) pending += count.get(d, acknowledged[d] ?? '')?.n ?? 0;
      }
      return { deviceId: p.device_id, name: p.name, lastExportAt: p.last_export_at, lastImportAt: p.last_import_at, acknowledged, pending };
    });
    const open = await ctx.db
      .selectFrom('sync_conflict')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { deviceId: ctx.app.deviceId, deviceName: deviceName(sqlite, ctx.app.deviceId), vector, devices, openConflicts: Number(open.n) };
  },

  'sync.rename': async ({ name }, ctx) => {
    await writeMeta(ctx.db, 'device_name', name);
  },

  'sync.export': async ({ deviceId, passphrase }, ctx) => {
    const { bytes, header, fileName } = exportBundle(ctx.app, ctx.now, deviceId, passphrase);
    return { fileName, data: bytes.toString('base64'), changes: header.count, bytes: bytes.length };
  },

  'sync.import': async ({ fileName, data, passphrase }, ctx) => {
    const bytes = Buffer.from(data, 'base64');
    return importBundle(ctx.app, ctx.db, ctx.now, bytes, fileName, passphrase);
  },

  'sync.startExport': async (input, ctx) => {
    const jobId = jobsOf(ctx.app).start({ kind: 'sync.export', input, auditInput: input, session: ctx.session });
    return { jobId };
  },

  'sync.startImport': async (input, ctx) => {
    const bytes = Buffer.from(input.data, 'base64');
    const data = new Uint8Array(bytes.length);
    data.set(bytes);
    // The audit row records what the dispatcher's would (auditInput in core/logs.ts shortens a long
    // string the same way), without copying the whole base64 to the worker a second time.
    const auditInput = { ...input, data: input.data.length > MAX_AUDIT_STRING ? `[${input.data.length} chars]` : input.data };
    const jobId = jobsOf(ctx.app).start({
      kind: 'sync.import',
      input: { fileName: input.fileName, data, passphrase: input.passphrase },
      auditInput,
      session: ctx.session,
      transfer: [data.buffer],
    });
    return { jobId };
  },

  'sync.history': async ({ limit }, ctx) => {
    const rows = await ctx.db.selectFrom('sync_history').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      direction: r.direction as 'export' | 'import',
      deviceId: r.device_id,
      deviceName: r.device_name,
      fileName: r.file_name,
      changes: r.changes,
      bytes: r.bytes,
      applied: r.applied,
      skipped: r.skipped,
      conflicts: r.conflicts,
    }));
  },

  'sync.conflicts': async ({ limit }, ctx) => {
    const rows = await ctx.db
      .selectFrom('sync_conflict')
      .selectAll()
      .where('resolved_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    const out: SyncConflict[] = [];
    for (const r of rows) {
      out.push({
        id: r.id,
        kind: r.kind as SyncConflictKind,
        table: r.tbl,
        rowId: r.row_id,
        recordName: await recordName(ctx.db, r.tbl, r.row_id),
        field: r.col,
        localValue: parse(r.local_value),
        remoteValue: parse(r.remote_value),
        localHlc: r.local_hlc,
        remoteHlc: r.remote_hlc,
        // The whole id of the device whose clock set each value (a device id may hold '-').
        localDevice: hlcDevice(r.local_hlc),
        remoteDevice: hlcDevice(r.remote_hlc),
        createdAt: r.created_at,
      });
    }
    return out;
  },

  'sync.resolve': async ({ id, keep }, ctx) => {
    const c = await ctx.db.selectFrom('sync_conflict').selectAll().where('id', '=', id).where('resolved_at', 'is', null).executeTakeFirst();
    if (!c) throw notFound('sync_conflict', id);
    const table = c.tbl as SyncedTable;
    const value = parse(keep === 'local' ? c.local_value : c.remote_value);
    const kind = table === 'contacts' ? 'contact' : table === 'companies' ? 'company' : null;
    const exists = await ctx.db.selectFrom(table).select('id').where('id', '=', c.row_id).executeTakeFirst();
    if (c.col === PURGED_FIELD) {
      // The kept side is the whole row that a purge removed: bring it back as a new record write.
      if (!exists && value && typeof value === 'object' && 'created_at' in value) {
        const { created_at: _c, updated_at: _u, created_by: _b, deleted_at: _d, ...row } = value as Record<string, unknown>;
        await ctx.changes.insert(table, { ...row, id: c.row_id } as never);
        if (kind) await refreshCustomerIndex(ctx.db, kind, [c.row_id], { created: true });
      }
    } else if (exists) {
      const set: Record<string, unknown> = { [c.col]: value };
      if (kind && c.col === 'name' && typeof value === 'string') Object.assign(set, toColumns(kind, { name: value }));
      await ctx.changes.update(table, c.row_id, set);
      if (kind) await refreshCustomerIndex(ctx.db, kind, [c.row_id]);
    } else if (keep === 'local' || c.col !== 'deleted_at') {
      throw notFound(table, c.row_id);
    }
    await ctx.db.updateTable('sync_conflict').set({ resolved_at: ctx.now, kept: keep }).where('id', '=', id).execute();
  },
};


