// One day of the calendar: its entries (click to open) and adding a task on it.
import { App, Button, Drawer, Empty, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../../../shared/tasks';
import { errorText } from '../../components/errors';
import { entryColor, entryText, openEntry } from './calendarEntries';
import { useTasksUi } from './store';

interface Props {
  day: string | null;
  entries: CalendarEntry[];
  onClose(): void;
}

export function DayDrawer({ day, entries, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const openNew = useTasksUi((s) => s.openNew);
  const openEdit = useTasksUi((s) => s.openEdit);
  const open = (e: CalendarEntry) => openEntry(e, openEdit).catch((err: unknown) => message.error(errorText(t, err)));
  return (
    <Drawer
      open={day !== null}
      onClose={onClose}
      title={day ? dayjs(day).format(t('tasks.calendar.dayFormat')) : ''}
      size={420}
      data-testid="day-drawer"
    >
      <Button type="primary" icon={<PlusOutlined />} onClick={() => day && openNew({ dueAt: day, allDay: true })} data-testid="day-add-task" style={{ marginBottom: 8 }}>
        {t('tasks.calendar.addTask')}
      </Button>
      {entries.length === 0 ? (
        <Empty description={t('tasks.calendar.dayEmpty')} />
      ) : (
        <List
          dataSource={entries}
          renderItem={(e) => (
            <List.Item data-testid="day-entry">
              <Tag color={entryColor(e)}>{t(`tasks.calendar.kind.${e.kind}`)}</Tag>
              {e.kind === 'holiday' ? (
                <Typography.Text style={{ flex: 1 }}>{entryText(t, e)}</Typography.Text>
              ) : (
                <Typography.Link style={{ flex: 1 }} delete={e.done} onClick={() => void open(e)}>
                  {entryText(t, e)}
                </Typography.Link>
              )}
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
