// How tasks read on screen: due labels, priority colours, where a subject link goes.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Task, TaskPriority, TaskSubject } from '../../../shared/tasks';
import type { Route } from '../../components/router';

export const PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

export function subjectRoute(subject: Pick<TaskSubject, 'type' | 'id'>): Route {
  switch (subject.type) {
    case 'contact':
      return { page: 'contact', id: subject.id };
    case 'company':
      return { page: 'company', id: subject.id };
    case 'lead':
      return { page: 'lead', id: subject.id };
    case 'opportunity':
      return { page: 'deal', id: subject.id };
  }
}

/** '11-24 14:00', or with the year when it is not this year; all-day tasks show the day only. */
export function dueText(t: TFunction, task: Pick<Task, 'dueAt' | 'allDay'>): string {
  if (!task.dueAt) return t('tasks.noDue');
  const at = dayjs(task.dueAt);
  const day = at.format(at.year() === dayjs().year() ? 'MM-DD' : 'YYYY-MM-DD');
  return task.allDay ? `${day} ${t('tasks.allDayTag')}` : `${day} ${at.format('HH:mm')}`;
}

/** Past its due day (all-day) or due time, and still open. */
export function isOverdue(task: Pick<Task, 'dueAt' | 'allDay' | 'doneAt'>): boolean {
  if (!task.dueAt || task.doneAt) return false;
  return task.allDay ? task.dueAt < dayjs().format('YYYY-MM-DD') : dayjs(task.dueAt).isBefore(dayjs());
}
