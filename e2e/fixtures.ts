// The `host` fixture: a real `kehu serve` over a fresh data folder, one per test (`host2`: a second
// one, for tests between two devices).
//
//   import { test, expect } from './fixtures';
//   test('…', async ({ page, host }) => { await page.goto(host.url); … });
//
// `host.url` carries the access token: the first visit trades it for a cookie and redirects to
// the app (the cookie is per browser context, so every test starts signed in after its first goto).
// `host.invoke(channel, input)` calls the contract over HTTP (set-up data without clicking); it
// keeps the session cookie a sign-in sets, like a browser would.
// The host is set up in single-user mode (no sign-in), so specs start in the app. `freshHost`
// (or `createHost({ setup: false })`) starts at the first-start screen instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export interface HostFixture {
  /** http://127.0.0.1:PORT/?token=... — open it first. */
  url: string;
  /** http://127.0.0.1:PORT/ (no token). */
  origin: string;
  token: string;
  dataDir: string;
  /** POST /api/invoke with the token (and the session cookie of the last sign-in through it); returns the Result. */
  invoke<T = unknown>(channel: string, input?: unknown): Promise<{ ok: true; data: T } | { ok: false; error: { code: string } }>;
  stop(): Promise<void>;
}

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export async function startServe(dataDir: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/main/cli.ts', 'serve', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, KEHU_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`kehu serve did not start within 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^KEHU_URL=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kehu serve exited (${code}) before listening:\n${out}`));
    });
  });
  return { url, child, output: () => out };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

export interface HostOptions {
  /** Set the folder up in single-user mode (default), or leave it at the first-start choice. */
  setup?: boolean;
}

/** A running host over a fresh data folder; `dispose()` stops it and removes the folder. */
export async function createHost(options: HostOptions = {}): Promise<HostFixture & { dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kehu-e2e-'));
  const { url, child } = await startServe(dataDir);
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token')!;
  const origin = `${parsed.origin}/`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopChild(child);
  };
  const sessionCookie = `kehu_session_${parsed.port}`;
  let session: string | null = null;
  const host: HostFixture & { dispose(): Promise<void> } = {
    url,
    origin,
    token,
    dataDir,
    async invoke(channel, input = {}) {
      const res = await fetch(new URL('/api/invoke', origin), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          ...(session ? { Cookie: `${sessionCookie}=${session}` } : {}),
        },
        body: JSON.stringify({ channel, input }),
      });
      const set = res.headers.get('set-cookie');
      if (set?.startsWith(`${sessionCookie}=`)) session = /Max-Age=0/.test(set) ? null : set.slice(sessionCookie.length + 1).split(';')[0];
      return (await res.json()) as never;
    },
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (options.setup !== false) {
    const done = await host.invoke('auth.setup', { mode: 'single' });
    if (!done.ok) throw new Error(`single-user set-up failed: ${JSON.stringify(done)}`);
  }
  return host;
}

async function provideHost(use: (host: HostFixture) => Promise<void>, options: HostOptions = {}) {
  const { dispose, ...host } = await createHost(options);
  try {
    await use(host);
  } finally {
    await dispose();
  }
}

export const test = base.extend<{ host: HostFixture; host2: HostFixture; freshHost: HostFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern
  host: async ({}, use) => provideHost(use),
  /**
   * A second host with its own data folder (e.g. another device for sync), started only by tests
   * that ask for it. Both hosts listen on 127.0.0.1 and cookies ignore the port, so open it in its
   * own browser context (`browser.newContext()`), not in `page`'s.
   */
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern
  host2: async ({}, use) => provideHost(use),
  /** A host never set up: the app opens at the first-start choice (single user or passwords). */
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern
  freshHost: async ({}, use) => provideHost(use, { setup: false }),
});

export { expect };
