// What else is on a day besides tasks: leads to follow up, contacts' birthdays, opportunities
// expected to close. Each is read only when the session may read that domain.
import { sql, type Kysely } from 'kysely';
import type { SessionInfo } from '../../../shared/permissions';
import { visibleTo } from '../../core/visibility';
import type { Database } from '../../db/schema';
import { dayParts, daysBetween, localDay, timeBounds } from './days';

export interface FollowUp {
  id: string;
  name: string;
  companyName: string | null;
  at: string;
}

/** Open leads (not converted or invalid) whose next follow-up falls before `to` (and from `from`). */
export async function followUps(db: Kysely<Database>, session: SessionInfo, from: string | null, to: string): Promise<FollowUp[]> {
  if (!session.permissions.includes('leads.read')) return [];
  const [start, end] = timeBounds(from ?? '0000-01-01', to);
  const { rows } = await sql<FollowUp>`
    SELECT id, name, company_name AS companyName, next_follow_up_at AS at FROM leads
    WHERE deleted_at IS NULL AND status NOT IN ('converted', 'invalid') AND ${visibleTo(session, 'leads', 'leads')}
      AND next_follow_up_at >= ${start} AND next_follow_up_at < ${end}
    ORDER BY next_follow_up_at LIMIT 500`.execute(db);
  return rows;
}

export interface Birthday {
  id: string;
  name: string;
  /** The local day it is celebrated on in that year. */
  date: string;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Contacts whose birthday ('YYYY-MM-DD', or '--MM-DD' / 'MM-DD' tolerated) falls on from..to;
 *  29 February birthdays are kept on the 28th in common years. */
export async function birthdays(db: Kysely<Database>, session: SessionInfo, from: string, to: string): Promise<Birthday[]> {
  if (!session.permissions.includes('customers.read')) return [];
  const dayOfMonthDay = new Map<string, string[]>();
  for (const day of daysBetween(from, to)) {
    const [y] = dayParts(day);
    const md = day.slice(5);
    const keys = md === '02-28' && !isLeap(y) ? [md, '02-29'] : [md];
    for (const k of keys) dayOfMonthDay.set(k, [...(dayOfMonthDay.get(k) ?? []), day]);
  }
  // No index on birthday (migrations are frozen): a scan of the contacts that have one.
  const { rows } = await sql<{ id: string; name: string; md: string }>`
    SELECT id, name, substr(birthday, -5) AS md FROM contacts
    WHERE deleted_at IS NULL AND ${visibleTo(session, 'contacts', 'contacts')} AND birthday IS NOT NULL AND substr(birthday, -5) IN (${sql.join([...dayOfMonthDay.keys()])})
    ORDER BY name LIMIT 1000`.execute(db);
  return rows
    .flatMap((r) => (dayOfMonthDay.get(r.md) ?? []).map((date) => ({ id: r.id, name: r.name, date })))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export interface Closing {
  id: string;
  name: string;
  date: string;
}

/** Open opportunities expected to close on from..to. */
export async function closings(db: Kysely<Database>, session: SessionInfo, from: string, to: string): Promise<Closing[]> {
  if (!session.permissions.includes('deals.read')) return [];
  const { rows } = await sql<Closing>`
    SELECT id, name, expected_close AS date FROM opportunities
    WHERE deleted_at IS NULL AND ${visibleTo(session, 'opportunities', 'opportunities')} AND status = 'open' AND expected_close >= ${from} AND expected_close <= ${to}
    ORDER BY expected_close LIMIT 1000`.execute(db);
  return rows;
}

/** The local day of a task's due (its day when all-day). */
export const dueDay = (dueAt: string, allDay: boolean): string => (allDay ? dueAt : localDay(dueAt));
