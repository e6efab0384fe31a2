// Per-window sessions in Electron's main process, against the runtime's real session store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../core/runtime';
import { tempFolder, type Folder } from '../security/test-kit';
import { windowSessions } from './window-sessions';

let folder: Folder;
let rt: Runtime;
beforeEach(async () => {
  folder = tempFolder();
  rt = await folder.open();
});
afterEach(async () => {
  await rt.close();
  folder.dispose();
});

describe('window sessions', () => {
  it('keeps one session per window, and ends it when the window closes', async () => {
    const closers = new Map<object, () => void>();
    const windows = windowSessions<object>(rt.gate.sessions, (w, closed) => closers.set(w, closed));
    const [a, b] = [{}, {}];
    await rt.dispatch('auth.setup', { mode: 'password', name: '管理员', login: 'admin', password: 'correct horse' }, windows.callerOf(a));
    const tokenA = windows.callerOf(a).token;
    expect(tokenA).not.toBeNull();
    expect(windows.callerOf(b).token).toBeNull();
    expect(await rt.dispatch('tags.list', {}, windows.callerOf(a))).toMatchObject({ ok: true });
    expect(await rt.dispatch('tags.list', {}, windows.callerOf(b))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    closers.get(a)!();
    expect(windows.callerOf(a).token).toBeNull();
    expect(rt.gate.sessions.touch(tokenA!, folder.clock.now(), 0)).toBeNull();
  });
});
