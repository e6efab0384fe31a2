// Calendar days as the shop sees them: the main process's local zone (the PC on the counter),
// not UTC, so that a quote made at 07:00 in Beijing carries that day's date.
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO timestamp → local YYYY-MM-DD. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local YYYY-MM-DD of `iso` plus `days` days. */
export function dayAfter(iso: string, days: number): string {
  const d = new Date(iso);
  d.setDate(d.getDate() + days);
  return localDay(d.toISOString());
}
