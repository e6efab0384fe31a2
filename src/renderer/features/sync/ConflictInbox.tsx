// The conflict inbox: each value that lost to a concurrent edit on another device, beside the value
// this device holds; a person keeps one of them (which then syncs onward) and the entry goes away.
import { useState } from 'react';
import { App, Button, Empty, Space, Tag, Typography } from 'antd';
import { CheckOutlined, SwapOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SyncConflict, SyncStatus } from '../../../shared/sync';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate, recordRoute } from '../../components/router';
import { fieldLabel, tableLabel, valueText } from './labels';
import { useSyncUi } from './store';

const RECORD_TABLES: Record<string, 'contact' | 'company'> = { contacts: 'contact', companies: 'company' };

export function ConflictInbox({ conflicts, status }: { conflicts: SyncConflict[]; status: SyncStatus }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useSyncUi((s) => s.changed);
  const [resolving, setResolving] = useState<string | null>(null);
  // The engine may name a device by the tail of its id (the HLC's node part).
  const same = (deviceId: string, id: string) => !!id && (deviceId === id || deviceId.endsWith(id) || id.endsWith(deviceId));
  const deviceName = (id: string) =>
    same(status.deviceId, id) ? status.deviceName : (status.devices.find((d) => same(d.deviceId, id))?.name ?? id.slice(-8));
  const resolve = async (c: SyncConflict, keep: 'local' | 'remote') => {
    setResolving(c.id);
    try {
      await call('sync.resolve', { id: c.id, keep });
      message.success(t(keep === 'local' ? 'sync.conflicts.keptLocal' : 'sync.conflicts.keptRemote'));
      changed();
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setResolving(null);
    }
  };
  if (!conflicts.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sync.conflicts.empty')} />;
  return (
    <div className="sync-conflicts">
      {conflicts.map((c) => {
        const type = RECORD_TABLES[c.table];
        const name = c.recordName || t('sync.conflicts.unnamed');
        return (
          <div key={c.id} className="sync-conflict" data-testid="conflict-item">
            <div className="sync-conflict-head">
              <Space size={8} wrap>
                <Tag>{tableLabel(t, c.table)}</Tag>
                {type ? (
                  <Typography.Link strong onClick={() => navigate(recordRoute(type, c.rowId))}>
                    {name}
                  </Typography.Link>
                ) : (
                  <Typography.Text strong>{name}</Typography.Text>
                )}
                <Typography.Text type="secondary">·</Typography.Text>
                <Typography.Text data-testid="conflict-field">{fieldLabel(t, c.field)}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{dayjs(c.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            </div>
            {c.kind === 'edit_on_deleted' && (
              <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>
                {t('sync.conflicts.editOnDeleted')}
              </Typography.Paragraph>
            )}
            <div className="sync-conflict-sides">
              <div className="sync-side" data-testid="conflict-local">
                <div className="sync-side-label">
                  {t('sync.conflicts.local')} <Typography.Text type="secondary">({deviceName(c.localDevice)})</Typography.Text>
                </div>
                <div className="sync-side-value">{valueText(t, c.field, c.localValue)}</div>
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  loading={resolving === c.id}
                  disabled={resolving !== null}
                  onClick={() => void resolve(c, 'local')}
                >
                  {t('sync.conflicts.keepLocal')}
                </Button>
              </div>
              <div className="sync-side" data-testid="conflict-remote">
                <div className="sync-side-label">
                  {t('sync.conflicts.remote')} <Typography.Text type="secondary">({deviceName(c.remoteDevice)})</Typography.Text>
                </div>
                <div className="sync-side-value">{valueText(t, c.field, c.remoteValue)}</div>
                <Button
                  size="small"
                  icon={<SwapOutlined />}
                  loading={resolving === c.id}
                  disabled={resolving !== null}
                  onClick={() => void resolve(c, 'remote')}
                >
                  {t('sync.conflicts.keepRemote')}
                </Button>
              </div>
            </div>
          </div>
        );
      })}
    </div>
  );
}
