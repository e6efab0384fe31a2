// Test helpers for the security tests: a data folder in the OS temp dir, runtimes over it with a
// cheap scrypt cost and a clock the test moves, and a caller that keeps its session token the
// way a transport does (a cookie, a window's).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createRuntime, type Runtime } from '../core/runtime';
import type { Channel, Input, Output } from '../../shared/contract';
import { KehuError } from '../../shared/errors';
import type { TokenCaller } from './gate';
import type { OsKeyStore } from './os-key';

/** Cheap scrypt for tests that are not about its cost. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(start = Date.parse('2026-11-23T09:00:00Z')): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export interface Folder {
  dir: string;
  clock: TestClock;
  open(osKeys?: OsKeyStore): Promise<Runtime>;
  dispose(): void;
}

export function tempFolder(): Folder {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-sec-'));
  const clock = testClock();
  return {
    dir,
    clock,
    open: (osKeys) => createRuntime(dir, { scrypt: TEST_SCRYPT, now: clock.now, ...(osKeys ? { osKeys } : {}) }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh data folder open as a runtime for every test of the calling file, closed and removed
 * after it. A test that restarts the runtime sets `t.rt` to the new one (it is the one closed).
 */
export function useTempFolder(): { folder: Folder; rt: Runtime } {
  const t = {} as { folder: Folder; rt: Runtime };
  beforeEach(async () => {
    t.folder = tempFolder();
    t.rt = await t.folder.open();
  });
  afterEach(async () => {
    await t.rt.close();
    t.folder.dispose();
  });
  return t;
}

export interface Client extends TokenCaller {
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
}

/** A transport's caller over a runtime: its token changes with sign-in and sign-out. */
export function client(rt: Runtime): Client {
  const c: Client = {
    token: null,
    setToken(token) {
      c.token = token;
    },
    async call(channel, input) {
      const result = await rt.dispatch(channel, input, c);
      if (!result.ok) throw new KehuError(result.error);
      return result.data as never;
    },
  };
  return c;
}

/** An operating-system key store stand-in (XOR is enough: the test is about who holds the key). */
export const fakeOsKeys: OsKeyStore = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(plain.map((b) => b ^ 0x5a)),
  decrypt: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)),
};
