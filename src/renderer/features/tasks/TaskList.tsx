// The tasks of one record, for the contact, company, lead and opportunity pages:
// <TaskList subjectType="contact" subjectId={id} />. Open ones first; done ones on demand.
import { useState } from 'react';
import { Button, Card, Empty, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TaskSubjectType } from '../../../shared/tasks';
import { call } from '../../api';
import { usePaged } from '../../components/usePaged';
import { useTasksUi } from './store';
import { TaskItem } from './TaskItem';
import './tasks.css';

interface Props {
  subjectType: TaskSubjectType;
  subjectId: string;
  /** The record's name, shown in a new task's link before any search. */
  subjectName?: string;
}

export function TaskList({ subjectType, subjectId, subjectName }: Props) {
  const { t } = useTranslation();
  const version = useTasksUi((s) => s.version);
  const openNew = useTasksUi((s) => s.openNew);
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const paged = usePaged(`${subjectId}|${status}|${version}`, (cursor) => call('tasks.list', { subjectType, subjectId, status, cursor, limit: 50 }));
  const rows = paged.rows();
  return (
    <Card
      size="small"
      title={t('tasks.title')}
      // Placed under another card on the record's page (margins between siblings collapse).
      style={{ margin: '16px 0' }}
      data-testid="subject-tasks"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => openNew({ subjectType, subjectId, subjectName })} data-testid="subject-task-new">
          {t('tasks.new')}
        </Button>
      }
    >
      <Segmented size="small" value={status} onChange={(v) => setStatus(v as 'open' | 'done')} options={(['open', 'done'] as const).map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))} />
      {rows.length === 0 && paged.done ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />
      ) : (
        rows.map((task) => <TaskItem key={task.id} task={task} />)
      )}
      {!paged.done && rows.length > 0 && (
        <Button type="link" onClick={paged.loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
