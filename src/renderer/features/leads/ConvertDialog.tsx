// Converting a lead: what it will create (company, contact) and the optional opportunity's name,
// amount and expected close date; one leads.convert call does it all.
import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../shared/leads';
import { ApiError, call } from '../../api';
import { dateItemProps } from '../../components/dateValue';
import { applyIssues, errorText } from '../../components/errors';

interface Values {
  withOpportunity: boolean;
  opportunityName?: string;
  /** Yuan as typed; the contract takes fen. */
  amount?: number | null;
  expectedClose?: string | null;
}

export function ConvertButton({ lead, onDone }: { lead: Lead; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const withOpportunity = Form.useWatch('withOpportunity', form);
  const convert = async () => {
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    try {
      await call('leads.convert', {
        id: lead.id,
        withOpportunity: v.withOpportunity,
        opportunityName: v.opportunityName,
        amount: v.amount === null || v.amount === undefined ? null : Math.round(v.amount * 100),
        expectedClose: v.expectedClose,
      });
      message.success(t('leads.convert.done'));
      setOpen(false);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
      message.error(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button type="primary" icon={<SwapOutlined />} onClick={() => setOpen(true)} data-testid="convert-button">
        {t('leads.convert.button')}
      </Button>
      <Modal
        open={open}
        title={t('leads.convert.title')}
        okText={t('leads.convert.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        okButtonProps={{ ...({ 'data-testid': 'convert-ok' } as object) }}
        onOk={() => void convert()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('leads.convert.hint')}</Typography.Paragraph>
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('leads.convert.company')}>{lead.companyName ?? t('leads.convert.noCompany')}</Descriptions.Item>
          <Descriptions.Item label={t('leads.convert.contact')}>{lead.name}</Descriptions.Item>
        </Descriptions>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          data-testid="convert-form"
          initialValues={{ withOpportunity: true, opportunityName: lead.companyName ?? lead.name }}
        >
          <Form.Item name="withOpportunity" valuePropName="checked">
            <Checkbox>{t('leads.convert.withOpportunity')}</Checkbox>
          </Form.Item>
          {withOpportunity !== false && (
            <>
              <Form.Item name="opportunityName" label={t('leads.convert.opportunityName')}>
                <Input maxLength={100} data-testid="convert-opportunity-name" />
              </Form.Item>
              <Form.Item name="amount" label={t('leads.convert.amount')}>
                <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="convert-amount" />
              </Form.Item>
              <Form.Item name="expectedClose" label={t('leads.convert.expectedClose')} {...dateItemProps}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
