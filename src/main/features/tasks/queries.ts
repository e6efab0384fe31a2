// Reading tasks: one row shape with the linked subject's name, and the paged list.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { notFound } from '../../../shared/errors';
import type { Page } from '../../../shared/paging';
import type { z } from 'zod';
import type { Task, TaskList, TaskPriority, TaskSubjectType } from '../../../shared/tasks';
import { visibleTo, type Viewer } from '../../core/visibility';
import type { Database } from '../../db/schema';
import { cutPage, decodeCursor } from '../customers';
import { timeBounds } from './days';
import { parseRepeat } from './repeat';

export interface TaskRow {
  rid: number;
  id: string;
  title: string;
  notes: string | null;
  due_at: string | null;
  all_day: number;
  remind_at: string | null;
  priority: string;
  subject_type: string | null;
  subject_id: string | null;
  subject_name: string | null;
  repeat: string | null;
  done_at: string | null;
  next_task_id: string | null;
  owner_id: string;
  created_at: string;
  updated_at: string;
}

/** The live subject's name, by an indexed id lookup in its own table. */
export const SUBJECT_NAME = sql<string | null>`CASE t.subject_type
  WHEN 'contact' THEN (SELECT name FROM contacts WHERE id = t.subject_id AND deleted_at IS NULL)
  WHEN 'company' THEN (SELECT name FROM companies WHERE id = t.subject_id AND deleted_at IS NULL)
  WHEN 'lead' THEN (SELECT name FROM leads WHERE id = t.subject_id AND deleted_at IS NULL)
  WHEN 'opportunity' THEN (SELECT name FROM opportunities WHERE id = t.subject_id AND deleted_at IS NULL)
END`;

const SELECT = sql`SELECT t.*, ${SUBJECT_NAME} AS subject_name FROM tasks t`;

export function toTask(r: TaskRow): Task {
  const repeat = parseRepeat(r.repeat);
  return {
    id: r.id,
    title: r.title,
    notes: r.notes,
    dueAt: r.due_at,
    allDay: r.all_day === 1,
    remindAt: r.remind_at,
    priority: r.priority as TaskPriority,
    subject: r.subject_type && r.subject_id ? { type: r.subject_type as TaskSubjectType, id: r.subject_id, name: r.subject_name } : null,
    repeat: repeat ? { freq: repeat.freq, interval: repeat.interval } : null,
    doneAt: r.done_at,
    nextTaskId: r.next_task_id,
    ownerId: r.owner_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function loadTaskRow(db: Kysely<Database>, id: string): Promise<TaskRow> {
  const { rows } = await sql<TaskRow>`${SELECT} WHERE t.id = ${id} AND t.deleted_at IS NULL`.execute(db);
  if (!rows[0]) throw notFound('task', id);
  return rows[0];
}

export const loadTask = async (db: Kysely<Database>, id: string): Promise<Task> => toTask(await loadTaskRow(db, id));

/** Tasks due on local days from..to: timed ones by their UTC bounds, all-day ones by the day. */
export function dueBetween(from: string | null, to: string | null): RawBuilder<unknown> {
  const [start, end] = timeBounds(from ?? '0000-01-01', to ?? '9999-12-30');
  const lastDay = to ?? '9999-12-31';
  return sql`((t.all_day = 0 AND t.due_at >= ${start} AND t.due_at < ${end})
    OR (t.all_day = 1 AND t.due_at >= ${from ?? '0000-01-01'} AND t.due_at <= ${lastDay}))`;
}

/** Live tasks the viewer sees matching `where`, with their subjects' names, in due order. */
export async function selectTasks(db: Kysely<Database>, viewer: Viewer, where: RawBuilder<unknown>, limit = 500): Promise<Task[]> {
  const { rows } = await sql<TaskRow>`${SELECT} WHERE t.deleted_at IS NULL AND ${visibleTo(viewer, 'tasks', 't')} AND ${where}
    ORDER BY t.due_at, t.rid LIMIT ${limit}`.execute(db);
  return rows.map(toTask);
}

type ListInput = z.output<typeof TaskList>;

/** Open (and all) tasks by due time, undated last; done tasks newest done first. Keyset paged. */
export async function listTasks(db: Kysely<Database>, input: ListInput, viewer: Viewer): Promise<Page<Task>> {
  const done = input.status === 'done';
  const key = done ? sql`t.done_at` : sql`coalesce(t.due_at, '~')`;
  const cursor = decodeCursor(input.cursor);
  const after = cursor ? (done ? sql`AND (${key}, t.rid) < (${cursor.value}, ${cursor.tie})` : sql`AND (${key}, t.rid) > (${cursor.value}, ${cursor.tie})`) : sql``;
  const filters = [
    input.status === 'open' ? sql`t.done_at IS NULL` : done ? sql`t.done_at IS NOT NULL` : null,
    input.from || input.to ? dueBetween(input.from ?? null, input.to ?? null) : null,
    input.subjectType ? sql`t.subject_type = ${input.subjectType}` : null,
    input.subjectId ? sql`t.subject_id = ${input.subjectId}` : null,
    input.priority ? sql`t.priority = ${input.priority}` : null,
  ].filter((f) => f !== null);
  const where = filters.length ? sql`AND ${sql.join(filters, sql` AND `)}` : sql``;
  const order = done ? sql`t.done_at DESC, t.rid DESC` : sql`${key}, t.rid`;
  const { rows } = await sql<TaskRow & { sort_key: string }>`
    SELECT t.*, ${SUBJECT_NAME} AS subject_name, ${key} AS sort_key FROM tasks t
    WHERE t.deleted_at IS NULL AND ${visibleTo(viewer, 'tasks', 't')} ${where} ${after}
    ORDER BY ${order} LIMIT ${input.limit + 1}`.execute(db);
  const page = cutPage(rows, input.limit, (r) => ({ value: r.sort_key, tie: r.rid }));
  return { items: page.rows.map(toTask), nextCursor: page.nextCursor };
}
