// The sync screen's running job: one export or import at a time, kept outside the page so that
// leaving the screen and coming back neither loses the result nor allows a second start.
import { create } from 'zustand';
import type { SyncExportResult, SyncImportSummary } from '../../../shared/sync';
import { call } from '../../api';
import { downloadBase64, readAsBase64 } from './files';

export type SyncJob = 'export' | 'import';

interface SyncUi {
  busy: SyncJob | null;
  /** Bumped after every finished job: the page reloads status, history and conflicts. */
  generation: number;
  lastExport: SyncExportResult | null;
  exportError: unknown;
  lastImport: SyncImportSummary | null;
  importError: unknown;
  /** A bundle for `deviceId` (null: a new device, full snapshot), offered as a download. */
  exportBundle(deviceId: string | null, passphrase: string): Promise<void>;
  /** Reads the chosen file and imports it. */
  importFile(file: File, passphrase: string): Promise<void>;
  clearImport(): void;
  changed(): void;
}

export const useSyncUi = create<SyncUi>((set, get) => ({
  busy: null,
  generation: 0,
  lastExport: null,
  exportError: null,
  lastImport: null,
  importError: null,
  async exportBundle(deviceId, passphrase) {
    if (get().busy) return;
    set({ busy: 'export', lastExport: null, exportError: null });
    try {
      const result = await call('sync.export', { deviceId, ...(passphrase ? { passphrase } : {}) });
      downloadBase64(result.fileName, result.data);
      set({ lastExport: { ...result, data: '' } });
    } catch (error) {
      set({ exportError: error });
    } finally {
      set((s) => ({ busy: null, generation: s.generation + 1 }));
    }
  },
  async importFile(file, passphrase) {
    if (get().busy) return;
    set({ busy: 'import', lastImport: null, importError: null });
    try {
      const data = await readAsBase64(file);
      const summary = await call('sync.import', { fileName: file.name, data, ...(passphrase ? { passphrase } : {}) });
      set({ lastImport: summary });
    } catch (error) {
      set({ importError: error });
    } finally {
      set((s) => ({ busy: null, generation: s.generation + 1 }));
    }
  },
  clearImport: () => set({ lastImport: null, importError: null }),
  changed: () => set((s) => ({ generation: s.generation + 1 })),
}));
