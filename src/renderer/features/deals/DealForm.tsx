// The create/edit drawer of an opportunity. Validates with the shared schema (the same the main
// process runs) and puts server field errors on the form. With line items the amount is their
// total: the field is then read-only (the lines are edited on the opportunity's page).
import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DealCreate, DealFields, type OpportunityDetail } from '../../../shared/deals';
import { CURRENCIES } from '../../../shared/money';
import { ApiError, call } from '../../api';
import { dateItemProps } from '../../components/dateValue';
import { applyIssues, errorText, zodIssues } from '../../components/errors';
import { OwnerSelect } from '../app/OwnerSelect';
import { CustomerSelect } from '../customers/CustomerSelect';
import { FormDrawer } from '../customers/FormDrawer';
import { MoneyInput } from '../../components/MoneyInputs';
import { currentPipeline, useCurrentPipeline, useDeals } from './store';

export function DealForm({ onSaved }: { onSaved(deal: OpportunityDetail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { editing, setEditing } = useDeals();
  const pipeline = useCurrentPipeline();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [current, setCurrent] = useState<OpportunityDetail | null>(null);
  const isNew = editing === 'new';

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') {
      // Read once: pipelines reloading while the drawer is open must not reset what is typed.
      const first = currentPipeline(useDeals.getState())?.stages.find((s) => s.kind === 'open');
      form.setFieldsValue({ currency: 'CNY', competitors: [], stageId: first?.id });
      return;
    }
    void call('deals.get', { id: editing }).then((d) => {
      setCurrent(d);
      form.setFieldsValue(formFields(d as unknown as Record<string, unknown>));
    });
  }, [editing, form]);

  const close = () => setEditing(null);
  const save = async () => {
    const values = formFields(form.getFieldsValue(true) as Record<string, unknown>);
    const input = isNew ? { ...values, pipelineId: pipeline?.id ?? null } : values;
    const parsed = (isNew ? DealCreate : EDITED).safeParse(input);
    if (!parsed.success) return applyIssues(t, form, zodIssues(parsed.error));
    setSaving(true);
    try {
      const saved = isNew
        ? await call('deals.create', parsed.data as DealCreate)
        : await call('deals.update', { id: editing as string, patch: parsed.data });
      message.success(t('common.saved'));
      close();
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
      else message.error(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  // The record last loaded, while it is the one being edited.
  const shown = current && current.id === editing ? current : null;
  const hasLines = (shown?.lineCount ?? 0) > 0;
  return (
    <FormDrawer open={editing !== null} title={t(isNew ? 'deals.new' : 'deals.edit')} saving={saving} onSave={() => void save()} onClose={close}>
      <Form form={form} layout="vertical" data-testid="deal-form" onFinish={() => void save()}>
        <Form.Item name="name" label={t('deals.fields.name')} required>
          <Input autoFocus maxLength={100} data-testid="deal-name" />
        </Form.Item>
        <Form.Item name="companyId" label={t('fields.company')}>
          <CustomerSelect kind="company" initialName={shown?.companyName} />
        </Form.Item>
        <Form.Item name="contactId" label={t('deals.fields.contact')}>
          <CustomerSelect kind="contact" initialName={shown?.contactName} />
        </Form.Item>
        {isNew && pipeline && (
          <Form.Item name="stageId" label={t('deals.fields.stage')}>
            <Select options={pipeline.stages.filter((s) => s.kind === 'open').map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <div className="deal-form-row">
          <Form.Item name="amount" label={t('deals.fields.amount')} extra={hasLines ? t('deals.form.amountFromLines') : undefined} style={{ flex: 2 }}>
            <MoneyInput disabled={hasLines} data-testid="deal-amount" />
          </Form.Item>
          <Form.Item name="currency" label={t('deals.fields.currency')} style={{ flex: 1 }}>
            <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </div>
        <div className="deal-form-row">
          <Form.Item name="expectedClose" label={t('deals.fields.expectedClose')} {...dateItemProps} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="probability" label={t('deals.fields.probability')} extra={t('deals.form.probabilityHint')} style={{ flex: 1 }}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="competitors" label={t('deals.fields.competitors')}>
          <Select mode="tags" open={false} placeholder={t('deals.form.competitorsPlaceholder')} tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="ownerId" label={t('fields.owner')}>
          <OwnerSelect />
        </Form.Item>
        <Form.Item name="notes" label={t('fields.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** What the drawer edits: every field but the lines (edited on the page). */
const EDITED = DealFields.omit({ lines: true });
const FORM_KEYS = [...Object.keys(EDITED.shape), 'stageId'];

function formFields(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FORM_KEYS.filter((k) => k in raw).map((k) => [k, raw[k]]));
}
