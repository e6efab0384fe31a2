// Export and import of change_log rows between devices (DESIGN.md §4, architecture-anchors
// "Sync files"). Per field the higher HLC wins; a concurrent loser goes to sync_conflict.
// Everything here runs on the caller's transaction (the dispatcher's): prepared statements on the
// same better-sqlite3 connection, so an error anywhere rolls back the whole import.
import type { Kysely } from 'kysely';
import type { Database, SyncedTable } from '../db/schema';
import { SYNCED_TABLES } from '../db/schema';
import type { AppState } from '../core/context';
import { parseHlc, SKEW_WARNING_MS } from '../core/hlc';
import { newId } from '../core/ids';
import { fieldClocks, PURGED_FIELD, ROW_BASE, ROW_CLOCK } from '../core/logs';
import { dropFromCustomerIndex, refreshCustomerIndex } from '../features/search';
import { KehuError, notFound } from '../../shared/errors';
import type { SyncImportSummary, VersionVector } from '../../shared/sync';
import { decodeBundle, encodeBundle, type BundleHeader, type WireChange } from './bundle';

type Sqlite = AppState['db']['sqlite'];
type Row = Record<string, unknown>;
type Stmt = import('better-sqlite3-multiple-ciphers').Statement<unknown[]>;

/**
 * Progress/cancel hooks for running export and import as a job (src/main/jobs). `progress` is
 * called every few hundred changes; it may throw an error named `AbortError` to cancel, which
 * passes through unchanged (the caller's transaction rolls back).
 */
export interface SyncHooks {
  progress?(phase: string, done: number, total: number): void;
}
const HOOK_EVERY = 200;
const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/** Columns that follow another column or the clock: merged by HLC, never worth a conflict. */
const NO_CONFLICT = new Set(['updated_at', 'name_py', 'name_initials', 'name_key', 'last_contacted_at']);
/** Never set by a bundle: the local row key and the record id. */
const LOCAL_ONLY = new Set(['rid']);

const columnsCache = new WeakMap<Sqlite, Map<string, Set<string>>>();

