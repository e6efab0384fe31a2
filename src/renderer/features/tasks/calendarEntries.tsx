// How a calendar entry reads and where clicking it goes.
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { CalendarEntry } from '../../../shared/tasks';
import { call } from '../../api';
import { navigate } from '../../components/router';
import { PRIORITY_COLORS } from './labels';

export const KIND_COLORS: Record<CalendarEntry['kind'], string> = {
  task: '#1677ff',
  follow_up: '#fa8c16',
  birthday: '#eb2f96',
  holiday: '#52c41a',
  close: '#722ed1',
};

export function entryColor(e: CalendarEntry): string {
  if (e.kind === 'task' && (e.priority === 'urgent' || e.priority === 'high')) return PRIORITY_COLORS[e.priority] === 'red' ? '#ff4d4f' : '#fa541c';
  return KIND_COLORS[e.kind];
}

export function entryText(t: TFunction, e: CalendarEntry): string {
  const time = e.at ? `${dayjs(e.at).format('HH:mm')} ` : '';
  switch (e.kind) {
    case 'holiday':
      return t(`tasks.holidays.${e.title}`);
    case 'birthday':
      return t('tasks.home.birthday', { name: e.title });
    case 'follow_up':
      return `${time}${t('tasks.home.followUp', { name: e.title })}`;
    case 'close':
      return `${t('tasks.calendar.kind.close')}: ${e.title}`;
    case 'task':
      return `${time}${e.title}`;
  }
}

/** Opens what the entry is about; a task opens in the form. */
export async function openEntry(e: CalendarEntry, openTask: (task: Awaited<ReturnType<typeof call<'tasks.get'>>>) => void): Promise<void> {
  switch (e.kind) {
    case 'task':
      openTask(await call('tasks.get', { id: e.refId }));
      return;
    case 'follow_up':
      return navigate({ page: 'lead', id: e.refId });
    case 'birthday':
      return navigate({ page: 'contact', id: e.refId });
    case 'close':
      return navigate({ page: 'deal', id: e.refId });
    case 'holiday':
      return;
  }
}
