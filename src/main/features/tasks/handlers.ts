import { sql } from 'kysely';
import type { SubjectHit, tasksContract } from '../../../shared/tasks';
import type { Ctx, HandlersOf } from '../../core/context';
import { checkVisible, visibleTo } from '../../core/visibility';
import { agenda } from './agenda';
import { calendarRange } from './calendar';
import { listTasks, loadTask } from './queries';
import { dismiss, dueReminders, snooze } from './reminders';
import { loadSettings, saveSettings } from './settings';
import { completeTask, createTask, reopenTask, updateTask } from './write';

/** Leads and opportunities whose name contains q: small tables, read only when allowed. */
async function subjectHits(ctx: Ctx, q: string): Promise<SubjectHit[]> {
  const text = q.trim();
  if (!text) return [];
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const can = (p: 'leads.read' | 'deals.read') => ctx.session.permissions.includes(p);
  const leads = can('leads.read')
    ? (await sql<SubjectHit>`SELECT 'lead' AS type, id, name FROM leads
        WHERE deleted_at IS NULL AND ${visibleTo(ctx.session, 'leads', 'leads')} AND (name LIKE ${like} ESCAPE '\\' OR name_py LIKE ${like} ESCAPE '\\') ORDER BY name LIMIT 10`.execute(ctx.db)).rows
    : [];
  const deals = can('deals.read')
    ? (await sql<SubjectHit>`SELECT 'opportunity' AS type, id, name FROM opportunities
        WHERE deleted_at IS NULL AND ${visibleTo(ctx.session, 'opportunities', 'opportunities')} AND name LIKE ${like} ESCAPE '\\' ORDER BY name LIMIT 10`.execute(ctx.db)).rows
    : [];
  return [...leads, ...deals];
}

/** A task the caller can see (not_found for another's), loaded after `change` ran on it. */
async function visibleTask(ctx: Ctx, id: string, change?: () => Promise<unknown>) {
  await checkVisible(ctx.db, ctx.session, 'task', id);
  await change?.();
  return loadTask(ctx.db, id);
}

export const tasksHandlers: HandlersOf<typeof tasksContract> = {
  'tasks.list': (input, ctx) => listTasks(ctx.db, input, ctx.session),
  'tasks.get': ({ id }, ctx) => visibleTask(ctx, id),
  'tasks.create': async (input, ctx) => loadTask(ctx.db, await createTask(ctx, input)),
  'tasks.update': ({ id, patch }, ctx) => visibleTask(ctx, id, () => updateTask(ctx, id, patch)),
  'tasks.complete': ({ id }, ctx) => visibleTask(ctx, id, () => completeTask(ctx, id)),
  'tasks.reopen': ({ id }, ctx) => visibleTask(ctx, id, () => reopenTask(ctx, id)),
  'tasks.delete': async ({ id }, ctx) => {
    await visibleTask(ctx, id);
    await ctx.changes.softDelete('tasks', id);
  },
  'tasks.subjects': ({ q }, ctx) => subjectHits(ctx, q),
  'tasks.agenda': ({ now }, ctx) => agenda(ctx, now ?? ctx.now),
  'calendar.range': ({ from, to }, ctx) => calendarRange(ctx, from, to),
  'reminders.settings': (_input, ctx) => loadSettings(ctx.db),
  'reminders.saveSettings': async (input, ctx) => {
    await saveSettings(ctx.db, input);
    return loadSettings(ctx.db);
  },
  'reminders.due': ({ now }, ctx) => dueReminders(ctx, now ?? ctx.now),
  'reminders.dismiss': ({ keys }, ctx) => dismiss(ctx, keys),
  'reminders.snooze': ({ key, minutes }, ctx) => snooze(ctx, key, minutes),
};
