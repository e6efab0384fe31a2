// 同步: this device and its name, exporting a bundle for a device, importing one, the devices met,
// the conflict inbox and the history of bundles (DESIGN §4).
import { useEffect, useRef } from 'react';
import { Alert, Badge, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { ConflictInbox } from './ConflictInbox';
import { DevicesCard, HistoryCard, ThisDeviceCard } from './DeviceCards';
import { ExportCard, ImportCard } from './TransferCards';
import { useSyncUi } from './store';
import './sync.css';

export function SyncPage() {
  const { t } = useTranslation();
  const generation = useSyncUi((s) => s.generation);
  // Reloaded in place after every job, so the cards (and the chosen file) stay while it loads.
  const status = useQuery('sync', () => call('sync.status', {}));
  const conflicts = useQuery('sync', () => call('sync.conflicts', {}));
  const history = useQuery('sync', () => call('sync.history', {}));
  const { reload: reloadStatus } = status;
  const { reload: reloadConflicts } = conflicts;
  const { reload: reloadHistory } = history;
  const seen = useRef(generation);
  useEffect(() => {
    if (seen.current === generation) return;
    seen.current = generation;
    reloadStatus();
    reloadConflicts();
    reloadHistory();
  }, [generation, reloadStatus, reloadConflicts, reloadHistory]);
  const error = status.error ?? conflicts.error ?? history.error;
  return (
    <div className="detail-page sync-page" data-testid="sync-page">
      <Typography.Title level={3}>{t('nav.sync')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} /> : null}
      {!status.data ? (
        !error && <Skeleton active />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={8}>
              <ThisDeviceCard status={status.data} />
            </Col>
            <Col xs={24} xl={8}>
              <ExportCard devices={status.data.devices} />
            </Col>
            <Col xs={24} xl={8}>
              <ImportCard />
            </Col>
          </Row>
          <Card
            className="sync-section"
            data-testid="sync-conflicts"
            title={
              <span>
                {t('sync.conflicts.title')} <Badge count={conflicts.data?.length ?? 0} showZero={false} />
              </span>
            }
          >
            {conflicts.data ? <ConflictInbox conflicts={conflicts.data} status={status.data} /> : <Skeleton active />}
          </Card>
          <DevicesCard devices={status.data.devices} />
          <HistoryCard entries={history.data} />
        </>
      )}
    </div>
  );
}
