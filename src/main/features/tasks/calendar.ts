// Calendar entries of local days from..to: tasks by due day, lead follow-ups, birthdays, the
// holidays this device greets on, and opportunities' expected close.
import type { CalendarEntry } from '../../../shared/tasks';
import type { Ctx } from '../../core/context';
import { invalidField } from '../customers';
import { localDay } from './days';
import { holidaysBetween } from './holidays';
import { dueBetween, selectTasks } from './queries';
import { loadSettings } from './settings';
import { birthdays, closings, dueDay, followUps } from './sources';

export async function calendarRange(ctx: Ctx, from: string, to: string): Promise<CalendarEntry[]> {
  if (to < from || Date.parse(to) - Date.parse(from) > 366 * 86_400_000) throw invalidField('to', 'tasks.errors.range');
  const settings = await loadSettings(ctx.db);
  const tasks = await selectTasks(ctx.db, ctx.session, dueBetween(from, to), 2000);
  const entries: CalendarEntry[] = [
    ...holidaysBetween(settings.holidays, from, to).map((h): CalendarEntry => ({ kind: 'holiday', date: h.date, at: null, title: h.id, refId: h.id })),
    ...tasks.map(
      (t): CalendarEntry => ({
        kind: 'task',
        date: dueDay(t.dueAt!, t.allDay),
        at: t.allDay ? null : t.dueAt,
        title: t.title,
        refId: t.id,
        done: t.doneAt !== null,
        priority: t.priority,
      }),
    ),
    ...(await followUps(ctx.db, ctx.session, from, to)).map((l): CalendarEntry => ({ kind: 'follow_up', date: localDay(l.at), at: l.at, title: l.name, refId: l.id })),
    ...(await birthdays(ctx.db, ctx.session, from, to)).map((b): CalendarEntry => ({ kind: 'birthday', date: b.date, at: null, title: b.name, refId: b.id })),
    ...(await closings(ctx.db, ctx.session, from, to)).map((o): CalendarEntry => ({ kind: 'close', date: o.date, at: null, title: o.name, refId: o.id })),
  ];
  // Per day: untimed entries first (in the order above), then by time.
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || (a.e.at ?? '').localeCompare(b.e.at ?? '') || a.i - b.i)
    .map((x) => x.e);
}
