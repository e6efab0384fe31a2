// `kehu demo --contacts N`: the sample data set (src/main/features/demo) over a runtime.
import type { Runtime } from '../core/runtime';

export async function runDemo(_rt: Runtime, _contacts: number, _log: (line: string) => void): Promise<string> {
  // Wired to src/main/features/demo once that module lands.
  throw new Error('the sample data module (src/main/features/demo) is not available in this build yet');
}
