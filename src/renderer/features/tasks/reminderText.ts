// The words of a reminder, for the in-app notification and the desktop one.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Reminder } from '../../../shared/tasks';
import type { Route } from '../../components/router';
import { subjectRoute } from './labels';

/** When it fell due: the time today, with the day otherwise (missed while the app was closed). */
function dueTextOfReminder(r: Reminder): string {
  const at = dayjs(r.dueAt);
  return at.isSame(dayjs(), 'day') ? at.format('HH:mm') : at.format('YYYY-MM-DD HH:mm');
}

export function reminderText(t: TFunction, r: Reminder): { title: string; body: string } {
  if (r.kind === 'holiday') {
    const name = t(`tasks.holidays.${r.holidayId}`);
    return { title: t('tasks.reminders.holiday', { name }), body: t('tasks.reminders.holidayHint', { name }) };
  }
  if (r.kind === 'birthday') return { title: t('tasks.reminders.birthday', { name: r.title }), body: t('tasks.reminders.birthdayHint') };
  const subject = r.subject ? `${t(`tasks.subjectType.${r.subject.type}`)}: ${r.subject.name ?? t('tasks.subjectGone')}` : null;
  return { title: r.title, body: [dueTextOfReminder(r), subject].filter(Boolean).join(' · ') };
}

/** Where "Open" goes: the task's subject, the contact, or the task list. */
export function reminderRoute(r: Reminder): Route {
  if (r.kind === 'birthday' && r.contactId) return { page: 'contact', id: r.contactId };
  if (r.kind === 'task' && r.subject?.name) return subjectRoute(r.subject);
  return r.kind === 'task' ? { page: 'tasks' } : { page: 'home' };
}
