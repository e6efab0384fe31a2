// The built job worker (out/main/job-worker.js and its chunks), which only the Electron app runs:
// an import through it, its rows prepared on the stage thread, lands whole and searchable.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

test('the bundled job worker imports a file with its prepare thread', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'e2e/bundled-job.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout.trim().split('\n').pop()!);
  expect(report).toMatchObject({ last: { type: 'done', result: { rows: 5000, created: 5000, rejected: 0 } }, contacts: 5000, staged: true });
  expect(report.found).toBeGreaterThan(0);
});
