// Source mode (Vitest, `tsx src/main/cli.ts`): the job worker entry is bundled once per process by
// esbuild, as electron-vite bundles it for the app, and every worker thread loads that plain file.
// A thread that registered tsx itself started a module loader thread of its own and compiled each
// module again: about 30 MB of RSS and 1 s of CPU per thread (an import runs two: bench/README "Import").
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The bundle's name: registry.ts finds job-worker.js next to the running bundle (a stage thread). */
export const WORKER_FILE = 'job-worker.js';
/** Bundles of other versions of the source are removed after this long (a process may still use one). */
const STALE_MS = 24 * 60 * 60 * 1000;

let built: URL | null = null;

/**
 * The bundled worker for this source tree. It sits under node_modules/.cache so that its imports of
 * packages (left out of the bundle) resolve as the source's do; its folder is named by its content,
 * so processes that run the same source share it and a rename makes each write whole.
 */
export function sourceWorker(entry: URL): URL {
  if (built) return built;
  // Required here, not imported: the app's bundle contains this module but never runs it, and
  // esbuild (a development tool) is not packaged.
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const result = buildSync({ entryPoints: [fileURLToPath(entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', write: false });
  const code = result.outputFiles[0]!.contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const cache = fileURLToPath(new URL('../../../node_modules/.cache/kehu-worker/', entry));
  const file = join(cache, hash, WORKER_FILE);
  if (!existsSync(file)) {
    mkdirSync(join(cache, hash), { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, file);
    removeStale(cache, hash);
  }
  built = pathToFileURL(file);
  return built;
}

function removeStale(cache: string, current: string): void {
  for (const name of readdirSync(cache)) {
    const dir = join(cache, name);
    if (name !== current && Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
  }
}
