// How the forecast writes months, rates and money on cards and chart axes.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/app';

export interface Fmt {
  t: TFunction;
  locale: Locale;
  currency: string;
}

/** "11月" / "Nov"; with the year on a second line when `long`. */
export function monthLabel(fmt: Fmt, month: string, long = false): string {
  return dayjs(`${month}-01`).format(fmt.t(long ? 'forecast.month.long' : 'forecast.month.short'));
}

/** Short labels, with the year on the first month and on every January. */
export function monthLabels(fmt: Fmt, months: string[]): string[] {
  return months.map((month, i) => monthLabel(fmt, month, i === 0 || month.endsWith('-01')));
}

/** Minor units on an axis: 万 (ten thousand) in Chinese, thousands (k) in English. */
export function axisMoney(fmt: Fmt, minor: number): string {
  const value = fmt.locale === 'en' ? minor / 100_000 : minor / 1_000_000;
  return value.toLocaleString(fmt.locale, { maximumFractionDigits: 1 });
}

export function percent(fmt: Fmt, rate: number | null): string {
  if (rate === null) return fmt.t('forecast.kpi.none');
  return rate.toLocaleString(fmt.locale, { style: 'percent', maximumFractionDigits: 1 });
}
