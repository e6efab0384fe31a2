// Marking a lead invalid asks why: one of the invalid reasons, or words of one's own.
import { useEffect, useState } from 'react';
import { App, AutoComplete, Button, Form, Modal } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api';
import { applyIssues, errorText } from '../../components/errors';
import { usePicklists } from './store';

export function InvalidButton({ leadId, onDone }: { leadId: string; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ invalidReason?: string }>();
  const reasons = usePicklists((s) => s.lists.invalid_reason) ?? [];
  const loadList = usePicklists((s) => s.load);
  useEffect(() => void loadList('invalid_reason'), [loadList]);
  const save = async () => {
    try {
      await call('leads.setStatus', { id: leadId, status: 'invalid', invalidReason: form.getFieldValue('invalidReason') as string | undefined });
      message.success(t('leads.invalid.done'));
      setOpen(false);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
      else message.error(errorText(t, e));
    }
  };
  return (
    <>
      <Button icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="invalid-button">
        {t('leads.detail.markInvalid')}
      </Button>
      <Modal
        open={open}
        title={t('leads.invalid.title')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, ...({ 'data-testid': 'invalid-ok' } as object) }}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="invalidReason" label={t('leads.invalid.reason')} required>
            <AutoComplete
              options={reasons.map((r) => ({ value: r.label }))}
              placeholder={t('leads.invalid.reasonHint')}
              data-testid="invalid-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
