// Reminders of this device: what is due and not dismissed here. Nothing is recorded when one is
// shown (queries never write), so whatever fell due while the app was closed is simply still due
// at the next start. The local `reminders` table keeps dismissals, and a snoozed birthday or
// holiday as a row whose due_at is the time to show it again.
import { sql } from 'kysely';
import type { HolidayId, Reminder } from '../../../shared/tasks';
import type { Ctx } from '../../core/context';
import { visibleTo } from '../../core/visibility';
import { atTimeOfDay, localDay } from './days';
import { holidaysBetween } from './holidays';
import { SUBJECT_NAME, toTask, type TaskRow } from './queries';
import { loadSettings } from './settings';
import { birthdays } from './sources';

/** Keys not to show at `now`: dismissed, or snoozed to later. */
async function hiddenKeys(ctx: Ctx, keys: string[], now: string): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await ctx.db
    .selectFrom('reminders')
    .select('key')
    .where('key', 'in', keys)
    .where((eb) => eb.or([eb('dismissed_at', 'is not', null), eb('due_at', '>', now)]))
    .execute();
  return new Set(rows.map((r) => r.key));
}

async function dueTasks(ctx: Ctx, now: string): Promise<Reminder[]> {
  const { rows } = await sql<TaskRow>`
    SELECT t.*, ${SUBJECT_NAME} AS subject_name FROM tasks t
    LEFT JOIN reminders r ON r.key = 'task:' || t.id || ':' || t.remind_at
    WHERE t.deleted_at IS NULL AND ${visibleTo(ctx.session, 'tasks', 't')} AND t.done_at IS NULL AND t.remind_at IS NOT NULL AND t.remind_at <= ${now}
      AND (r.key IS NULL OR (r.dismissed_at IS NULL AND r.due_at <= ${now}))
    ORDER BY t.remind_at LIMIT 200`.execute(ctx.db);
  return rows.map((row) => {
    const task = toTask(row);
    return { key: `task:${task.id}:${task.remindAt}`, kind: 'task', dueAt: task.remindAt!, title: task.title, taskId: task.id, subject: task.subject };
  });
}

/** Today's birthdays and greeting holidays, from the reminder time of day on. */
async function dueGreetings(ctx: Ctx, now: string): Promise<Reminder[]> {
  const settings = await loadSettings(ctx.db);
  const today = localDay(now);
  const dueAt = atTimeOfDay(today, settings.timeOfDay);
  if (dueAt > now) return [];
  const year = today.slice(0, 4);
  const holidays = holidaysBetween(settings.holidays, today, today).map(
    (h): Reminder => ({ key: `holiday:${h.id}:${year}`, kind: 'holiday', dueAt, title: h.id, holidayId: h.id as HolidayId }),
  );
  const born = settings.birthdays ? await birthdays(ctx.db, ctx.session, today, today) : [];
  const people = born.map((b): Reminder => ({ key: `birthday:${b.id}:${year}`, kind: 'birthday', dueAt, title: b.name, contactId: b.id }));
  const all = [...holidays, ...people];
  const hidden = await hiddenKeys(ctx, all.map((r) => r.key), now);
  return all.filter((r) => !hidden.has(r.key));
}

export async function dueReminders(ctx: Ctx, now: string): Promise<Reminder[]> {
  return [...(await dueGreetings(ctx, now)), ...(await dueTasks(ctx, now))];
}

const kindOf = (key: string) => key.slice(0, key.indexOf(':'));
/** A task key's remind time: everything after 'task:<id>:'. */
const taskParts = (key: string) => {
  const [, id] = key.split(':');
  return { id, remindAt: key.slice(`task:${id}:`.length) };
};

export async function dismiss(ctx: Ctx, keys: string[]): Promise<void> {
  for (const key of new Set(keys)) {
    const dueAt = kindOf(key) === 'task' ? taskParts(key).remindAt : ctx.now;
    await sql`INSERT INTO reminders (key, kind, due_at, shown_at, dismissed_at) VALUES (${key}, ${kindOf(key)}, ${dueAt}, ${ctx.now}, ${ctx.now})
              ON CONFLICT (key) DO UPDATE SET dismissed_at = excluded.dismissed_at`.execute(ctx.db);
  }
}

/** A task's remind time moves (so every device rings later); a greeting waits on this device. */
export async function snooze(ctx: Ctx, key: string, minutes: number): Promise<void> {
  const later = new Date(Date.parse(ctx.now) + minutes * 60_000).toISOString();
  if (kindOf(key) === 'task') {
    const { id } = taskParts(key);
    const task = await ctx.db
      .selectFrom('tasks')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .where(visibleTo(ctx.session, 'tasks', 'tasks'))
      .executeTakeFirst();
    if (task) await ctx.changes.update('tasks', id, { remind_at: later });
    return;
  }
  await sql`INSERT INTO reminders (key, kind, due_at, shown_at, dismissed_at) VALUES (${key}, ${kindOf(key)}, ${later}, ${ctx.now}, NULL)
            ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, dismissed_at = NULL`.execute(ctx.db);
}
