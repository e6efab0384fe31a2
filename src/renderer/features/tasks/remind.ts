// The reminder choice of the task form: at the due time or a fixed time before it, none, or a
// custom time kept from before. All-day tasks count from the day at the reminder time of day.
import dayjs, { type Dayjs } from 'dayjs';
import type { Task } from '../../../shared/tasks';

export const REMIND_OFFSETS = { due: 0, m15: 15, h1: 60, d1: 1440 } as const;
export type RemindChoice = keyof typeof REMIND_OFFSETS | 'none' | 'custom';

/** When an offset counts from: the due time, or the all-day task's day at the time of day. */
export function remindBase(due: Dayjs | null, allDay: boolean, timeOfDay: string): Dayjs | null {
  if (!due) return null;
  if (!allDay) return due;
  const [h, m] = timeOfDay.split(':').map(Number);
  return due.startOf('day').hour(h).minute(m);
}

export function remindChoiceOf(task: Task, timeOfDay: string): RemindChoice {
  if (!task.remindAt) return 'none';
  const base = remindBase(task.dueAt ? dayjs(task.dueAt) : null, task.allDay, timeOfDay);
  if (!base) return 'custom';
  const minutes = base.diff(dayjs(task.remindAt), 'minute');
  const found = Object.entries(REMIND_OFFSETS).find(([, m]) => m === minutes);
  return found ? (found[0] as RemindChoice) : 'custom';
}

/** The remind time to save; `kept` is the task's own custom time. */
export function remindAtOf(choice: RemindChoice, base: Dayjs | null, kept: string | null): string | null {
  if (choice === 'none') return null;
  if (choice === 'custom') return kept;
  return base ? base.subtract(REMIND_OFFSETS[choice], 'minute').toISOString() : null;
}
