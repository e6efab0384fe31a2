import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from './idle';

describe('watchIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the idle minutes, and input restarts the countdown', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(target, 15, onIdle);
    vi.advanceTimersByTime(14 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(14 * 60_000);
    target.dispatchEvent(new Event('mousemove'));
    vi.advanceTimersByTime(14 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('0 minutes never locks', () => {
    const onIdle = vi.fn();
    watchIdle(new EventTarget(), 0, onIdle);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('stopping it ends the countdown and stops listening', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle(target, 1, onIdle);
    stop();
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
