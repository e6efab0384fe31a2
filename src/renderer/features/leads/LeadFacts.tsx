// The facts of a lead and where it stands: status steps, contact details, follow-up times,
// why it is invalid or what it became.
import { Button, Card, Descriptions, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../shared/leads';
import { navigate } from '../../components/router';
import { formatTime, NextFollowUp } from './StatusTag';

const FLOW = ['new', 'contacted', 'following', 'converted'] as const;

export function StatusSteps({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  if (lead.status === 'invalid') {
    return (
      <Steps
        size="small"
        current={1}
        status="error"
        items={[{ title: t('leads.status.new') }, { title: t('leads.status.invalid'), content: lead.invalidReason }]}
        data-testid="lead-steps"
      />
    );
  }
  const current = FLOW.indexOf(lead.status);
  return (
    <Steps
      size="small"
      current={current}
      status={lead.status === 'converted' ? 'finish' : 'process'}
      items={FLOW.map((s) => ({ title: t(`leads.status.${s}`) }))}
      data-testid="lead-steps"
    />
  );
}

function ConvertedLinks({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  return (
    <Space>
      {lead.convertedContactId && (
        <Button size="small" onClick={() => navigate({ page: 'contact', id: lead.convertedContactId as string })} data-testid="open-converted-contact">
          {t('leads.detail.openContact')}
        </Button>
      )}
      {lead.convertedCompanyId && (
        <Button size="small" onClick={() => navigate({ page: 'company', id: lead.convertedCompanyId as string })} data-testid="open-converted-company">
          {t('leads.detail.openCompany')}
        </Button>
      )}
    </Space>
  );
}

export function LeadFacts({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('leads.none')}</Typography.Text>;
  const text = (v: string | null) => v ?? none;
  const items = [
    { key: 'companyName', label: t('leads.field.companyName'), children: text(lead.companyName) },
    { key: 'title', label: t('leads.field.title'), children: text(lead.title) },
    { key: 'mobile', label: t('leads.field.mobile'), children: text(lead.mobile) },
    { key: 'email', label: t('leads.field.email'), children: text(lead.email) },
    { key: 'wechat', label: t('leads.field.wechat'), children: text(lead.wechat) },
    { key: 'source', label: t('leads.field.source'), children: text(lead.source) },
    { key: 'owner', label: t('leads.field.owner'), children: text(lead.ownerName) },
    { key: 'next', label: t('leads.field.nextFollowUpAt'), children: <NextFollowUp lead={lead} /> },
    { key: 'last', label: t('leads.field.lastFollowUpAt'), children: lead.lastFollowUpAt ? formatTime(lead.lastFollowUpAt) : none },
    { key: 'created', label: t('leads.field.createdAt'), children: formatTime(lead.createdAt) },
    ...(lead.status === 'invalid' ? [{ key: 'reason', label: t('leads.field.invalidReason'), children: text(lead.invalidReason) }] : []),
    ...(lead.convertedAt
      ? [{ key: 'converted', label: t('leads.field.convertedAt'), children: <Space>{formatTime(lead.convertedAt)}<ConvertedLinks lead={lead} /></Space> }]
      : []),
    { key: 'notes', label: t('leads.field.notes'), children: text(lead.notes), span: 2 },
  ];
  return (
    <Card size="small" title={t('leads.detail.facts')} data-testid="lead-facts">
      <div style={{ margin: '8px 0 20px' }}>
        <StatusSteps lead={lead} />
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}
