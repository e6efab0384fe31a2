#!/usr/bin/env node
// better-sqlite3-multiple-ciphers (SQLite with encryption at rest) is a native module: one build serves either Node or Electron, never both.
//   node scripts/native.mjs node      — before tests, `serve`, the CLI and the bench: if it does not
//                                       load under Node (e.g. after `npm start` rebuilt it for
//                                       Electron), run `npm rebuild better-sqlite3-multiple-ciphers` (local compile).
//   node scripts/native.mjs electron  — before `npm start`: if it does not load under Electron, run
//                                       `electron-builder install-app-deps` (downloads Electron's
//                                       headers, so it needs the network once).
// Silent when nothing needs doing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const probe = "new (require('better-sqlite3-multiple-ciphers'))(':memory:').prepare('select 1').get()";
const target = process.argv[2] ?? 'node';

function loads(command, env = process.env) {
  const r = spawnSync(command, ['-e', probe], { cwd: root, env, stdio: 'pipe', encoding: 'utf8' });
  return r.status === 0;
}

function run(command, args) {
  console.log(`[native] ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (target === 'node') {
  if (!loads(process.execPath)) {
    console.log('[native] better-sqlite3 is not built for this Node (it was built for Electron?); rebuilding it for Node.');
    run('npm', ['rebuild', 'better-sqlite3-multiple-ciphers']);
    if (!loads(process.execPath)) {
      console.error('[native] better-sqlite3 still does not load under Node.');
      process.exit(1);
    }
  }
} else if (target === 'electron') {
  let electron = electronBinary();
  if (!electron) {
    // electron ≥ 45 downloads its binary on first use: do it now, where the error is readable.
    try {
      require('electron');
    } catch {
      // reported below
    }
    electron = electronBinary();
  }
  if (!electron) {
    console.error(
      '[native] The Electron binary is not installed and could not be downloaded (no network?).\n' +
        '         Try again with network access, or use `npm run serve` for the browser version.',
    );
    process.exit(1);
  }
  if (!loads(electron, { ...process.env, ELECTRON_RUN_AS_NODE: '1' })) {
    console.log('[native] Rebuilding better-sqlite3 for Electron (run `npm run serve`/`npm test` later and it is rebuilt for Node again).');
    run('npx', ['electron-builder', 'install-app-deps']);
  }
} else {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(64);
}
