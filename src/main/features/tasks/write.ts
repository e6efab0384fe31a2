// Writing tasks: create, edit, complete (with the next occurrence of a repeating task) and undo.
import type { z } from 'zod';
import { TaskCreate, type TaskSubjectType, type TaskUpdate } from '../../../shared/tasks';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import { visibleTo } from '../../core/visibility';
import { invalidField } from '../customers';
import { atTimeOfDay } from './days';
import { loadTaskRow, type TaskRow } from './queries';
import { nextDue, parseRepeat, storedRepeat } from './repeat';
import { loadSettings } from './settings';

type Create = z.output<typeof TaskCreate>;
type Patch = z.output<typeof TaskUpdate>['patch'];

const SUBJECT_TABLE = { contact: 'contacts', company: 'companies', lead: 'leads', opportunity: 'opportunities' } as const;

/** A task links to a live record the caller can see, or to nothing; type and id come together. */
async function checkSubject(ctx: Ctx, type: TaskSubjectType | null | undefined, id: string | null | undefined): Promise<void> {
  if (!type && !id) return;
  if (!type || !id) throw invalidField(type ? 'subjectId' : 'subjectType', 'validation.required');
  const row = await ctx.db
    .selectFrom(SUBJECT_TABLE[type])
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where(visibleTo(ctx.session, SUBJECT_TABLE[type], SUBJECT_TABLE[type]))
    .executeTakeFirst();
  if (!row) throw invalidField('subjectId', 'tasks.errors.subject_missing');
}

/** When the reminder rings by default: at the due time; an all-day task on its day at the
 *  reminder time of day. */
async function defaultRemind(ctx: Ctx, due: string | null, allDay: boolean): Promise<string | null> {
  if (!due) return null;
  return allDay ? atTimeOfDay(due, (await loadSettings(ctx.db)).timeOfDay) : due;
}

/** The remind time after the due time moved: the same distance before the new due time. A task
 *  that had no due time gets the default; one whose reminder was turned off keeps none. */
async function movedRemind(ctx: Ctx, row: TaskRow, due: string | null, allDay: boolean): Promise<string | null> {
  const newBase = await defaultRemind(ctx, due, allDay);
  if (!row.due_at) return row.remind_at ?? newBase;
  const oldBase = await defaultRemind(ctx, row.due_at, row.all_day === 1);
  if (!row.remind_at || !oldBase || !newBase) return row.remind_at;
  return new Date(Date.parse(newBase) + Date.parse(row.remind_at) - Date.parse(oldBase)).toISOString();
}

/** Repeating needs a due time to count from. */
function checkRepeat(task: { dueAt?: string | null; repeat?: unknown }): void {
  if (task.repeat && !task.dueAt) throw invalidField('dueAt', 'tasks.errors.repeat_needs_due');
}

export async function createTask(ctx: Ctx, input: Create): Promise<string> {
  checkRepeat(input);
  await checkSubject(ctx, input.subjectType, input.subjectId);
  const due = input.dueAt ?? null;
  const id = newId();
  await ctx.changes.insert('tasks', {
    id,
    title: input.title,
    notes: input.notes,
    due_at: due,
    all_day: input.allDay ? 1 : 0,
    remind_at: input.remindAt === undefined ? await defaultRemind(ctx, due, input.allDay) : input.remindAt,
    priority: input.priority,
    subject_type: input.subjectType ?? null,
    subject_id: input.subjectId ?? null,
    repeat: input.repeat && due ? JSON.stringify(storedRepeat(input.repeat, due, input.allDay)) : null,
    done_at: null,
    next_task_id: null,
  });
  return id;
}

/** The task after the patch, checked as a whole (an all-day day, a repeat with a due time). */
function merged(row: TaskRow, patch: Patch) {
  const repeat = parseRepeat(row.repeat);
  const whole = {
    title: patch.title ?? row.title,
    allDay: patch.allDay ?? row.all_day === 1,
    dueAt: patch.dueAt !== undefined ? patch.dueAt : row.due_at,
    repeat: patch.repeat !== undefined ? patch.repeat : repeat && { freq: repeat.freq, interval: repeat.interval },
    subjectType: patch.subjectType !== undefined ? patch.subjectType : (row.subject_type as TaskSubjectType | null),
    subjectId: patch.subjectId !== undefined ? patch.subjectId : row.subject_id,
  };
  const checked = TaskCreate.safeParse(whole);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw invalidField(issue.path.join('.'), issue.message.startsWith('validation.') ? issue.message : 'validation.invalid');
  }
  checkRepeat(checked.data);
  return checked.data;
}

export async function updateTask(ctx: Ctx, id: string, patch: Patch): Promise<void> {
  const row = await loadTaskRow(ctx.db, id);
  const next = merged(row, patch);
  if (patch.subjectType !== undefined || patch.subjectId !== undefined) await checkSubject(ctx, next.subjectType, next.subjectId);
  const due = next.dueAt ?? null;
  const dueMoved = due !== row.due_at || next.allDay !== (row.all_day === 1);
  const remind = patch.remindAt !== undefined ? patch.remindAt : dueMoved ? await movedRemind(ctx, row, due, next.allDay) : row.remind_at;
  await ctx.changes.update('tasks', id, {
    title: next.title,
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
    ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
    due_at: due,
    all_day: next.allDay ? 1 : 0,
    remind_at: remind,
    subject_type: next.subjectType ?? null,
    subject_id: next.subjectId ?? null,
    repeat: next.repeat && due ? JSON.stringify(storedRepeat(next.repeat, due, next.allDay)) : null,
  });
}

/** Done; a repeating task's next occurrence is made once (a second completion after an undo
 *  that kept it reuses it). */
export async function completeTask(ctx: Ctx, id: string): Promise<void> {
  const row = await loadTaskRow(ctx.db, id);
  if (row.done_at) return;
  const fields: Record<string, unknown> = { done_at: ctx.now };
  const repeat = parseRepeat(row.repeat);
  if (repeat && row.due_at && !(await liveTask(ctx, row.next_task_id))) {
    fields.next_task_id = await createOccurrence(ctx, row, repeat);
  }
  await ctx.changes.update('tasks', id, fields);
}

async function liveTask(ctx: Ctx, id: string | null) {
  if (!id) return null;
  return ctx.db.selectFrom('tasks').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

async function createOccurrence(ctx: Ctx, row: TaskRow, repeat: NonNullable<ReturnType<typeof parseRepeat>>): Promise<string> {
  const allDay = row.all_day === 1;
  const due = nextDue(row.due_at!, allDay, repeat);
  const id = newId();
  await ctx.changes.insert('tasks', {
    id,
    title: row.title,
    notes: row.notes,
    due_at: due,
    all_day: row.all_day,
    remind_at: await movedRemind(ctx, row, due, allDay),
    priority: row.priority,
    subject_type: row.subject_type,
    subject_id: row.subject_id,
    repeat: row.repeat,
    done_at: null,
    next_task_id: null,
    owner_id: row.owner_id,
  });
  return id;
}

/** Undo a completion: open again, and remove the next occurrence unless it was edited since. */
export async function reopenTask(ctx: Ctx, id: string): Promise<void> {
  const row = await loadTaskRow(ctx.db, id);
  if (!row.done_at) return;
  const next = await liveTask(ctx, row.next_task_id);
  const untouched = next && next.updated_at === next.created_at && !next.done_at;
  if (untouched) await ctx.changes.softDelete('tasks', next.id);
  await ctx.changes.update('tasks', id, { done_at: null, ...(untouched || !next ? { next_task_id: null } : {}) });
}
