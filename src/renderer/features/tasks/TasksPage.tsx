// All tasks: open, done or all, by priority and due days; new task; reminder settings.
import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Segmented, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TASK_PRIORITIES, type TaskPriority } from '../../../shared/tasks';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { usePaged } from '../../components/usePaged';
import { ReminderSettingsButton } from './ReminderSettings';
import { useTasksUi } from './store';
import { TaskItem } from './TaskItem';
import './tasks.css';

type Status = 'open' | 'done' | 'all';

export function TasksPage() {
  const { t } = useTranslation();
  const version = useTasksUi((s) => s.version);
  const openNew = useTasksUi((s) => s.openNew);
  const [status, setStatus] = useState<Status>('open');
  const [priority, setPriority] = useState<TaskPriority | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD') ?? null;
  const to = range?.[1]?.format('YYYY-MM-DD') ?? null;
  const paged = usePaged(JSON.stringify([status, priority, from, to, version]), (cursor) =>
    call('tasks.list', { status, priority, from, to, cursor, limit: 100 }),
  );
  const rows = paged.rows();
  return (
    <div data-testid="tasks-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tasks.title')}
        </Typography.Title>
        <Space>
          <ReminderSettingsButton />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openNew()} data-testid="task-new">
            {t('tasks.new')}
          </Button>
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={status} onChange={(v) => setStatus(v as Status)} options={(['open', 'done', 'all'] as const).map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))} />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('tasks.filters.priority')}
          value={priority ?? undefined}
          onChange={(v?: TaskPriority) => setPriority(v ?? null)}
          options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
          data-testid="task-filter-priority"
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} placeholder={[t('tasks.filters.from'), t('tasks.filters.to')]} />
      </Space>
      <Card size="small">
        {paged.error ? <Typography.Text type="danger">{errorText(t, paged.error)}</Typography.Text> : null}
        {rows.length === 0 && paged.done && !paged.error ? <Empty description={t('tasks.empty')} /> : rows.map((task) => <TaskItem key={task.id} task={task} />)}
        {!paged.done && rows.length > 0 && (
          <Button type="link" onClick={paged.loadMore}>
            {t('common.loadMore')}
          </Button>
        )}
      </Card>
    </div>
  );
}
