// Complete (with undo), reopen and delete a task, from any list; every change bumps the store's
// version so that the other lists on screen reload.
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/tasks';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useTasksUi } from './store';

export function useTaskActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useTasksUi((s) => s.changed);
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      changed();
      return true;
    } catch (e) {
      message.error(errorText(t, e));
      return false;
    }
  };
  const reopen = (task: Pick<Task, 'id'>) => run(() => call('tasks.reopen', { id: task.id })).then((ok) => ok && message.info(t('tasks.reopened')));
  const complete = async (task: Pick<Task, 'id' | 'title'>) => {
    if (!(await run(() => call('tasks.complete', { id: task.id })))) return;
    const key = `done-${task.id}`;
    message.success({
      key,
      content: (
        <span>
          {t('tasks.completed', { title: task.title })}{' '}
          <Button
            type="link"
            size="small"
            data-testid="task-undo"
            onClick={() => {
              message.destroy(key);
              void reopen(task);
            }}
          >
            {t('tasks.undo')}
          </Button>
        </span>
      ),
    });
  };
  const remove = (task: Pick<Task, 'id'>) => run(() => call('tasks.delete', { id: task.id })).then((ok) => ok && message.success(t('tasks.deleted')));
  return { complete, reopen, remove };
}
