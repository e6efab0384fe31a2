// This device (its editable name), the devices it has met, and the history of bundles.
import { App, Button, Card, Descriptions, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncDevice, SyncHistoryEntry, SyncStatus } from '../../../shared/sync';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { when } from './labels';
import { useSyncUi } from './store';

export function ThisDeviceCard({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useSyncUi((s) => s.changed);
  const rename = async (name: string) => {
    const trimmed = name.trim();
    if (!trimmed || trimmed === status.deviceName) return;
    try {
      await call('sync.rename', { name: trimmed });
      message.success(t('sync.device.renamed'));
      changed();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <Card title={t('sync.device.title')} className="sync-card" data-testid="sync-this-device">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('sync.device.name')}>
          <Typography.Text
            strong
            data-testid="device-name"
            editable={{ onChange: (v) => void rename(v), maxLength: 60, tooltip: t('sync.device.rename'), triggerType: ['icon', 'text'] }}
          >
            {status.deviceName}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.device.id')}>
          <Typography.Text type="secondary" copyable={{ text: status.deviceId }}>
            {status.deviceId.slice(-12)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.device.known')}>{status.devices.length}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('sync.device.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

export function DevicesCard({ devices }: { devices: SyncDevice[] }) {
  const { t } = useTranslation();
  const busy = useSyncUi((s) => s.busy);
  const exportBundle = useSyncUi((s) => s.exportBundle);
  return (
    <Card title={t('sync.devices.title')} className="sync-section" data-testid="sync-devices">
      <Table<SyncDevice>
        size="small"
        rowKey="deviceId"
        pagination={false}
        dataSource={devices}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sync.devices.empty')} /> }}
        columns={[
          {
            key: 'name',
            title: t('sync.device.name'),
            render: (_, d) => (
              <Tooltip title={d.deviceId}>
                <span>{d.name}</span>
              </Tooltip>
            ),
          },
          { key: 'export', title: t('sync.devices.lastExport'), render: (_, d) => when(t, d.lastExportAt) },
          { key: 'import', title: t('sync.devices.lastImport'), render: (_, d) => when(t, d.lastImportAt) },
          { key: 'pending', title: t('sync.devices.pending'), render: (_, d) => d.pending },
          {
            key: 'actions',
            title: '',
            align: 'right',
            render: (_, d) => (
              <Button size="small" icon={<ExportOutlined />} disabled={!!busy} onClick={() => void exportBundle(d.deviceId, '')}>
                {t('sync.devices.exportFor')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function HistoryCard({ entries }: { entries: SyncHistoryEntry[] | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t('sync.history.title')} className="sync-section" data-testid="sync-history">
      <Table<SyncHistoryEntry>
        size="small"
        rowKey="id"
        loading={!entries}
        dataSource={entries ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sync.history.empty')} /> }}
        columns={[
          { key: 'at', title: t('sync.history.at'), width: 150, render: (_, e) => when(t, e.at) },
          {
            key: 'direction',
            title: t('sync.history.direction'),
            width: 90,
            render: (_, e) => <Tag color={e.direction === 'export' ? 'blue' : 'green'}>{t(`sync.history.${e.direction}`)}</Tag>,
          },
          { key: 'device', title: t('sync.history.device'), render: (_, e) => e.deviceName || t('sync.history.newDevice') },
          { key: 'file', title: t('sync.history.file'), ellipsis: true, render: (_, e) => e.fileName },
          { key: 'changes', title: t('sync.history.changes'), width: 90, render: (_, e) => e.changes },
          {
            key: 'result',
            title: t('sync.history.result'),
            render: (_, e) =>
              e.direction === 'import' ? t('sync.history.resultText', { applied: e.applied, skipped: e.skipped, conflicts: e.conflicts }) : sizeText(e.bytes),
          },
        ]}
      />
    </Card>
  );
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
