// The page of one opportunity: stage bar (click to move), won/lost buttons, its facts, the line
// items editor, competitors, the stage history with time spent, and the edit drawer.
import { useEffect } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Skeleton, Space, Steps, Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { ShareControl } from '../admin/ShareControl';
import type { OpportunityDetail, Pipeline } from '../../../shared/deals';
import { formatMoney } from '../../../shared/money';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate, routeHash } from '../../components/router';
import { useHotkeys } from '../../components/useHotkeys';
import { useQuery } from '../../components/useQuery';
import { DealForm } from './DealForm';
import { LineItemsEditor } from './LineItemsEditor';
import { StageHistory } from './StageHistory';
import { MakeQuoteButton } from '../orders/MakeQuoteButton';
import { TaskList } from '../tasks/TaskList';
import { StatusTag } from './StatusTag';
import { useDeals } from './store';
import { useMoveDeal } from './useMoveDeal';
import './deals.css';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
const back = () => navigate({ page: 'deals' });

export function DealDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: deal, error, reload } = useQuery(id, () => call('deals.get', { id }));
  const { pipelines, loadPipelines, setEditing } = useDeals();
  const { move, modal } = useMoveDeal({ onMoved: () => reload() });
  useEffect(() => {
    void loadPipelines();
  }, [loadPipelines]);
  useHotkeys({ e: () => setEditing(id), Escape: back });
  const pipeline = pipelines.find((p) => p.id === deal?.pipelineId);

  if (error) return <Result status="warning" title={errorText(t, error)} />;
  if (!deal) return <Skeleton active />;
  return (
    <div className="detail-page" data-testid="deal-detail">
      <Header deal={deal} pipeline={pipeline} onMove={move} />
      {deal.deletedAt && <InTrash id={deal.id} onRestored={reload} />}
      {pipeline && <StageBar deal={deal} pipeline={pipeline} onMove={move} />}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Facts deal={deal} />
          <TaskList subjectType="opportunity" subjectId={deal.id} subjectName={deal.name} />
        </Col>
        <Col xs={24} xl={12}>
          <StageHistory history={deal.history} />
        </Col>
      </Row>
      {/* Keyed by the stored lines, so that a save elsewhere starts the editor afresh. */}
      <LineItemsEditor key={JSON.stringify(deal.lines)} deal={deal} onSaved={() => reload()} />
      <DealForm onSaved={() => reload()} />
      {modal}
    </div>
  );
}

