// One task in a list: tick to complete (or untick to reopen), title opens the form, due time
// (red when overdue), priority, the linked record, delete.
import { Button, Checkbox, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/tasks';
import { navigate } from '../../components/router';
import { dueText, isOverdue, PRIORITY_COLORS, subjectRoute } from './labels';
import { useTasksUi } from './store';
import { useTaskActions } from './useTaskActions';

export function SubjectLink({ subject }: { subject: Task['subject'] }) {
  const { t } = useTranslation();
  if (!subject) return null;
  const label = `${t(`tasks.subjectType.${subject.type}`)}: ${subject.name ?? t('tasks.subjectGone')}`;
  return subject.name ? (
    <Typography.Link onClick={() => navigate(subjectRoute(subject))} data-testid="task-subject-link">
      {label}
    </Typography.Link>
  ) : (
    <Typography.Text type="secondary">{label}</Typography.Text>
  );
}

export function TaskItem({ task, showDue = true }: { task: Task; showDue?: boolean }) {
  const { t } = useTranslation();
  const openEdit = useTasksUi((s) => s.openEdit);
  const { complete, reopen, remove } = useTaskActions();
  const done = task.doneAt !== null;
  return (
    <div className="task-item" data-testid="task-item" data-task-id={task.id}>
      <Checkbox checked={done} onChange={() => void (done ? reopen(task) : complete(task))} data-testid="task-check" aria-label={task.title} />
      <div className="task-item-main">
        <Typography.Link className={done ? 'task-done' : undefined} onClick={() => openEdit(task)} data-testid="task-title-link">
          {task.title}
        </Typography.Link>
        <Space size={8} wrap className="task-item-meta">
          {showDue && task.dueAt && (
            <Typography.Text type={isOverdue(task) ? 'danger' : 'secondary'}>{dueText(t, task)}</Typography.Text>
          )}
          {task.priority !== 'normal' && <Tag color={PRIORITY_COLORS[task.priority]}>{t(`tasks.priority.${task.priority}`)}</Tag>}
          {task.repeat && (
            <Tooltip title={t('tasks.repeat.every', { n: task.repeat.interval, unit: t(`tasks.repeat.unit.${task.repeat.freq}`) })}>
              <SyncOutlined />
            </Tooltip>
          )}
          <SubjectLink subject={task.subject} />
        </Space>
      </div>
      <Popconfirm title={t('tasks.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(task)}>
        <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
      </Popconfirm>
    </div>
  );
}
