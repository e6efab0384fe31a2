// 备份与安全: the backups (anyone with backup.run), and for a security administrator the settings
// (auto-lock, backup schedule) and how the data folder is protected.
import { Alert, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { useApp } from '../app/store';
import { useAuth } from '../auth/store';
import { BackupsCard } from './BackupsCard';
import { ModeCard } from './ModeCard';
import { SecuritySettingsCard } from './SecuritySettingsCard';
import './admin.css';

function SecurityCards() {
  const { t } = useTranslation();
  const settings = useQuery('security', () => call('security.settings', {}));
  if (settings.error) return <Alert type="error" showIcon title={errorText(t, settings.error)} />;
  if (!settings.data) return <Skeleton active />;
  return (
    <div className="admin-cards">
      <ModeCard settings={settings.data} />
      <SecuritySettingsCard
        settings={settings.data}
        onSaved={() => {
          settings.reload();
          // The idle lock of this screen follows the new minutes at once, not at the next sign-in.
          void useAuth.getState().refresh();
        }}
      />
    </div>
  );
}

export function BackupsPage() {
  const { t } = useTranslation();
  const isSecurityAdmin = useApp((s) => s.info?.session.permissions.includes('security.admin') ?? false);
  return (
    <div className="detail-page" data-testid="backups-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('admin.backupsTitle')}</Typography.Title>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={isSecurityAdmin ? 14 : 24}>
          <BackupsCard canRestore={isSecurityAdmin} />
        </Col>
        {isSecurityAdmin && (
          <Col xs={24} xl={10}>
            <SecurityCards />
          </Col>
        )}
      </Row>
    </div>
  );
}
