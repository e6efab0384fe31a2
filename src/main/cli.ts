// `kehu` — the command line (npm run kehu -- <command>). See src/main/cli/run.ts.
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/run';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort());
}

const rendererDir = process.env.KEHU_RENDERER_DIR || fileURLToPath(new URL('../../out/renderer', import.meta.url));

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  rendererDir,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
