import type { TFunction } from 'i18next';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Time spent in a stage, to the hour: "3 天 4 小时", "5 小时", "不到 1 小时". */
export function durationText(t: TFunction, ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  if (days > 0) return hours > 0 ? t('deals.duration.daysHours', { days, hours }) : t('deals.duration.days', { days });
  return hours > 0 ? t('deals.duration.hours', { hours }) : t('deals.duration.lessThanHour');
}
