import { describe, expect, it } from 'vitest';
import { nextDue, storedRepeat } from './repeat';
import type { RepeatRule } from '../../../shared/tasks';

/** Successive all-day occurrences from a start day. */
function series(start: string, rule: RepeatRule, n: number): string[] {
  const stored = storedRepeat(rule, start, true);
  const days = [start];
  while (days.length < n) days.push(nextDue(days[days.length - 1], true, stored));
  return days;
}

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

describe('repeat rules', () => {
  it('daily and weekly with intervals, across month and year ends', () => {
    expect(series('2025-12-30', { freq: 'daily', interval: 1 }, 4)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(series('2026-02-25', { freq: 'weekly', interval: 2 }, 3)).toEqual(['2026-02-25', '2026-03-11', '2026-03-25']);
  });

  it('monthly keeps the original day and clamps month ends', () => {
    expect(series('2024-01-31', { freq: 'monthly', interval: 1 }, 5)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    expect(series('2025-01-31', { freq: 'monthly', interval: 1 }, 3)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
    expect(series('2025-11-30', { freq: 'monthly', interval: 3 }, 3)).toEqual(['2025-11-30', '2026-02-28', '2026-05-30']);
  });

  it('yearly on 29 February: the 28th in common years, the 29th again in a leap year', () => {
    expect(series('2024-02-29', { freq: 'yearly', interval: 1 }, 5)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('a timed task keeps its local time of day', () => {
    const start = local(2026, 1, 31, 9, 30);
    const rule = storedRepeat({ freq: 'monthly', interval: 1 }, start, false);
    const feb = nextDue(start, false, rule);
    expect(feb).toBe(local(2026, 2, 28, 9, 30));
    expect(nextDue(feb, false, rule)).toBe(local(2026, 3, 31, 9, 30));
    expect(nextDue(start, false, storedRepeat({ freq: 'daily', interval: 1 }, start, false))).toBe(local(2026, 2, 1, 9, 30));
  });
});
