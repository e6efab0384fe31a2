import { describe, expect, it } from 'vitest';
import { holidayDate, holidaysBetween } from './holidays';

// Published dates (verified against lunar-typescript and the State Council calendars).
const KNOWN = {
  spring_festival: { 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06' },
  lantern: { 2024: '2024-02-24', 2025: '2025-02-12', 2026: '2026-03-03' },
  dragon_boat: { 2024: '2024-06-10', 2025: '2025-05-31', 2026: '2026-06-19' },
  mid_autumn: { 2024: '2024-09-17', 2025: '2025-10-06', 2026: '2026-09-25' },
} as const;

describe('holidays', () => {
  for (const [id, years] of Object.entries(KNOWN)) {
    it(`${id} falls on its Gregorian day each year`, () => {
      for (const [year, date] of Object.entries(years)) expect(holidayDate(id as keyof typeof KNOWN, Number(year))).toBe(date);
    });
  }

  it('除夕 is 腊月三十, or 廿九 when the 12th month is short', () => {
    expect(holidayDate('new_years_eve_lunar', 2024)).toBe('2024-02-09'); // 腊月三十
    expect(holidayDate('new_years_eve_lunar', 2025)).toBe('2025-01-28'); // 腊月廿九
    expect(holidayDate('new_years_eve_lunar', 2026)).toBe('2026-02-16'); // 腊月廿九
  });

  it('solar holidays and 清明', () => {
    expect(holidayDate('national_day', 2026)).toBe('2026-10-01');
    expect(holidayDate('labour_day', 2025)).toBe('2025-05-01');
    expect(holidayDate('qingming', 2024)).toBe('2024-04-04');
    expect(holidayDate('qingming', 2025)).toBe('2025-04-04');
  });

  it('lists the enabled ones within a range, across a year end', () => {
    expect(holidaysBetween(['new_year', 'mid_autumn', 'christmas'], '2025-12-20', '2026-01-05')).toEqual([
      { id: 'christmas', date: '2025-12-25' },
      { id: 'new_year', date: '2026-01-01' },
    ]);
  });
});
