// Local days. "Today", a week, a birthday or a holiday are days of the person at this computer,
// so they are computed in the process's time zone (the main process runs on the same machine as
// the window); stored times stay ISO-8601 UTC.

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of a Date, 'YYYY-MM-DD'. */
export const dayOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The local day of an ISO time. */
export const localDay = (iso: string): string => dayOf(new Date(iso));

export function dayParts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y, m, d];
}

/** Local midnight starting the day. */
export function dayStart(day: string): Date {
  const [y, m, d] = dayParts(day);
  return new Date(y, m - 1, d);
}

export const dayStartIso = (day: string): string => dayStart(day).toISOString();

export function addDays(day: string, n: number): string {
  const d = dayStart(day);
  d.setDate(d.getDate() + n);
  return dayOf(d);
}

/** The Sunday ending the (Monday-first) week of the day. */
export function weekEnd(day: string): string {
  const weekday = dayStart(day).getDay();
  return addDays(day, weekday === 0 ? 0 : 7 - weekday);
}

/** Every day from..to, both inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The day at a local time of day ('HH:mm'), as ISO. */
export function atTimeOfDay(day: string, timeOfDay: string): string {
  const [h, m] = timeOfDay.split(':').map(Number);
  const d = dayStart(day);
  d.setHours(h, m);
  return d.toISOString();
}

export const daysInMonth = (year: number, monthIndex: number): number => new Date(year, monthIndex + 1, 0).getDate();

/** The UTC bounds [start, end) of local days from..to, for comparing stored times. */
export const timeBounds = (from: string, to: string): [string, string] => [dayStartIso(from), dayStartIso(addDays(to, 1))];