/** Synced tables and the columns a change may set (from the schema itself, minus rid). */
export function syncedColumns(sqlite: Sqlite): Map<string, Set<string>> {
  let map = columnsCache.get(sqlite);
  if (!map) {
    map = new Map();
    for (const t of SYNCED_TABLES) {
      const cols = (sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      map.set(t, new Set(cols.filter((c) => !LOCAL_ONLY.has(c))));
    }
    columnsCache.set(sqlite, map);
  }
  return map;
}

/** What this device holds: the newest HLC per origin device. */
export function localVector(sqlite: Sqlite): VersionVector {
  const rows = sqlite.prepare('SELECT device_id AS d, max(hlc) AS h FROM change_log GROUP BY device_id').all() as { d: string; h: string }[];
  return Object.fromEntries(rows.map((r) => [r.d, r.h]));
}

export function deviceName(sqlite: Sqlite, deviceId: string): string {
  const row = sqlite.prepare(`SELECT value FROM meta WHERE key = 'device_name'`).get() as { value: string } | undefined;
  return row?.value ?? `Kehu ${deviceId.slice(0, 6)}`;
}

export function peerAcked(sqlite: Sqlite, deviceId: string): VersionVector | null {
  const row = sqlite.prepare('SELECT acked FROM sync_peer WHERE device_id = ?').get(deviceId) as { acked: string } | undefined;
  return row ? (JSON.parse(row.acked) as VersionVector) : null;
}

interface LogRow {
  device_id: string;
  hlc: string;
  tbl: string;
  row_id: string;
  fields: string;
  base: string | null;
}

/** Every change this device holds above the acknowledged vector, in HLC order. */
export function collectChanges(sqlite: Sqlite, acked: VersionVector, hooks?: SyncHooks, total = 0): WireChange[] {
  const stmt = sqlite.prepare(
    'SELECT device_id, hlc, tbl, row_id, fields, base FROM change_log WHERE device_id = ? AND hlc > ? ORDER BY hlc',
  );
  const out: WireChange[] = [];
  for (const [device, max] of Object.entries(localVector(sqlite))) {
    const seen = acked[device] ?? '';
    if (seen >= max) continue;
    for (const r of stmt.iterate(device, seen) as IterableIterator<LogRow>) {
      if (hooks?.progress && out.length % HOOK_EVERY === 0) hooks.progress('collect', out.length, total);
      out.push({
        device: r.device_id,
        hlc: r.hlc,
        tbl: r.tbl,
        row: r.row_id,
        fields: JSON.parse(r.fields) as Row,
        base: r.base ? (JSON.parse(r.base) as Record<string, string | null>) : null,
      });
    }
  }
  return out.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const safeName = (s: string) => s.replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 40) || 'device';

export interface ExportResult {
  bytes: Buffer;
  header: BundleHeader;
  fileName: string;
}

export function exportBundle(app: AppState, now: string, forDevice: string | null, passphrase?: string, hooks?: SyncHooks): ExportResult {
  const sqlite = app.db.sqlite;
  let acked: VersionVector = {};
  let peerName = 'new';
  if (forDevice !== null) {
    const known = peerAcked(sqlite, forDevice);
    if (!known) throw notFound('device', forDevice);
    acked = known;
    peerName = (sqlite.prepare('SELECT name FROM sync_peer WHERE device_id = ?').get(forDevice) as { name: string }).name;
  }
  const total = hooks?.progress ? pendingCount(sqlite, acked) : 0;
  const changes = collectChanges(sqlite, acked, hooks, total);
  hooks?.progress?.('encode', changes.length, changes.length);
  const name = deviceName(sqlite, app.deviceId);
  const { bytes, header } = encodeBundle(
    { deviceId: app.deviceId, deviceName: name, forDevice, createdAt: now, vector: localVector(sqlite) },
    changes,
    passphrase,
  );
  const fileName = `kehu-${safeName(name)}-to-${safeName(peerName)}-${stamp(now)}.kehusync`;
  if (forDevice !== null) sqlite.prepare('UPDATE sync_peer SET last_export_at = ? WHERE device_id = ?').run(now, forDevice);
  // A snapshot for a new device has no target yet: any device may import it (and is introduced
  // by its own first bundle), so its history row keeps deviceId and deviceName '' rather than a
  // guessed name; the Sync screen shows it as "a new device" (新设备).
  history(sqlite, {
    at: now,
    direction: 'export',
    deviceId: forDevice ?? '',
    deviceName: forDevice ? peerName : '',
    fileName,
    changes: changes.length,
    bytes: bytes.length,
  });
  return { bytes, header, fileName };
}

/** How many changes collectChanges will return for this vector (for progress totals). */
export function pendingCount(sqlite: Sqlite, acked: VersionVector): number {
  const count = sqlite.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM change_log WHERE device_id = ? AND hlc > ?');
  let n = 0;
  for (const [device, max] of Object.entries(localVector(sqlite))) if ((acked[device] ?? '') < max) n += count.get(device, acked[device] ?? '')?.n ?? 0;
  return n;
}

interface HistoryRow {
  at: string;
  direction: 'export' | 'import';
  deviceId: string;
  deviceName: string;
  fileName: string;
  changes: number;
  bytes: number;
  applied?: number;
  skipped?: number;
  conflicts?: number;
}

function history(sqlite: Sqlite, h: HistoryRow): void {
  sqlite
    .prepare(`INSERT INTO sync_history (id, at, direction, device_id, device_name, file_name, changes, bytes, applied, skipped, conflicts)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(newId(), h.at, h.direction, h.deviceId, h.deviceName, h.fileName, h.changes, h.bytes, h.applied ?? 0, h.skipped ?? 0, h.conflicts ?? 0);
}

const json = (v: unknown) => JSON.stringify(v ?? null);
const same = (a: unknown, b: unknown) => json(a) === json(b);
const invalid = (reason: string) => new KehuError({ code: 'bundle_invalid', params: { reason } });

/** Refuses a change naming an unknown table or column (rid included) before anything is applied. */
function checkShape(columns: Map<string, Set<string>>, c: WireChange): void {
  const cols = columns.get(c.tbl);
  if (!cols) throw invalid('table');
  const keys = Object.keys(c.fields);
  if (PURGED_FIELD in c.fields) {
    if (keys.length !== 1 || c.fields[PURGED_FIELD] !== true) throw invalid('row');
  } else {
    if (keys.length === 0) throw invalid('row');
    for (const k of keys) {
      if (!cols.has(k)) throw invalid('column');
      if (c.fields[k] === true) throw invalid('row');
    }
    if ('id' in c.fields && c.fields.id !== c.row) throw invalid('row');
  }
  if (c.base) for (const k of Object.keys(c.base)) if (k !== ROW_BASE && !cols.has(k)) throw invalid('column');
}

interface Statements {
  insertLog: Stmt;
  selectRow: Map<string, Stmt>;
  conflict: Stmt;
  openEditOnDeleted: Stmt;
  openFieldConflicts: Stmt;
  closeConflict: Stmt;
}

interface OpenConflict {
  id: string;
  local_value: string | null;
  remote_value: string | null;
  local_hlc: string;
  remote_hlc: string;
  winner: string;
}

/** The device whose clock made an HLC (its whole id). */
export const hlcDevice = (hlc: string): string => parseHlc(hlc).device;

/**
 * Whether a later change to a field settles an open field conflict about it: both values are
 * superseded by a decision that saw them. The change must come after both (higher HLC) and be
 * made on top of the winner (its base is the winner's clock or later: sequential, not one more
 * concurrent edit). And its maker must have seen the losing value: either it writes that very
 * value (nothing is lost: e.g. the other device kept this side), or it comes from the device that
 * made the loser (which saw its own value overwritten, and had the conflict in its inbox). A
 * change made on top of the winner by a device that never held the loser (the winner's device
 * editing again before it heard of the loser, a third device) leaves the conflict open.
 */
export function supersedes(o: OpenConflict, c: { device: string; hlc: string; base: string; value: unknown }): boolean {
  const winnerHlc = o.local_hlc > o.remote_hlc ? o.local_hlc : o.remote_hlc;
  if (c.hlc <= winnerHlc || c.base < winnerHlc) return false;
  const loser = o.winner === 'remote' ? { value: o.local_value, hlc: o.local_hlc } : { value: o.remote_value, hlc: o.remote_hlc };
  return json(c.value) === (loser.value ?? 'null') || hlcDevice(loser.hlc) === c.device;
}

/**
 * Verifies a bundle completely, then applies it on the current transaction. Throws (and the
 * caller's transaction rolls back) on any problem.
 */
export async function importBundle(
  app: AppState,
  trx: Kysely<Database>,
  now: string,
  bytes: Buffer,
  fileName: string,
  passphrase?: string,
  hooks?: SyncHooks,
): Promise<SyncImportSummary> {
  const sqlite = app.db.sqlite;
  hooks?.progress?.('verify', 0, 0);
  const { header, changes } = decodeBundle(bytes, passphrase);
  if (header.deviceId === app.deviceId) throw new KehuError({ code: 'bundle_foreign', params: { deviceId: header.deviceId } });
  const columns = syncedColumns(sqlite);
  for (const c of changes) checkShape(columns, c);

  const st: Statements = {
    insertLog: sqlite.prepare<unknown[]>(
      'INSERT OR IGNORE INTO change_log (hlc, device_id, tbl, row_id, fields, base) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    selectRow: new Map(SYNCED_TABLES.map((t) => [t, sqlite.prepare<unknown[]>(`SELECT * FROM ${t} WHERE id = ?`)])),
    conflict: sqlite.prepare<unknown[]>(`INSERT INTO sync_conflict (id, created_at, kind, tbl, row_id, col, local_value, remote_value,
      local_hlc, remote_hlc, winner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    openEditOnDeleted: sqlite.prepare<unknown[]>(`SELECT 1 FROM sync_conflict WHERE tbl = ? AND row_id = ? AND kind = 'edit_on_deleted'
      AND resolved_at IS NULL`),
    openFieldConflicts: sqlite.prepare<unknown[]>(`SELECT id, local_value, remote_value, local_hlc, remote_hlc, winner FROM sync_conflict
      WHERE tbl = ? AND row_id = ? AND col = ? AND kind = 'field' AND resolved_at IS NULL`),
    closeConflict: sqlite.prepare<unknown[]>(`UPDATE sync_conflict SET resolved_at = ?, kept = 'superseded' WHERE id = ?`),
  };
  // Most imports meet an empty inbox: then no field needs looking up.
  let inboxOpen = sqlite.prepare('SELECT 1 FROM sync_conflict WHERE resolved_at IS NULL LIMIT 1').get() !== undefined;
  const clocks = fieldClocks(sqlite);
  const writers = new Map<string, Stmt>();
  const writer = (sqlText: string) => {
    let s = writers.get(sqlText);
    if (!s) writers.set(sqlText, (s = sqlite.prepare<unknown[]>(sqlText)));
    return s;
  };
  const touched = { contact: new Set<string>(), company: new Set<string>() };
  let applied = 0;
  let skipped = 0;
  let conflicts = 0;
  const addConflict = (
    kind: 'field' | 'edit_on_deleted',
    c: WireChange,
    col: string,
    local: { value: unknown; hlc: string },
    remote: { value: unknown; hlc: string },
  ) => {
    st.conflict.run(newId(), now, kind, c.tbl, c.row, col, json(local.value), json(remote.value), local.hlc, remote.hlc,
      remote.hlc > local.hlc ? 'remote' : 'local');
    conflicts++;
    inboxOpen = true;
  };

  let done = 0;
  try {
    for (const c of changes) {
      if (hooks?.progress && done++ % HOOK_EVERY === 0) hooks.progress('apply', done - 1, changes.length);
      const res = st.insertLog.run(c.hlc, c.device, c.tbl, c.row, JSON.stringify(c.fields), c.base ? JSON.stringify(c.base) : null);
      if (res.changes === 0) {
        skipped++;
        continue;
      }
      applied++;
      const kind = c.tbl === 'contacts' ? 'contact' : c.tbl === 'companies' ? 'company' : null;
      const known = clocks.read.all(c.tbl, c.row) as { col: string; hlc: string }[];
      const clockOf = new Map(known.map((k) => [k.col, k.hlc]));
      const purgedAt = clockOf.get(PURGED_FIELD);
      const local = st.selectRow.get(c.tbl)!.get(c.row) as Row | undefined;
      const newest = known.reduce((m, k) => (k.col !== PURGED_FIELD && k.hlc > m ? k.hlc : m), '');

      if (PURGED_FIELD in c.fields) {
        if (purgedAt && purgedAt >= c.hlc) continue;
        if (local) {
          // Edits the purging device had not seen are kept in the inbox, not lost silently.
          if (newest > (c.base?.[ROW_BASE] ?? '')) {
            const { rid: _rid, ...row } = local;
            addConflict('edit_on_deleted', c, PURGED_FIELD, { value: row, hlc: newest }, { value: null, hlc: c.hlc });
          }
          if (kind) await dropFromCustomerIndex(trx, kind, [c.row]);
          writer(`DELETE FROM ${c.tbl} WHERE id = ?`).run(c.row);
          if (kind) touched[kind].delete(c.row);
        }
        clocks.clear.run(c.tbl, c.row);
        clocks.upsert.run(c.tbl, c.row, PURGED_FIELD, c.hlc);
        continue;
      }

      if (!local) {
        if (purgedAt && purgedAt > c.hlc) {
          // An edit that met a purge: the row is gone for good here; keep the edit in the inbox.
          addConflict('edit_on_deleted', c, PURGED_FIELD, { value: null, hlc: purgedAt }, { value: c.fields, hlc: c.hlc });
          continue;
        }
        if (!('created_at' in c.fields)) continue; // an edit of a row this device never had
        const cols = Object.keys(c.fields);
        writer(`INSERT INTO ${c.tbl} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
          ...cols.map((k) => c.fields[k]),
        );
        clocks.clear.run(c.tbl, c.row);
        clocks.upsert.run(c.tbl, c.row, ROW_CLOCK, c.hlc);
        if (kind) touched[kind].add(c.row);
        continue;
      }

      const star = clockOf.get(ROW_CLOCK) ?? '';
      const set: string[] = [];
      let fieldConflictOnDelete = false;
      for (const col of Object.keys(c.fields)) {
        if (col === 'id') continue;
        const localHlc = clockOf.get(col) ?? star;
        const base = c.base?.[col] ?? '';
        const concurrent = base !== localHlc;
        const remoteValue = c.fields[col];
        const localValue = local[col];
        const differs = !same(localValue, remoteValue);
        if (c.hlc > localHlc) {
          set.push(col);
          if (concurrent && differs && !NO_CONFLICT.has(col)) {
            addConflict('field', c, col, { value: localValue, hlc: localHlc }, { value: remoteValue, hlc: c.hlc });
            if (col === 'deleted_at') fieldConflictOnDelete = true;
          } else if (!concurrent && inboxOpen) {
            // A later decision about this field: inbox entries it settles close.
            for (const o of st.openFieldConflicts.all(c.tbl, c.row, col) as OpenConflict[]) {
              if (supersedes(o, { device: c.device, hlc: c.hlc, base, value: remoteValue })) st.closeConflict.run(now, o.id);
            }
          }
        } else if (c.hlc < localHlc && concurrent && differs && !NO_CONFLICT.has(col)) {
          addConflict('field', c, col, { value: localValue, hlc: localHlc }, { value: remoteValue, hlc: c.hlc });
          if (col === 'deleted_at') fieldConflictOnDelete = true;
        }
      }
      // An edit that meets a delete is kept (applied to the deleted row) and put in the inbox.
      const rowBase = c.base?.[ROW_BASE] ?? '';
      const edits = Object.keys(c.fields).some((k) => k !== 'deleted_at' && !NO_CONFLICT.has(k));
      if (!fieldConflictOnDelete && st.openEditOnDeleted.get(c.tbl, c.row) === undefined) {
        const deletedClock = clockOf.get('deleted_at') ?? star;
        if (!('deleted_at' in c.fields) && edits && local.deleted_at !== null && deletedClock > rowBase) {
          addConflict('edit_on_deleted', c, 'deleted_at', { value: local.deleted_at, hlc: deletedClock }, { value: null, hlc: c.hlc });
        } else if ('deleted_at' in c.fields && c.fields.deleted_at !== null && local.deleted_at === null && set.includes('deleted_at')) {
          const unseen = known.some((k) => k.col !== 'deleted_at' && k.col !== PURGED_FIELD && !NO_CONFLICT.has(k.col) && k.hlc > rowBase);
          if (unseen) {
            addConflict('edit_on_deleted', c, 'deleted_at', { value: null, hlc: newest }, { value: c.fields.deleted_at, hlc: c.hlc });
          }
        }
      }
      if (set.length === 0) continue;
      writer(`UPDATE ${c.tbl} SET ${set.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...set.map((k) => c.fields[k]), c.row);
      for (const col of set) clocks.upsert.run(c.tbl, c.row, col, c.hlc);
      if (kind) touched[kind].add(c.row);
    }
  } catch (e) {
    if (e instanceof KehuError || isAbort(e)) throw e;
    // A constraint the bundle breaks (missing column, wrong type): refused whole, rolled back.
    throw invalid(e instanceof Error ? e.message.slice(0, 120) : 'apply');
  }

  hooks?.progress?.('index', changes.length, changes.length);
  if (touched.contact.size) await refreshCustomerIndex(trx, 'contact', [...touched.contact]);
  if (touched.company.size) await refreshCustomerIndex(trx, 'company', [...touched.company]);

  // The sender's vector is what it holds: our changes up to there need not be sent again.
  const prior = peerAcked(sqlite, header.deviceId) ?? {};
  const acked: VersionVector = { ...prior };
  for (const [d, h] of Object.entries(header.vector)) if (!acked[d] || h > acked[d]) acked[d] = h;
  sqlite
    .prepare(`INSERT INTO sync_peer (device_id, name, acked, last_import_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, acked = excluded.acked, last_import_at = excluded.last_import_at`)
    .run(header.deviceId, header.deviceName, JSON.stringify(acked), now);
  history(sqlite, {
    at: now,
    direction: 'import',
    deviceId: header.deviceId,
    deviceName: header.deviceName,
    fileName,
    changes: changes.length,
    bytes: bytes.length,
    applied,
    skipped,
    conflicts,
  });

  let warning: string | null = null;
  let warningParams: Record<string, string | number> | undefined;
  if (header.hlcMax) {
    const { skewMs } = app.clock.recv(header.hlcMax);
    if (skewMs > SKEW_WARNING_MS) {
      warning = 'sync.warn_clock_ahead';
      warningParams = { minutes: Math.round(skewMs / 60000), device: header.deviceName };
    }
  }
  return {
    fromDevice: { deviceId: header.deviceId, name: header.deviceName },
    applied,
    skipped,
    conflicts,
    warning,
    ...(warningParams ? { warningParams } : {}),
  };
}

export type { SyncedTable };
