// Asks why an opportunity was lost: a reason from the 'lost_reason' list (Settings) or typed in.
// Mounted only while asking, so every question starts empty.
import { useEffect, useState } from 'react';
import { AutoComplete, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';

interface Props {
  onOk(reason: string): void;
  onCancel(): void;
}

export function LostReasonModal({ onOk, onCancel }: Props) {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    call('picklists.list', { list: 'lost_reason' }).then(
      (items) => setReasons(items.map((i) => i.label)),
      () => setReasons([]),
    );
  }, []);
  const ok = () => {
    setTouched(true);
    if (reason.trim()) onOk(reason.trim());
  };
  const missing = touched && !reason.trim();
  return (
    <Modal open title={t('deals.lost.title')} okText={t('deals.lost.ok')} onOk={ok} onCancel={onCancel} destroyOnHidden okButtonProps={{ danger: true, ...({ 'data-testid': 'lost-ok' } as object) }}>
      <Form layout="vertical">
        <Form.Item label={t('deals.fields.lostReason')} required validateStatus={missing ? 'error' : undefined} help={missing ? t('deals.errors.lost_reason_required') : undefined}>
          <AutoComplete
            autoFocus
            value={reason}
            onChange={setReason}
            options={reasons.map((r) => ({ value: r }))}
            placeholder={t('deals.lost.placeholder')}
            maxLength={200}
            data-testid="lost-reason"
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
