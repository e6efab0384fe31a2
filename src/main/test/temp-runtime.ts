// Test helper: a runtime over a fresh data folder in the OS temp dir (a real SQLite file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from '../core/runtime';

export interface TempRuntime extends Runtime {
  dataDir: string;
  /** Closes the database and removes the folder. */
  dispose(): Promise<void>;
}

export async function tempRuntime(): Promise<TempRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kehu-test-'));
  const rt = await createRuntime(dataDir);
  return {
    ...rt,
    dataDir,
    async dispose() {
      await rt.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
