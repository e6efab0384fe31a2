// A lead's status as a coloured tag, and its next follow-up time (red when overdue).
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Lead, LeadStatus } from '../../../shared/leads';

const COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  contacted: 'cyan',
  following: 'gold',
  converted: 'green',
  invalid: 'default',
};

export function StatusTag({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="lead-status">
      {t(`leads.status.${status}`)}
    </Tag>
  );
}

export const formatTime = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

export function NextFollowUp({ lead }: { lead: Pick<Lead, 'nextFollowUpAt' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!lead.nextFollowUpAt) return <Typography.Text type="secondary">{t('leads.none')}</Typography.Text>;
  return (
    <span style={lead.overdue ? { color: '#cf1322' } : undefined} data-testid={lead.overdue ? 'lead-overdue' : undefined}>
      {formatTime(lead.nextFollowUpAt)}
      {lead.overdue && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          {t('leads.overdue')}
        </Tag>
      )}
    </span>
  );
}
