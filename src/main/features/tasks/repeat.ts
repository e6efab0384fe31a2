// Repeat rules: the next occurrence of a due time (or all-day day), in local time, so a daily 9:00
// task stays at 9:00. Monthly and yearly keep the original day of the month and clamp it to short
// months: Jan 31 → Feb 28/29 → Mar 31; Feb 29 yearly → Feb 28 → ... → Feb 29 in a leap year.
import type { RepeatRule } from '../../../shared/tasks';
import { dayOf, dayParts, daysInMonth } from './days';

/** The stored rule: the contract's, plus the day of the month it started on (for clamping). */
export interface StoredRepeat extends RepeatRule {
  day?: number;
}

export function storedRepeat(rule: RepeatRule, due: string, allDay: boolean): StoredRepeat {
  return { freq: rule.freq, interval: rule.interval, day: localParts(due, allDay).getDate() };
}

const localParts = (due: string, allDay: boolean): Date => {
  if (!allDay) return new Date(due);
  const [y, m, d] = dayParts(due);
  return new Date(y, m - 1, d);
};

/** The due time (ISO) or day of the occurrence after `due`. */
export function nextDue(due: string, allDay: boolean, rule: StoredRepeat): string {
  const at = localParts(due, allDay);
  const y = at.getFullYear();
  const m = at.getMonth();
  const next = new Date(at);
  if (rule.freq === 'daily' || rule.freq === 'weekly') {
    next.setDate(at.getDate() + rule.interval * (rule.freq === 'weekly' ? 7 : 1));
  } else {
    const months = m + rule.interval * (rule.freq === 'yearly' ? 12 : 1);
    const year = y + Math.floor(months / 12);
    const month = months % 12;
    const day = Math.min(rule.day ?? at.getDate(), daysInMonth(year, month));
    next.setFullYear(year, month, day);
  }
  return allDay ? dayOf(next) : next.toISOString();
}

export function parseRepeat(json: string | null): StoredRepeat | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as StoredRepeat;
  } catch {
    return null;
  }
}
