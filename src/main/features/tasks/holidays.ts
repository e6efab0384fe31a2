// Holiday dates per year: fixed solar days, lunar days through lunar-typescript, and 清明 (a solar
// term). 除夕 is the day before 春节, so it is 腊月廿九 in years whose 12th month has 29 days.
import { Lunar, Solar } from 'lunar-typescript';
import type { HolidayId } from '../../../shared/tasks';
import { addDays, daysBetween, dayParts } from './days';

const pad = (n: number) => String(n).padStart(2, '0');
const solarDay = (s: Solar) => `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`;
const lunarDay = (year: number, month: number, day: number) => solarDay(Lunar.fromYmd(year, month, day).getSolar());

const SOLAR: Partial<Record<HolidayId, [number, number]>> = {
  new_year: [1, 1],
  valentines: [2, 14],
  womens_day: [3, 8],
  labour_day: [5, 1],
  childrens_day: [6, 1],
  teachers_day: [9, 10],
  national_day: [10, 1],
  christmas: [12, 25],
};

const LUNAR: Partial<Record<HolidayId, [number, number]>> = {
  spring_festival: [1, 1],
  lantern: [1, 15],
  dragon_boat: [5, 5],
  qixi: [7, 7],
  mid_autumn: [8, 15],
  double_ninth: [9, 9],
};

/** 清明: the day of the solar term in that Gregorian year. */
function qingming(year: number): string {
  const term = Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明'];
  return solarDay(term);
}

/** The Gregorian day of a holiday in a Gregorian year. */
export function holidayDate(id: HolidayId, year: number): string {
  const solar = SOLAR[id];
  if (solar) return `${year}-${pad(solar[0])}-${pad(solar[1])}`;
  const lunar = LUNAR[id];
  if (lunar) return lunarDay(year, lunar[0], lunar[1]);
  if (id === 'qingming') return qingming(year);
  // new_years_eve_lunar: 除夕, the last day of the lunar year, just before 春节.
  return addDays(lunarDay(year, 1, 1), -1);
}

export interface HolidayOn {
  id: HolidayId;
  date: string;
}

/** The given holidays falling on days from..to (both inclusive), in day order. */
export function holidaysBetween(ids: readonly HolidayId[], from: string, to: string): HolidayOn[] {
  const years = new Set(daysBetween(from, to).map((d) => dayParts(d)[0]));
  const found: HolidayOn[] = [];
  for (const year of years) {
    for (const id of ids) {
      const date = holidayDate(id, year);
      if (date >= from && date <= to) found.push({ id, date });
    }
  }
  return found.sort((a, b) => a.date.localeCompare(b.date));
}
