// The home page's agenda: overdue, today and the rest of this week.
import { sql } from 'kysely';
import type { Agenda, AgendaItem, Task } from '../../../shared/tasks';
import type { Ctx } from '../../core/context';
import { localDay, weekEnd } from './days';
import { dueBetween, selectTasks } from './queries';
import { birthdays, dueDay, followUps } from './sources';

export async function agenda(ctx: Ctx, now: string): Promise<Agenda> {
  const today = localDay(now);
  const end = weekEnd(today);
  const tasks = await selectTasks(ctx.db, ctx.session, sql`t.done_at IS NULL AND t.due_at IS NOT NULL AND ${dueBetween(null, end)}`);
  const leads = await followUps(ctx.db, ctx.session, null, end);
  const born = await birthdays(ctx.db, ctx.session, today, end);
  const result: Agenda = { today: [], overdue: [], week: [] };
  const bucket = (day: string) => (day < today ? result.overdue : day === today ? result.today : result.week);
  const items: [string, string, AgendaItem][] = [
    ...tasks.map((task: Task): [string, string, AgendaItem] => [dueDay(task.dueAt!, task.allDay), task.dueAt!, { kind: 'task', task }]),
    ...leads.map((lead): [string, string, AgendaItem] => [localDay(lead.at), lead.at, { kind: 'follow_up', lead }]),
    ...born.map((b): [string, string, AgendaItem] => [b.date, b.date, { kind: 'birthday', contact: { id: b.id, name: b.name }, date: b.date }]),
  ];
  // All-day entries ('YYYY-MM-DD') sort before the timed ones of their day.
  items.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  for (const [day, , item] of items) bucket(day).push(item);
  return result;
}
