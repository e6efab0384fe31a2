// The fields of one timeline entry: kind, when, what happened. Used to add and to edit.
import { App, Button, DatePicker, Form, Input, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/activities';
import { applyIssues, errorText } from '../../components/errors';
import { ApiError } from '../../api';
import { KIND_ICONS } from './kinds';

export interface ActivityValues {
  kind: ActivityKind;
  occurredAt: string;
  content: string;
}

interface Props {
  initial?: ActivityValues;
  submitText: string;
  onSubmit(values: ActivityValues): Promise<void>;
  onCancel?(): void;
}

export function ActivityForm({ initial, submitText, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: ActivityKind; when: Dayjs; content: string }>();
  const finish = async (v: { kind: ActivityKind; when: Dayjs; content: string }) => {
    try {
      await onSubmit({ kind: v.kind, occurredAt: v.when.toISOString(), content: v.content ?? '' });
      if (!initial) form.resetFields(['content']);
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields.map((f) => ({ ...f, path: f.path === 'occurredAt' ? 'when' : f.path })));
      message.error(errorText(t, e));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="activity-form"
      initialValues={{ kind: initial?.kind ?? 'call', when: initial ? dayjs(initial.occurredAt) : dayjs(), content: initial?.content }}
      onFinish={(v) => void finish(v)}
      onKeyDown={(e) => {
        // Esc cancels an edit here; it must not reach the detail page's Esc (back to the list).
        if (e.key === 'Escape' && onCancel) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Form.Item name="kind" style={{ marginBottom: 8 }}>
        <Segmented
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activity.kind.${k}`), icon: KIND_ICONS[k] }))}
        />
      </Form.Item>
      <Form.Item name="when" label={t('activity.when')} style={{ marginBottom: 8 }}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('activity.content')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea rows={3} maxLength={5000} placeholder={t('activity.placeholder')} autoFocus={Boolean(initial)} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="activity-submit">
          {submitText}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
