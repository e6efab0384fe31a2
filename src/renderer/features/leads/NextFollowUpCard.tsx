// Setting the next follow-up time beside the follow-up records (overdue shows red in the facts).
import { useState } from 'react';
import { App, Button, Card, DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../shared/leads';
import { call } from '../../api';
import { errorText } from '../../components/errors';

export function NextFollowUpCard({ lead, onChange }: { lead: Lead; onChange(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState<Dayjs | null>(lead.nextFollowUpAt ? dayjs(lead.nextFollowUpAt) : null);
  const save = async (next: Dayjs | null) => {
    try {
      await call('leads.update', { id: lead.id, patch: { nextFollowUpAt: next ? next.toISOString() : null } });
      message.success(t('leads.detail.nextSaved'));
      onChange();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="next-follow-up">
      <Space wrap>
        <span>{t('leads.detail.nextFollowUp')}</span>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={value}
          onChange={setValue}
          status={lead.overdue ? 'error' : undefined}
          data-testid="next-follow-up-picker"
        />
        <Button type="primary" onClick={() => void save(value)} data-testid="next-follow-up-save">
          {t('leads.detail.setNext')}
        </Button>
      </Space>
    </Card>
  );
}
