// The desktop shell itself, through Playwright's (experimental) `_electron`. The Electron binary
// cannot be downloaded on our build machines, so there this file reports itself skipped; it runs
// wherever `npm start` works (the binary is installed and better-sqlite3 is built for Electron).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(join(ROOT, 'package.json'));

/** The installed Electron binary, without triggering its on-first-use download. */
function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathTxt = join(dir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function whyNot(): string | null {
  const binary = electronBinary();
  if (!binary) return 'Electron binary not installed on this machine';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display (run under xvfb-run)';
  const probe = spawnSync(binary, ['-e', "new (require('better-sqlite3-multiple-ciphers'))(':memory:')"], {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.status !== 0) return 'better-sqlite3 is built for Node, not Electron (npm start rebuilds it)';
  if (!existsSync(join(ROOT, 'out/main/index.js'))) return 'not built (npm run build)';
  return null;
}

const reason = whyNot();

test.describe('Electron shell', () => {
  test.skip(reason !== null, reason ?? '');

  test('opens one hardened window on app:// that reaches the contract through the preload only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehu-electron-'));
    const app = await electron.launch({
      executablePath: electronBinary()!,
      args: [ROOT, '--data', dataDir],
      cwd: ROOT,
      env: { ...process.env, KEHU_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(/^app:\/\/kehu\//);

      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

      const seen = await page.evaluate(async () => {
        const w = window as unknown as { kehu?: { invoke(c: string, i: unknown): Promise<{ ok: boolean }> }; require?: unknown; process?: unknown };
        const opened = window.open('https://example.com/');
        return {
          bridge: Object.keys(w.kehu ?? {}),
          require: typeof w.require,
          process: typeof w.process,
          opened: opened === null,
          list: await w.kehu!.invoke('tags.list', {}),
        };
      });
      expect(seen).toMatchObject({ bridge: ['invoke'], require: 'undefined', process: 'undefined', opened: true, list: { ok: true } });

      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/kehu\//);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
