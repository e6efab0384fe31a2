// The drawer to create or edit a lead: the shared LeadFields schema validates it, server errors
// land on their fields, and a possible duplicate (same mobile or email) is shown before saving
// anyway.
import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LeadFields, type Lead, type LeadDuplicate } from '../../../shared/leads';
import { ApiError, call } from '../../api';
import { applyIssues, errorText, zodIssues } from '../../components/errors';
import { FormDrawer } from '../customers/FormDrawer';
import { OwnerSelect } from '../app/OwnerSelect';
import { usePicklists } from './store';

type Values = Partial<Record<keyof LeadFields, string | null>> & { next?: Dayjs | null };

const toValues = (lead: Lead): Values => ({
  name: lead.name,
  companyName: lead.companyName,
  title: lead.title,
  mobile: lead.mobile,
  email: lead.email,
  wechat: lead.wechat,
  source: lead.source,
  ownerId: lead.ownerId,
  notes: lead.notes,
  next: lead.nextFollowUpAt ? dayjs(lead.nextFollowUpAt) : null,
});

const toInput = ({ next, ...v }: Values) => ({ ...v, nextFollowUpAt: next ? next.toISOString() : null });

interface Props {
  /** 'new' or the id of the lead to edit; null when closed. */
  editing: string | null;
  onClose(): void;
  onSaved(lead: Lead): void;
}

export function LeadForm({ editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [duplicates, setDuplicates] = useState<LeadDuplicate[]>([]);
  const sources = usePicklists((s) => s.lists.lead_source) ?? [];
  const loadList = usePicklists((s) => s.load);
  const isNew = editing === 'new';

  useEffect(() => {
    void loadList('lead_source');
    if (!editing || isNew) return;
    call('leads.get', { id: editing }).then(
      (lead) => form.setFieldsValue(toValues(lead)),
      (e: unknown) => message.error(errorText(t, e)),
    );
  }, [editing, isNew, form, loadList, message, t]);

  const save = async (force = false) => {
    const input = toInput(form.getFieldsValue(true) as Values);
    const parsed = LeadFields.safeParse(input);
    if (!parsed.success) return applyIssues(t, form, zodIssues(parsed.error).map((i) => ({ ...i, path: i.path === 'nextFollowUpAt' ? 'next' : i.path })));
    setSaving(true);
    try {
      const lead = isNew
        ? await call('leads.create', { ...parsed.data, force })
        : await call('leads.update', { id: editing as string, patch: parsed.data });
      setDuplicates([]);
      message.success(isNew ? t('leads.created') : t('common.saved'));
      onSaved(lead);
    } catch (e) {
      if (e instanceof ApiError && e.data.code === 'duplicate') setDuplicates(e.data.detail as LeadDuplicate[]);
      else if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
      else message.error(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    setDuplicates([]);
    onClose();
  };

  const warning = duplicates.length > 0 && (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-alert"
      style={{ marginBottom: 16 }}
      title={t('leads.duplicates')}
      description={duplicates.map((d) => `${t(`leads.duplicateKind.${d.kind}`)}：${d.name}（${t(`leads.field.${d.reason}`)}）`).join('；')}
      action={
        <Button size="small" onClick={() => void save(true)} data-testid="save-anyway">
          {t('leads.saveAnyway')}
        </Button>
      }
    />
  );

  return (
    <FormDrawer open={editing !== null} title={isNew ? t('leads.new') : t('leads.edit')} saving={saving} onSave={() => void save()} onClose={close} warning={warning}>
      <Form form={form} layout="vertical" data-testid="lead-form" preserve={false}>
        <Form.Item name="name" label={t('leads.field.name')} required>
          <Input autoFocus maxLength={100} data-testid="lead-name" />
        </Form.Item>
        <Form.Item name="companyName" label={t('leads.field.companyName')}>
          <Input maxLength={100} data-testid="lead-company" />
        </Form.Item>
        <Form.Item name="title" label={t('leads.field.title')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="mobile" label={t('leads.field.mobile')}>
          <Input maxLength={30} data-testid="lead-mobile" />
        </Form.Item>
        <Form.Item name="email" label={t('leads.field.email')}>
          <Input maxLength={254} />
        </Form.Item>
        <Form.Item name="wechat" label={t('leads.field.wechat')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="source" label={t('leads.field.source')}>
          <Select allowClear data-testid="lead-source" options={sources.map((s) => ({ value: s.label, label: s.label }))} />
        </Form.Item>
        <Form.Item name="ownerId" label={t('leads.field.owner')}>
          <OwnerSelect />
        </Form.Item>
        <Form.Item name="next" label={t('leads.field.nextFollowUpAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="notes" label={t('leads.field.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
