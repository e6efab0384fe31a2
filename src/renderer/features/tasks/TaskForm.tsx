// The task form in a drawer, for a new task (maybe with a day or subject already chosen) or to
// edit one. Opened through the tasks store from any screen.
import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Segmented, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REPEAT_FREQS, TASK_PRIORITIES, type Task, type TaskPriority } from '../../../shared/tasks';
import { ApiError, call } from '../../api';
import { applyIssues, errorText } from '../../components/errors';
import { FormDrawer } from '../customers/FormDrawer';
import { remindAtOf, remindBase, remindChoiceOf, type RemindChoice } from './remind';
import { useTasksUi, type TaskDraft } from './store';
import { parseSubject, SubjectSelect, subjectValue } from './SubjectSelect';
import { useReminderSettings } from './useReminderSettings';

interface Values {
  title: string;
  allDay: boolean;
  due: Dayjs | null;
  remind: RemindChoice;
  priority: TaskPriority;
  subject: string | null;
  freq: (typeof REPEAT_FREQS)[number] | 'none';
  interval: number;
  notes: string | null;
}

const FIELD_OF: Record<string, string> = { dueAt: 'due', remindAt: 'remind', subjectId: 'subject', subjectType: 'subject', 'repeat.interval': 'interval' };

function initialValues(task: Task | null, draft: TaskDraft, timeOfDay: string): Values {
  const source = task ?? draft;
  return {
    title: source.title ?? '',
    allDay: source.allDay ?? false,
    due: source.dueAt ? dayjs(source.dueAt) : null,
    remind: task ? remindChoiceOf(task, timeOfDay) : 'due',
    priority: task?.priority ?? 'normal',
    subject: task?.subject ? subjectValue(task.subject.type, task.subject.id) : draft.subjectType && draft.subjectId ? subjectValue(draft.subjectType, draft.subjectId) : null,
    freq: task?.repeat?.freq ?? 'none',
    interval: task?.repeat?.interval ?? 1,
    notes: task?.notes ?? null,
  };
}

function toInput(v: Values, task: Task | null, timeOfDay: string) {
  const due = v.due ? (v.allDay ? v.due.startOf('day') : v.due.second(0).millisecond(0)) : null;
  return {
    title: v.title,
    notes: v.notes,
    allDay: v.allDay,
    dueAt: due ? (v.allDay ? due.format('YYYY-MM-DD') : due.toISOString()) : null,
    remindAt: remindAtOf(v.remind, remindBase(due, v.allDay, timeOfDay), task?.remindAt ?? null),
    priority: v.priority,
    ...parseSubject(v.subject),
    repeat: v.freq === 'none' ? null : { freq: v.freq, interval: v.interval || 1 },
  };
}

export function TaskForm() {
  const state = useTasksUi((s) => s.form);
  const close = useTasksUi((s) => s.closeForm);
  const changed = useTasksUi((s) => s.changed);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { timeOfDay } = useReminderSettings();
  const allDay = Form.useWatch('allDay', form);
  const freq = Form.useWatch('freq', form);
  const task = state?.task ?? null;

  useEffect(() => {
    if (state) form.setFieldsValue(initialValues(state.task, state.draft, timeOfDay));
  }, [state, form, timeOfDay]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const input = toInput(v, task, timeOfDay);
      if (task) await call('tasks.update', { id: task.id, patch: input });
      else await call('tasks.create', input);
      message.success(task ? t('common.saved') : t('tasks.quickAdd.added'));
      changed();
      close();
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields.map((f) => ({ ...f, path: FIELD_OF[f.path] ?? f.path })));
      message.error(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  const remindOptions: RemindChoice[] = allDay ? ['due', 'd1', 'none'] : ['due', 'm15', 'h1', 'd1', 'none'];
  if (task && remindChoiceOf(task, timeOfDay) === 'custom') remindOptions.push('custom');
  return (
    <FormDrawer open={state !== null} title={task ? t('tasks.edit') : t('tasks.new')} saving={saving} onSave={() => void save()} onClose={close}>
      <Form form={form} layout="vertical" data-testid="task-form" onFinish={() => void save()}>
        <Form.Item name="title" label={t('tasks.fields.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={200} placeholder={t('tasks.titlePlaceholder')} autoFocus data-testid="task-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col flex="auto">
            <Form.Item name="due" label={t('tasks.fields.due')}>
              {allDay ? (
                <DatePicker style={{ width: '100%' }} data-testid="task-due" />
              ) : (
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="task-due" />
              )}
            </Form.Item>
          </Col>
          <Col>
            <Form.Item name="allDay" label={t('tasks.fields.allDay')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="remind" label={t('tasks.fields.remind')}>
          <Select options={remindOptions.map((c) => ({ value: c, label: t(`tasks.remind.${c}`) }))} data-testid="task-remind" />
        </Form.Item>
        <Form.Item name="priority" label={t('tasks.fields.priority')}>
          <Segmented options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('tasks.fields.subject')}>
          <SubjectSelect initialName={task?.subject?.name ?? state?.draft.subjectName} />
        </Form.Item>
        <Form.Item label={t('tasks.fields.repeat')}>
          <Space>
            <Form.Item name="freq" noStyle>
              <Select
                style={{ width: 160 }}
                options={[{ value: 'none', label: t('tasks.repeat.none') }, ...REPEAT_FREQS.map((f) => ({ value: f, label: t(`tasks.repeat.${f}`) }))]}
                data-testid="task-repeat"
              />
            </Form.Item>
            {freq && freq !== 'none' && (
              <Space>
                {t('tasks.fields.interval')}
                <Form.Item name="interval" noStyle>
                  <InputNumber min={1} max={99} precision={0} style={{ width: 72 }} />
                </Form.Item>
                {t(`tasks.repeat.unit.${freq}`)}
              </Space>
            )}
          </Space>
        </Form.Item>
        <Form.Item name="notes" label={t('tasks.fields.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
