// The job functions, by kind. They run in a worker (worker.ts) on the worker's own connection and
// clock; each is one all-or-nothing transaction (inJobMutation).
import type { JobKind } from '../../shared/jobs';
import type { SyncExportResult, SyncImportSummary } from '../../shared/sync';
import type { AppState } from '../core/context';
import type { Viewer } from '../core/visibility';
import { exportBundle, importBundle, type SyncHooks } from '../sync/merge';
import { runExportTask } from '../io/export/task';
import { runImportTask } from '../io/import/task';
import { runUndoTask } from '../io/import/undo';
import { inJobMutation } from './mutation';

export interface TaskArgs {
  app: AppState;
  input: unknown;
  auditInput: unknown;
  userId: string;
  viewer: Viewer;
  hooks: SyncHooks;
}

export interface SyncExportInput {
  deviceId: string | null;
  passphrase?: string;
}
export interface SyncImportInput {
  fileName: string;
  data: Uint8Array;
  passphrase?: string;
}

export const tasks: Record<JobKind, (args: TaskArgs) => Promise<unknown>> = {
  'sync.export': ({ app, input, auditInput, userId, hooks }): Promise<SyncExportResult> => {
    const { deviceId, passphrase } = input as SyncExportInput;
    return inJobMutation(app, 'sync.export', auditInput, userId, async (_db, now) => {
      const { bytes, header, fileName } = exportBundle(app, now, deviceId, passphrase, hooks);
      return { fileName, data: bytes.toString('base64'), changes: header.count, bytes: bytes.length };
    });
  },
  'sync.import': ({ app, input, auditInput, userId, hooks }): Promise<SyncImportSummary> => {
    const { fileName, data, passphrase } = input as SyncImportInput;
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return inJobMutation(app, 'sync.import', auditInput, userId, (db, now) =>
      importBundle(app, db, now, bytes, fileName, passphrase, hooks),
    );
  },
  'io.import': runImportTask,
  'io.export': runExportTask,
  'io.undo': runUndoTask,
};
