// Settings → 销售流程: the pipelines and their stages (name, default win probability, kind), in
// board order. Exactly one won and one lost stage; a stage or pipeline that still holds
// opportunities cannot be removed (the main process refuses, the reason is shown).
import { useEffect, useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../shared/deals';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useApp } from '../app/store';
import { PipelineEditor } from './PipelineEditor';
import { useDeals } from './store';
import './deals.css';

export function PipelineSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pipelines, loadPipelines } = useDeals();
  const [editing, setEditing] = useState<Pipeline | 'new' | null>(null);
  // Only sales admins change pipelines (the main process decides; this only hides the buttons).
  const canEdit = useApp((s) => s.info?.session.permissions.includes('sales.admin') ?? false);
  useEffect(() => {
    void loadPipelines();
  }, [loadPipelines]);

  const remove = async (id: string) => {
    try {
      await call('pipelines.delete', { id });
      void loadPipelines();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  return (
    <div data-testid="pipeline-settings">
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="pipeline-new">
          {t('deals.pipelines.new')}
        </Button>
      )}
      <Table<Pipeline>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={pipelines}
        columns={[
          {
            key: 'name',
            title: t('deals.pipelines.name'),
            render: (_, p) => (
              <Space>
                {p.name}
                {p.isDefault && <Tag color="blue">{t('deals.pipelines.default')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'stages',
            title: t('deals.pipelines.stages'),
            render: (_, p) => (
              <Space size={4} wrap>
                {p.stages.map((s) => (
                  <Tag key={s.id} color={s.kind === 'won' ? 'success' : s.kind === 'lost' ? 'error' : undefined}>
                    {s.name} {s.kind === 'open' ? `${s.probability}%` : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { key: 'deals', title: t('deals.pipelines.deals'), width: 90, render: (_, p) => p.stages.reduce((n, s) => n + s.dealCount, 0) },
          {
            key: 'actions',
            width: 150,
            render: (_, p) =>
              canEdit && (
                <Space>
                  <Button size="small" onClick={() => setEditing(p)} data-testid="pipeline-edit">
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('deals.pipelines.confirmDelete', { name: p.name })} onConfirm={() => void remove(p.id)}>
                    <Button size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <PipelineEditor
          key={editing === 'new' ? 'new' : editing.id}
          pipeline={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void loadPipelines();
          }}
        />
      )}
    </div>
  );
}
