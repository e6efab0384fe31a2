// Tasks, agenda, calendar and reminders (due tasks, birthdays, holidays incl. lunar).
// Days ('YYYY-MM-DD') are the user's local days; times are ISO-8601 UTC.
import { z } from 'zod';
import { channel } from './contract-kit';
import { patchOf } from './customers';
import { pageInput, type Page } from './paging';
import { dateField, idField, isoTimeField, optText } from './validation';

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_SUBJECT_TYPES = ['contact', 'company', 'lead', 'opportunity'] as const;
export type TaskSubjectType = (typeof TASK_SUBJECT_TYPES)[number];
export const REPEAT_FREQS = ['daily', 'weekly', 'monthly', 'yearly'] as const;

/** Holidays a user may greet customers on; dates are computed per year (lunar ones too). */
export const HOLIDAY_IDS = [
  'new_year', 'new_years_eve_lunar', 'spring_festival', 'lantern', 'valentines', 'womens_day', 'qingming',
  'labour_day', 'childrens_day', 'dragon_boat', 'qixi', 'teachers_day', 'mid_autumn', 'national_day',
  'double_ninth', 'christmas',
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];
export const DEFAULT_HOLIDAYS: HolidayId[] = ['new_year', 'spring_festival', 'lantern', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day'];

export const RepeatRule = z.object({
  freq: z.enum(REPEAT_FREQS),
  interval: z.number('validation.number').int('validation.integer').min(1, 'validation.min').max(99, 'validation.too_large').default(1),
});
export type RepeatRule = z.output<typeof RepeatRule>;

export interface TaskSubject {
  type: TaskSubjectType;
  id: string;
  /** The subject's name; null when it has gone to the Trash since. */
  name: string | null;
}

export interface Task {
  id: string;
  title: string;
  notes: string | null;
  /** ISO time, or the day 'YYYY-MM-DD' when allDay; null: no due time. */
  dueAt: string | null;
  allDay: boolean;
  remindAt: string | null;
  priority: TaskPriority;
  subject: TaskSubject | null;
  repeat: RepeatRule | null;
  doneAt: string | null;
  /** The occurrence made when this repeating task was completed. */
  nextTaskId: string | null;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

const title = z.string('validation.required').trim().min(1, 'validation.required').max(200, 'validation.too_long');

/** A due time or, for an all-day task, a day. */
const dueShape = {
  allDay: z.boolean().default(false),
  dueAt: z.string().max(40).nullish(),
};

const TaskBase = z.object({
  title,
  notes: optText(5000),
  ...dueShape,
  /** Omitted: at the due time (all-day: on the day at the reminder time of day). null: none. */
  remindAt: isoTimeField.nullish(),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  subjectType: z.enum(TASK_SUBJECT_TYPES).nullish(),
  subjectId: idField.nullish(),
  repeat: RepeatRule.nullish(),
});

/** dueAt must be a day when allDay and a time otherwise. (A repeat without a due time is refused
 *  by the handler: the dispatcher keeps only validation.* keys from schemas.) */
function checkDue(v: { allDay?: boolean; dueAt?: string | null }, ctx: z.RefinementCtx) {
  if (!v.dueAt) return;
  const ok = v.allDay ? dateField.safeParse(v.dueAt).success : isoTimeField.safeParse(v.dueAt).success;
  if (!ok) ctx.addIssue({ code: 'custom', path: ['dueAt'], message: v.allDay ? 'validation.date' : 'validation.datetime' });
}

export const TaskCreate = TaskBase.superRefine(checkDue);
export type TaskCreate = z.input<typeof TaskCreate>;
export const TaskUpdate = z.object({ id: idField, patch: patchOf(TaskBase) });

export const TaskStatus = z.enum(['open', 'done', 'all']);
export const TaskList = z.object({
  ...pageInput,
  status: TaskStatus.default('open'),
  /** Local days, both inclusive, of the due time. */
  from: dateField.nullish(),
  to: dateField.nullish(),
  subjectType: z.enum(TASK_SUBJECT_TYPES).nullish(),
  subjectId: idField.nullish(),
  priority: z.enum(TASK_PRIORITIES).nullish(),
});

/** A moment to compute "today" from; omitted: now. */
const nowInput = z.object({ now: isoTimeField.optional() });

export type AgendaItem =
  | { kind: 'task'; task: Task }
  | { kind: 'follow_up'; lead: { id: string; name: string; companyName: string | null; at: string } }
  | { kind: 'birthday'; contact: { id: string; name: string }; date: string };

export interface Agenda {
  today: AgendaItem[];
  overdue: AgendaItem[];
  /** The rest of this week (Monday to Sunday), after today. */
  week: AgendaItem[];
}

/** At most a year (the handler refuses more, or to before from). */
export const CalendarRange = z.object({ from: dateField, to: dateField });

export interface CalendarEntry {
  kind: 'task' | 'follow_up' | 'birthday' | 'holiday' | 'close';
  /** Local day. */
  date: string;
  /** ISO time when the entry has one. */
  at: string | null;
  title: string;
  /** The task, lead, contact or opportunity; the holiday id for holidays. */
  refId: string;
  done?: boolean;
  priority?: TaskPriority;
}

export interface ReminderSettings {
  birthdays: boolean;
  holidays: HolidayId[];
  /** 'HH:mm' local: when birthday and holiday reminders (and all-day tasks) fall due. */
  timeOfDay: string;
}

export const ReminderSettingsInput = z.object({
  birthdays: z.boolean(),
  holidays: z.array(z.enum(HOLIDAY_IDS)).max(HOLIDAY_IDS.length),
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.invalid_format'),
});

export interface Reminder {
  /** 'task:<id>:<remindAt>', 'birthday:<contactId>:<yyyy>' or 'holiday:<id>:<yyyy>'. */
  key: string;
  kind: 'task' | 'birthday' | 'holiday';
  dueAt: string;
  /** Task title, contact name, or holiday id. */
  title: string;
  taskId?: string;
  subject?: TaskSubject | null;
  contactId?: string;
  holidayId?: HolidayId;
}

export interface SubjectHit {
  type: TaskSubjectType;
  id: string;
  name: string;
}

const reminderKey = z.string().min(1).max(200).regex(/^(task|birthday|holiday):[\w-]+:[\w.:-]+$/, 'validation.invalid');

const q = (kind: 'query' | 'mutation', permission: 'tasks.read' | 'tasks.write') => ({ kind, permission }) as const;

export const tasksContract = {
  'tasks.list': channel<Page<Task>>()({ ...q('query', 'tasks.read'), input: TaskList }),
  'tasks.get': channel<Task>()({ ...q('query', 'tasks.read'), input: z.object({ id: idField }) }),
  'tasks.create': channel<Task>()({ ...q('mutation', 'tasks.write'), input: TaskCreate, entity: 'task' }),
  'tasks.update': channel<Task>()({ ...q('mutation', 'tasks.write'), input: TaskUpdate, entity: 'task' }),
  /** Marks done; a repeating task gets its next occurrence in the same transaction. */
  'tasks.complete': channel<Task>()({ ...q('mutation', 'tasks.write'), input: z.object({ id: idField }), entity: 'task' }),
  /** Undo: open again, and take back the next occurrence if nobody touched it since. */
  'tasks.reopen': channel<Task>()({ ...q('mutation', 'tasks.write'), input: z.object({ id: idField }), entity: 'task' }),
  'tasks.delete': channel<void>()({ ...q('mutation', 'tasks.write'), input: z.object({ id: idField }), entity: 'task' }),
  /** Leads and opportunities by name, for linking a task (contacts and companies: search.global). */
  'tasks.subjects': channel<SubjectHit[]>()({ ...q('query', 'tasks.read'), input: z.object({ q: z.string().max(100) }) }),
  'tasks.agenda': channel<Agenda>()({ ...q('query', 'tasks.read'), input: nowInput }),
  'calendar.range': channel<CalendarEntry[]>()({ ...q('query', 'tasks.read'), input: CalendarRange }),
  /** This device's reminder settings (kept in meta, not synced). */
  'reminders.settings': channel<ReminderSettings>()({ ...q('query', 'tasks.read'), input: z.object({}) }),
  'reminders.saveSettings': channel<ReminderSettings>()({ ...q('mutation', 'tasks.write'), input: ReminderSettingsInput }),
  /** What is due and not dismissed on this device, also what fell due while the app was closed. */
  'reminders.due': channel<Reminder[]>()({ ...q('query', 'tasks.read'), input: nowInput }),
  'reminders.dismiss': channel<void>()({
    ...q('mutation', 'tasks.write'),
    input: z.object({ keys: z.array(reminderKey).min(1).max(200) }),
  }),
  /** Later: a task's remind time moves (synced); a birthday or holiday waits on this device. */
  'reminders.snooze': channel<void>()({
    ...q('mutation', 'tasks.write'),
    input: z.object({ key: reminderKey, minutes: z.number().int().min(1).max(7 * 24 * 60) }),
  }),
};
