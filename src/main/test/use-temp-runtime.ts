// Test helper: a fresh temp runtime for every test of the calling file, disposed after it.
import { afterEach, beforeEach } from 'vitest';
import { tempRuntime, type TempRuntime } from './temp-runtime';

export function useTempRuntime(): () => TempRuntime {
  let rt: TempRuntime | null = null;
  beforeEach(async () => {
    rt = await tempRuntime();
  });
  afterEach(async () => {
    await rt?.dispose();
    rt = null;
  });
  return () => {
    if (!rt) throw new Error('useTempRuntime: only inside a test');
    return rt;
  };
}
