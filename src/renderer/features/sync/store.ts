// The sync screen's running job: one export or import at a time, kept outside the page so that
// leaving the screen and coming back neither loses the result nor allows a second start. The job
// runs in a worker in the main process; this polls `jobs.get` for its progress and result.
import { create } from 'zustand';
import type { JobStatus } from '../../../shared/jobs';
import type { SyncExportResult, SyncImportSummary } from '../../../shared/sync';
import { ApiError, call } from '../../api';
import { downloadBase64, readAsBase64 } from '../../components/files';
import { cancelJob, followJob } from '../../components/jobs';

export type SyncJob = 'export' | 'import';

interface SyncUi {
  busy: SyncJob | null;
  /** The running job's last known status (progress), null when none runs. */
  job: JobStatus | null;
  /** Bumped after every finished job: the page reloads status, history and conflicts. */
  generation: number;
  lastExport: SyncExportResult | null;
  exportError: unknown;
  lastImport: SyncImportSummary | null;
  importError: unknown;
  /** The last import was cancelled (nothing was written). */
  importCancelled: boolean;
  /** A bundle for `deviceId` (null: a new device, full snapshot), offered as a download. */
  exportBundle(deviceId: string | null, passphrase: string): Promise<void>;
  /** Reads the chosen file and imports it. */
  importFile(file: File, passphrase: string): Promise<void>;
  /** Asks the running job to stop; it rolls back. */
  cancel(): Promise<void>;
  clearImport(): void;
  changed(): void;
}

export const useSyncUi = create<SyncUi>((set, get) => {
  const follow = (jobId: string) => followJob(jobId, (job) => set({ job }));
  const finish = () => set((s) => ({ busy: null, job: null, generation: s.generation + 1 }));

  return {
    busy: null,
    job: null,
    generation: 0,
    lastExport: null,
    exportError: null,
    lastImport: null,
    importError: null,
    importCancelled: false,
    async exportBundle(deviceId, passphrase) {
      if (get().busy) return;
      set({ busy: 'export', job: null, lastExport: null, exportError: null });
      try {
        const { jobId } = await call('sync.startExport', { deviceId, ...(passphrase ? { passphrase } : {}) });
        const end = await follow(jobId);
        if (end.state === 'done') {
          const result = end.result as SyncExportResult;
          downloadBase64(result.fileName, result.data);
          set({ lastExport: { ...result, data: '' } });
        } else if (end.state === 'failed' && end.error) set({ exportError: new ApiError(end.error) });
      } catch (error) {
        set({ exportError: error });
      } finally {
        finish();
      }
    },
    async importFile(file, passphrase) {
      if (get().busy) return;
      set({ busy: 'import', job: null, lastImport: null, importError: null, importCancelled: false });
      try {
        const data = await readAsBase64(file);
        const { jobId } = await call('sync.startImport', { fileName: file.name, data, ...(passphrase ? { passphrase } : {}) });
        const end = await follow(jobId);
        if (end.state === 'done') set({ lastImport: end.result as SyncImportSummary });
        else if (end.state === 'failed' && end.error) set({ importError: new ApiError(end.error) });
        else set({ importCancelled: true });
      } catch (error) {
        set({ importError: error });
      } finally {
        finish();
      }
    },
    cancel: () => cancelJob(get().job),
    clearImport: () => set({ lastImport: null, importError: null, importCancelled: false }),
    changed: () => set((s) => ({ generation: s.generation + 1 })),
  };
});