function Header({ deal, pipeline, onMove }: { deal: OpportunityDetail; pipeline?: Pipeline; onMove(dealId: string, stage: Pipeline['stages'][number]): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setEditing = useDeals((s) => s.setEditing);
  const won = pipeline?.stages.find((s) => s.kind === 'won');
  const lost = pipeline?.stages.find((s) => s.kind === 'lost');
  const remove = async () => {
    try {
      await call('deals.delete', { ids: [deal.id] });
      const undo = () => void call('deals.restore', { ids: [deal.id] }).then(() => navigate({ page: 'deal', id: deal.id }));
      message.success({
        content: (
          <span>
            {t('deals.deleted')}{' '}
            <Button type="link" size="small" onClick={undo} data-testid="deal-undo-delete">
              {t('delete.undo')}
            </Button>
          </span>
        ),
      });
      back();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <div className="page-head">
      <PageTitle title={deal.name} onBack={back}>
        <StatusTag status={deal.status} />
      </PageTitle>
      <Space hidden={deal.deletedAt !== null}>
        {deal.status === 'open' && won && (
          <Button icon={<CheckCircleOutlined />} className="deal-won-button" onClick={() => onMove(deal.id, won)} data-testid="deal-won">
            {t('deals.actions.won')}
          </Button>
        )}
        {deal.status === 'open' && lost && (
          <Button icon={<CloseCircleOutlined />} danger onClick={() => onMove(deal.id, lost)} data-testid="deal-lost">
            {t('deals.actions.lost')}
          </Button>
        )}
        {deal.status !== 'lost' && <MakeQuoteButton opportunityId={deal.id} />}
        <ShareControl entity="opportunity" id={deal.id} />
        <Tooltip title={`${t('common.edit')} (E)`}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(deal.id)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
        </Tooltip>
        <Popconfirm title={t('deals.confirmDelete')} onConfirm={() => void remove()}>
          <Button danger icon={<DeleteOutlined />} data-testid="delete-button">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    </div>
  );
}

/** A deal in the Trash is shown read as it was, with a way back. */
function InTrash({ id, onRestored }: { id: string; onRestored(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const restore = () =>
    call('deals.restore', { ids: [id] }).then(onRestored, (e: unknown) => void message.error(errorText(t, e)));
  return (
    <Alert
      type="warning"
      showIcon
      className="deal-card-section"
      title={t('deals.inTrash')}
      action={
        <Button size="small" onClick={() => void restore()} data-testid="deal-restore">
          {t('deals.restore')}
        </Button>
      }
    />
  );
}

/** The pipeline's stages as steps; a click moves the opportunity there (reopening a closed one). */
function StageBar({ deal, pipeline, onMove }: { deal: OpportunityDetail; pipeline: Pipeline; onMove(dealId: string, stage: Pipeline['stages'][number]): void }) {
  const open = pipeline.stages.filter((s) => s.kind === 'open');
  const closedStage = deal.status === 'open' ? null : pipeline.stages.find((s) => s.id === deal.stageId);
  const current = open.findIndex((s) => s.id === deal.stageId);
  const steps = [...open, ...(closedStage ? [closedStage] : [])];
  return (
    <Card size="small" className="deal-card-section">
      <Steps
        size="small"
        current={closedStage ? steps.length - 1 : current}
        status={deal.status === 'lost' ? 'error' : deal.status === 'won' ? 'finish' : 'process'}
        onChange={(i) => !deal.deletedAt && steps[i].id !== deal.stageId && onMove(deal.id, steps[i])}
        items={steps.map((s) => ({ title: s.name, content: s.kind === 'open' ? `${s.probability}%` : undefined }))}
        data-testid="stage-bar"
      />
    </Card>
  );
}

function Facts({ deal }: { deal: OpportunityDetail }) {
  const { t } = useTranslation();
  const link = (page: 'company' | 'contact', id: string | null, name: string | null) => (id && name ? <a href={routeHash({ page, id })}>{name}</a> : '—');
  const items = [
    { key: 'company', label: t('fields.company'), children: link('company', deal.companyId, deal.companyName) },
    { key: 'contact', label: t('deals.fields.contact'), children: link('contact', deal.contactId, deal.contactName) },
    { key: 'amount', label: t('deals.fields.amount'), children: <span data-testid="deal-amount-value">{formatMoney(deal.amount, deal.currency)}</span> },
    { key: 'weighted', label: t('deals.fields.weighted'), children: `${formatMoney(deal.weighted, deal.currency)} (${deal.probability}%)` },
    { key: 'stage', label: t('deals.fields.stage'), children: deal.stageName },
    { key: 'close', label: t('deals.fields.expectedClose'), children: deal.expectedClose ?? '—' },
    {
      key: 'competitors',
      label: t('deals.fields.competitors'),
      span: 2,
      children: deal.competitors.length ? deal.competitors.map((c) => <Tag key={c}>{c}</Tag>) : '—',
    },
    ...(deal.status !== 'open' ? [{ key: 'closed', label: t('deals.fields.closedAt'), children: time(deal.closedAt) }] : []),
    ...(deal.status === 'lost' ? [{ key: 'reason', label: t('deals.fields.lostReason'), children: <span data-testid="lost-reason-value">{deal.lostReason ?? '—'}</span> }] : []),
    { key: 'owner', label: t('fields.owner'), children: deal.ownerName ?? '—' },
    { key: 'notes', label: t('fields.notes'), span: 2, children: <div className="notes">{deal.notes ?? '—'}</div> },
    { key: 'created', label: t('fields.created'), children: time(deal.createdAt) },
    { key: 'updated', label: t('fields.updated'), children: time(deal.updatedAt) },
  ];
  return (
    <Card size="small" title={t('detail.info')} className="deal-card-section">
      <Descriptions column={2} size="small" items={items} data-testid="deal-facts" />
    </Card>
  );
}
