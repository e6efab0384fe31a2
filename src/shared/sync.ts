// Offline sync by file (DESIGN §4): export a bundle for a device, import a bundle from one, the
// devices this one has met, the history of bundles and the conflict inbox.
import { z } from 'zod';
import { channel } from './contract-kit';
import type { JobStarted } from './jobs';
import { idField } from './validation';

/** A version vector: for each origin device id, the highest HLC held from it. */
export type VersionVector = Record<string, string>;

export interface SyncDevice {
  deviceId: string;
  name: string;
  /** When this device last exported a bundle for that device / imported one from it (ISO UTC). */
  lastExportAt: string | null;
  lastImportAt: string | null;
  /** What that device has acknowledged holding (its vector as of its last bundle to us). */
  acknowledged: VersionVector;
  /** How many of our changes it has not acknowledged yet (the next export's size). */
  pending: number;
}

export interface SyncStatus {
  deviceId: string;
  deviceName: string;
  /** What this device holds. */
  vector: VersionVector;
  devices: SyncDevice[];
  openConflicts: number;
}

export interface SyncExportResult {
  /** Suggested file name, e.g. `kehu-<from>-to-<for>-<time>.kehusync`. */
  fileName: string;
  /** Base64 of the bundle bytes (the renderer turns it into a download). */
  data: string;
  /** How many change records the bundle carries. */
  changes: number;
  bytes: number;
}

export interface SyncImportSummary {
  fromDevice: { deviceId: string; name: string };
  /** Change records applied (new to this device). */
  applied: number;
  /** Change records already known (repeats, older bundles). */
  skipped: number;
  /** New entries in the conflict inbox. */
  conflicts: number;
  /** i18n key of a warning (e.g. `sync.warn_clock_ahead`), with params; null when none. */
  warning: string | null;
  warningParams?: Record<string, string | number>;
}

export interface SyncHistoryEntry {
  id: string;
  at: string;
  direction: 'export' | 'import';
  deviceId: string;
  deviceName: string;
  fileName: string;
  changes: number;
  bytes: number;
  applied: number;
  skipped: number;
  conflicts: number;
}

export type SyncConflictKind = 'field' | 'edit_on_deleted';

export interface SyncConflict {
  id: string;
  kind: SyncConflictKind;
  /** Synced table (`contacts`, `companies`, `tags`, `activities`, ...). */
  table: string;
  rowId: string;
  /** Display name of the record (contact/company name, tag name, activity subject), '' if gone. */
  recordName: string;
  /** Column name, e.g. `name`, `mobiles`, `deleted_at`. */
  field: string;
  /** The value this device holds now, and the value that lost (JSON values as stored). */
  localValue: unknown;
  remoteValue: unknown;
  localHlc: string;
  remoteHlc: string;
  localDevice: string;
  remoteDevice: string;
  createdAt: string;
}

const passphrase = z.string().min(1).max(500).optional();

export const syncContract = {
  'sync.status': channel<SyncStatus>()({ kind: 'query', permission: 'sync.run', input: z.object({}) }),
  /** Names this device (shown to the devices it syncs with). */
  'sync.rename': channel<void>()({
    kind: 'mutation',
    permission: 'sync.run',
    input: z.object({ name: z.string().trim().min(1, 'validation.required').max(60, 'validation.too_long') }),
    entity: 'sync',
  }),
  /** A bundle for a device: every change it has not acknowledged. null = a new device: full snapshot. */
  'sync.export': channel<SyncExportResult>()({
    kind: 'mutation',
    permission: 'sync.run',
    input: z.object({ deviceId: idField.nullable(), passphrase }),
    entity: 'sync',
  }),
  /** Verifies the whole bundle, then applies it in one transaction (or refuses it whole). */
  'sync.import': channel<SyncImportSummary>()({
    kind: 'mutation',
    permission: 'sync.run',
    input: z.object({
      fileName: z.string().max(255).default(''),
      data: z.string().min(1).max(1_000_000_000),
      passphrase,
    }),
    entity: 'sync',
  }),
  /**
   * The same as sync.export / sync.import, run as a job in a worker thread (DESIGN §3, §6): returns
   * at once with a job id; poll `jobs.get` for progress and the result (SyncExportResult /
   * SyncImportSummary), `jobs.cancel` to stop (nothing is written). Queries on purpose: starting
   * writes nothing; the job writes the same rows and audit row as the mutation, in its own
   * transaction. The UI and the CLI use these; the direct channels stay for tests and scripts.
   */
  'sync.startExport': channel<JobStarted>()({
    kind: 'query',
    permission: 'sync.run',
    input: z.object({ deviceId: idField.nullable(), passphrase }),
  }),
  'sync.startImport': channel<JobStarted>()({
    kind: 'query',
    permission: 'sync.run',
    input: z.object({
      fileName: z.string().max(255).default(''),
      data: z.string().min(1).max(1_000_000_000),
      passphrase,
    }),
  }),
  'sync.history': channel<SyncHistoryEntry[]>()({
    kind: 'query',
    permission: 'sync.run',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }),
  }),
  /** Open conflicts, newest first. */
  'sync.conflicts': channel<SyncConflict[]>()({
    kind: 'query',
    permission: 'sync.run',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
  }),
  /** Keeps one value: writes it as a new local change (so it syncs onward) and closes the conflict. */
  'sync.resolve': channel<void>()({
    kind: 'mutation',
    permission: 'sync.run',
    input: z.object({ id: idField, keep: z.enum(['local', 'remote']) }),
    entity: 'sync',
  }),
};
