// Adding a task in one line: what, and optionally when; "More" opens the full form.
import { useState } from 'react';
import { App, Button, DatePicker, Input, Space, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useTasksUi } from './store';

export function QuickAdd() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useTasksUi((s) => s.changed);
  const openNew = useTasksUi((s) => s.openNew);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<Dayjs | null>(null);
  const [saving, setSaving] = useState(false);
  const add = async () => {
    if (!title.trim()) return;
    setSaving(true);
    try {
      await call('tasks.create', { title, dueAt: due ? due.second(0).millisecond(0).toISOString() : null });
      message.success(t('tasks.quickAdd.added'));
      setTitle('');
      setDue(null);
      changed();
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space.Compact style={{ width: '100%' }} data-testid="quick-add">
      <Input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        onPressEnter={() => void add()}
        maxLength={200}
        placeholder={t('tasks.quickAdd.placeholder')}
        data-testid="quick-add-title"
      />
      <DatePicker
        value={due}
        onChange={setDue}
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        placeholder={t('tasks.fields.due')}
        style={{ width: 200 }}
        data-testid="quick-add-due"
      />
      <Button type="primary" loading={saving} onClick={() => void add()} data-testid="quick-add-submit">
        {t('tasks.quickAdd.add')}
      </Button>
      <Tooltip title={t('tasks.quickAdd.more')}>
        <Button onClick={() => openNew({ title, dueAt: due?.toISOString() })} aria-label={t('tasks.quickAdd.more')} data-testid="quick-add-more">
          …
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
