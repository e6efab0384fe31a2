// The page of one lead: header (back, name, status, convert / mark invalid / edit / delete),
// facts with the status steps, the next follow-up and the follow-up timeline, the edit drawer.
import { Button, Col, Result, Row, Skeleton, Space, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, RedoOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ShareControl } from '../admin/ShareControl';
import type { Lead } from '../../../shared/leads';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useHotkeys } from '../../components/useHotkeys';
import { useQuery } from '../../components/useQuery';
import { navigate } from '../../components/router';
import { Timeline } from '../activities/Timeline';
import { TaskList } from '../tasks/TaskList';
import { ConvertButton } from './ConvertDialog';
import { InvalidButton } from './InvalidDialog';
import { LeadFacts } from './LeadFacts';
import { LeadForm } from './LeadForm';
import { NextFollowUpCard } from './NextFollowUpCard';
import { StatusTag } from './StatusTag';
import { useDeleteLeads } from './useDeleteLeads';

const isOpen = (lead: Lead) => lead.status !== 'converted' && lead.status !== 'invalid';

function StatusActions({ lead, onChange }: { lead: Lead; onChange(): void }) {
  const { t } = useTranslation();
  const setStatus = (status: 'following') => call('leads.setStatus', { id: lead.id, status }).then(onChange);
  if (lead.status === 'invalid') {
    return (
      <Button icon={<RedoOutlined />} onClick={() => void setStatus('following')} data-testid="reopen-button">
        {t('leads.detail.reopen')}
      </Button>
    );
  }
  if (!isOpen(lead)) return null;
  return (
    <>
      {lead.status !== 'following' && (
        <Button onClick={() => void setStatus('following')} data-testid="following-button">
          {t('leads.detail.markFollowing')}
        </Button>
      )}
      <InvalidButton leadId={lead.id} onDone={onChange} />
      <ConvertButton lead={lead} onDone={onChange} />
    </>
  );
}

function Header({ lead, onEdit, onChange }: { lead: Lead; onEdit(): void; onChange(): void }) {
  const { t } = useTranslation();
  const deleteLeads = useDeleteLeads();
  const back = () => navigate({ page: 'leads' });
  const remove = () => void deleteLeads([lead.id], back);
  useHotkeys({ e: onEdit, Escape: back });
  return (
    <div className="page-head">
      <PageTitle title={lead.name} onBack={back}>
        <StatusTag status={lead.status} />
        {lead.overdue && <Tag color="red">{t('leads.overdue')}</Tag>}
      </PageTitle>
      <Space wrap>
        <StatusActions lead={lead} onChange={onChange} />
        <ShareControl entity="lead" id={lead.id} />
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-button">
          {t('common.edit')}
        </Button>
        <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="delete-button">
          {t('common.delete')}
        </Button>
      </Space>
    </div>
  );
}

export function LeadDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: lead, error, reload } = useQuery(id, () => call('leads.get', { id }));
  const [editing, setEditing] = useState(false);
  if (error) return <Result status="warning" title={errorText(t, error)} />;
  if (!lead) return <Skeleton active />;
  return (
    <div className="detail-page" data-testid="lead-detail">
      <Header lead={lead} onEdit={() => setEditing(true)} onChange={reload} />
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <LeadFacts lead={lead} />
          <TaskList subjectType="lead" subjectId={lead.id} subjectName={lead.name} />
        </Col>
        <Col xs={24} xl={11}>
          {isOpen(lead) && <NextFollowUpCard key={lead.nextFollowUpAt ?? ''} lead={lead} onChange={reload} />}
          <Timeline subjectType="lead" subjectId={lead.id} onChange={reload} />
        </Col>
      </Row>
      <LeadForm
        editing={editing ? lead.id : null}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          reload();
        }}
      />
    </div>
  );
}
