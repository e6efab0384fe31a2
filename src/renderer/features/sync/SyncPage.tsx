// 同步: this device and its name, exporting a bundle for a device, importing one, the devices met,
// the conflict inbox and the history of bundles (DESIGN §4).
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
  const key = String(generation);
  const status = useQuery(key, () => call('sync.status', {}));
  const conflicts = useQuery(key, () => call('sync.conflicts', {}));
  const history = useQuery(key, () => call('sync.history', {}));
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
            {conflicts.data ? <ConflictInbox conflicts={conflicts.data} devices={status.data.devices} /> : <Skeleton active />}
          </Card>
          <DevicesCard devices={status.data.devices} />
          <HistoryCard entries={history.data} />
        </>
      )}
    </div>
  );
}
