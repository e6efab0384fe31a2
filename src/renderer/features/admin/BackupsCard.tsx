// The backups in the data folder, newest first: back up now (backup.run), and restore one
// (security.admin) after a confirm that says what happens to the current data.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CloudUploadOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/backups';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { sizeText } from '../sync/DeviceCards';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

function RestoreModal({ backup, onClose }: { backup: BackupInfo | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    if (!backup) return;
    setBusy(true);
    try {
      await call('backups.restore', { file: backup.file });
      message.success(t('admin.backups.restored'));
      // Everyone signs in again: the whole app starts over on the restored data.
      window.location.reload();
    } catch (e) {
      setBusy(false);
      message.error({ content: errorText(t, e), duration: 8 });
    }
  };
  return (
    <Modal
      open={backup !== null}
      title={backup && t('admin.backups.restoreTitle', { at: at(backup.at) })}
      okText={t('admin.backups.restore')}
      okButtonProps={{ danger: true, disabled: !understood, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => void restore()}
      onCancel={onClose}
      afterClose={() => setUnderstood(false)}
    >
      <Typography.Paragraph>{t('admin.backups.restoreText')}</Typography.Paragraph>
      {backup && <Typography.Paragraph type="secondary">{backup.file}</Typography.Paragraph>}
      <Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="restore-understood">
        {t('admin.backups.restoreCheck')}
      </Checkbox>
    </Modal>
  );
}

export function BackupsCard({ canRestore }: { canRestore: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const backups = useQuery('backups', () => call('backups.list', {}));
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const backUp = async () => {
    setBusy(true);
    try {
      const made = await call('backups.create', {});
      message.success(t('admin.backups.done', { file: made.file }));
      backups.reload();
    } catch (e) {
      message.error({ content: errorText(t, e), duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  const columns: TableColumnsType<BackupInfo> = [
    { key: 'at', title: t('admin.backups.at'), width: 180, render: (_, b) => at(b.at) },
    { key: 'reason', title: t('admin.backups.reason'), render: (_, b) => t(`admin.backups.reasons.${b.reason}`, { defaultValue: b.reason }) },
    { key: 'size', title: t('admin.backups.size'), width: 110, render: (_, b) => sizeText(b.bytes) },
    {
      key: 'encrypted',
      title: t('admin.backups.encrypted'),
      width: 110,
      render: (_, b) => (b.encrypted ? <Tag color="green">{t('admin.yes')}</Tag> : <Tag>{t('admin.no')}</Tag>),
    },
    ...(canRestore
      ? [
          {
            key: 'restore',
            title: '',
            width: 110,
            render: (_: unknown, b: BackupInfo) => (
              <Button size="small" icon={<RollbackOutlined />} onClick={() => setRestoring(b)}>
                {t('admin.backups.restore')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t('admin.backups.list')}
      extra={
        <Button type="primary" icon={<CloudUploadOutlined />} loading={busy} onClick={() => void backUp()} data-testid="backup-now">
          {t('admin.backups.now')}
        </Button>
      }
    >
      {backups.error ? <Typography.Text type="danger">{errorText(t, backups.error)}</Typography.Text> : null}
      <Table<BackupInfo>
        rowKey="file"
        size="small"
        pagination={false}
        loading={!backups.data && !backups.error}
        dataSource={backups.data ?? []}
        columns={columns}
        locale={{ emptyText: t('admin.backups.empty') }}
        scroll={{ y: 360 }}
      />
      <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />
    </Card>
  );
}
