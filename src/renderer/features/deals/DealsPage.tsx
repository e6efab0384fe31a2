// 商机: the pipeline as a board (drag cards between stages) or as a list with totals, a pipeline
// switcher and the create drawer.
import { useEffect, useState } from 'react';
import { Button, Empty, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useHotkeys } from '../../components/useHotkeys';
import { OwnerSelect } from '../app/OwnerSelect';
import { DealBoard } from './DealBoard';
import { DealForm } from './DealForm';
import { DealList } from './DealList';
import { useCurrentPipeline, useDeals, type DealsView } from './store';
import './deals.css';

export function DealsPage() {
  const { t } = useTranslation();
  const { pipelines, view, setView, setPipeline, setEditing, loadPipelines, filter, setFilter } = useDeals();
  const pipeline = useCurrentPipeline();
  const [generation, setGeneration] = useState(0);
  const refresh = () => setGeneration((g) => g + 1);
  useEffect(() => {
    void loadPipelines();
  }, [loadPipelines]);
  useHotkeys({ n: () => setEditing('new') });

  return (
    <div className="list-page deals-page" data-testid="deals-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('deals.title')}</Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('deals.pipeline')}
            style={{ minWidth: 160 }}
            value={pipeline?.id}
            onChange={setPipeline}
            options={pipelines.map((p) => ({ value: p.id, label: p.name }))}
            data-testid="pipeline-switch"
          />
          {view === 'board' && <OwnerSelect value={filter.ownerId} onChange={(v) => setFilter({ ownerId: v })} />}
          <Segmented<DealsView>
            value={view}
            onChange={setView}
            options={[
              { value: 'board', label: t('deals.view.board'), icon: <AppstoreOutlined /> },
              { value: 'list', label: t('deals.view.list'), icon: <UnorderedListOutlined /> },
            ]}
            data-testid="deals-view"
          />
          <Tooltip title={`${t('common.new')} (N)`}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-button">
              {t('deals.new')}
            </Button>
          </Tooltip>
        </Space>
      </div>
      {!pipeline ? (
        <Empty description={t('deals.noPipeline')} />
      ) : view === 'board' ? (
        <DealBoard pipelineId={pipeline.id} ownerId={filter.ownerId ?? null} generation={generation} onChange={() => void loadPipelines()} />
      ) : (
        <DealList pipeline={pipeline} generation={generation} />
      )}
      <DealForm
        onSaved={() => {
          refresh();
          void loadPipelines();
        }}
      />
    </div>
  );
}
