import { describe, expect, it } from 'vitest';
import { HybridClock, parseHlc } from './hlc';

describe('HybridClock', () => {
  it('makes strictly rising timestamps even when the wall clock stands still or goes back', () => {
    let wall = 1_700_000_000_000;
    const clock = new HybridClock('aaaa', null, () => wall);
    const a = clock.send();
    const b = clock.send();
    wall -= 60_000;
    const c = clock.send();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(c).millis).toBe(1_700_000_000_000);
  });

  it('orders local events after a remote timestamp from a clock running ahead, and reports the skew', () => {
    const wall = 1_700_000_000_000;
    const clock = new HybridClock('aaaa', null, () => wall);
    const remote = new HybridClock('bbbb', null, () => wall + 10 * 60_000).send();
    const { skewMs } = clock.recv(remote);
    expect(skewMs).toBe(10 * 60_000);
    expect(clock.send() > remote).toBe(true);
  });

  it('resumes from the stored timestamp after a restart', () => {
    const first = new HybridClock('aaaa', null, () => 2_000);
    first.send();
    const last = first.send();
    const again = new HybridClock('aaaa', last, () => 1_000);
    expect(again.send() > last).toBe(true);
  });

  it('does not overflow the counter within one millisecond', () => {
    const clock = new HybridClock('aaaa', null, () => 5_000);
    let prev = clock.send();
    for (let i = 0; i < 70_000; i++) {
      const next = clock.send();
      expect(next > prev).toBe(true);
      prev = next;
    }
  });

  it('refuses text that is not a timestamp', () => {
    expect(() => parseHlc('yesterday')).toThrow();
  });
});
