import { describe, expect, it } from 'vitest';
import { addMonths, monthAt, monthsFrom } from './forecast';

describe('forecast months', () => {
  it('adds and subtracts months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
    expect(monthsFrom('2026-11', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('takes the month of an instant in the given zone', () => {
    const instant = new Date('2026-10-31T20:00:00.000Z');
    expect(monthAt(instant, 0)).toBe('2026-10');
    expect(monthAt(instant, 480)).toBe('2026-11');
    expect(monthAt(new Date('2026-01-01T03:00:00.000Z'), -300)).toBe('2025-12');
  });
});
