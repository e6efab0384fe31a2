// Due reminders, on every screen: polls reminders.due at start, every 30 s and after any task
// change; shows each as an in-app notification (Open / Done / Snooze / Dismiss) and, when allowed,
// as a desktop notification. Closing one with × only hides it until the next start; Dismiss is
// remembered on this device. Being mounted on every screen, it also hosts the task form.
import { useCallback, useEffect, useRef } from 'react';
import { App, Button, Space } from 'antd';
import { BellOutlined, GiftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../../shared/tasks';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate } from '../../components/router';
import { notifyDesktop } from './desktop';
import { reminderRoute, reminderText } from './reminderText';
import { useTasksUi } from './store';
import { TaskForm } from './TaskForm';

const POLL_MS = 30_000;
const SNOOZE_MINUTES = 10;
/** At most this many system notifications at once (e.g. many missed while the app was closed). */
const DESKTOP_AT_ONCE = 3;

export function ReminderCenter() {
  const { t } = useTranslation();
  const { notification, message } = App.useApp();
  const version = useTasksUi((s) => s.version);
  const changed = useTasksUi((s) => s.changed);
  /** Keys on screen (or closed with × in this session): not shown again until the next start. */
  const shown = useRef(new Set<string>());
  const onScreen = useRef(new Set<string>());

  const act = useCallback(
    async (r: Reminder, work: () => Promise<unknown>, after?: string) => {
      try {
        await work();
        notification.destroy(r.key);
        onScreen.current.delete(r.key);
        if (after) message.info(after);
        changed();
      } catch (e) {
        message.error(errorText(t, e));
      }
    },
    [notification, message, changed, t],
  );

  const show = useCallback(
    (r: Reminder, desktop: boolean) => {
      const { title, body } = reminderText(t, r);
      const open = () => {
        notification.destroy(r.key);
        onScreen.current.delete(r.key);
        navigate(reminderRoute(r));
      };
      const actions = (
        <Space wrap>
          <Button size="small" onClick={open} data-testid="reminder-open">
            {t('tasks.reminders.open')}
          </Button>
          {r.taskId && (
            <Button size="small" type="primary" onClick={() => void act(r, () => call('tasks.complete', { id: r.taskId! }))} data-testid="reminder-done">
              {t('tasks.reminders.done')}
            </Button>
          )}
          <Button size="small" onClick={() => void act(r, () => call('reminders.snooze', { key: r.key, minutes: SNOOZE_MINUTES }), t('tasks.reminders.snoozed'))} data-testid="reminder-snooze">
            {t('tasks.reminders.snooze')}
          </Button>
          <Button size="small" type="text" onClick={() => void act(r, () => call('reminders.dismiss', { keys: [r.key] }))} data-testid="reminder-dismiss">
            {t('tasks.reminders.dismiss')}
          </Button>
        </Space>
      );
      notification.open({
        key: r.key,
        title,
        description: body,
        icon: r.kind === 'task' ? <BellOutlined style={{ color: '#1677ff' }} /> : <GiftOutlined style={{ color: '#eb2f96' }} />,
        actions,
        duration: false,
        // Bottom left: every form here opens in a drawer on the right, whose Save this must not cover.
        placement: 'bottomLeft',
        onClose: () => onScreen.current.delete(r.key),
        props: { 'data-testid': 'reminder', 'data-reminder-key': r.key } as React.HTMLAttributes<HTMLDivElement>,
      });
      onScreen.current.add(r.key);
      if (desktop) notifyDesktop(title, body, r.key, open);
    },
    [t, notification, act],
  );

  const poll = useCallback(async () => {
    const due = await call('reminders.due', {}).catch(() => null);
    if (!due) return;
    const keys = new Set(due.map((r) => r.key));
    // Completed, snoozed or dismissed elsewhere (another window, the task list): take it away.
    for (const key of onScreen.current) {
      if (!keys.has(key)) {
        notification.destroy(key);
        onScreen.current.delete(key);
      }
    }
    const fresh = due.filter((r) => !shown.current.has(r.key));
    fresh.forEach((r, i) => {
      shown.current.add(r.key);
      show(r, i < DESKTOP_AT_ONCE);
    });
  }, [notification, show]);

  useEffect(() => {
    void poll();
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [poll, version]);

  return <TaskForm />;
}
