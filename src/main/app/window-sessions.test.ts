// Per-window sessions in Electron's main process, against the runtime's real session store.
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../security/test-kit';
import { windowSessions } from './window-sessions';

const t = useTempFolder();

describe('window sessions', () => {
  it('keeps one session per window, and ends it when the window closes', async () => {
    const closers = new Map<object, () => void>();
    const windows = windowSessions<object>(t.rt.gate.sessions, (w, closed) => closers.set(w, closed));
    const [a, b] = [{}, {}];
    await t.rt.dispatch('auth.setup', { mode: 'password', name: '管理员', login: 'admin', password: 'correct horse' }, windows.callerOf(a));
    const tokenA = windows.callerOf(a).token;
    expect(tokenA).not.toBeNull();
    expect(windows.callerOf(b).token).toBeNull();
    expect(await t.rt.dispatch('tags.list', {}, windows.callerOf(a))).toMatchObject({ ok: true });
    expect(await t.rt.dispatch('tags.list', {}, windows.callerOf(b))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    closers.get(a)!();
    expect(windows.callerOf(a).token).toBeNull();
    expect(t.rt.gate.sessions.touch(tokenA!, t.folder.clock.now(), 0)).toBeNull();
  });
});
