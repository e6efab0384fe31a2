// Export a bundle for a device (downloaded as a file) and import a chosen bundle file. One job at a
// time: while one runs, both start buttons are disabled and the running card shows its progress
// (counts from the job in the main process) with a Cancel button.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { ExportOutlined, FileOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncDevice } from '../../../shared/sync';
import { errorText } from '../../components/errors';
import { JobProgress } from '../../components/JobProgress';
import { sizeText } from './DeviceCards';
import { useSyncUi } from './store';

const NEW_DEVICE = '__new__';

/** The running job with its progress (counts from the job in the main process) and Cancel. */
function SyncJobProgress({ label }: { label: string }) {
  const { job, cancel } = useSyncUi();
  return <JobProgress className="sync-job" label={label} status={job} onCancel={() => void cancel()} testId="sync-job" />;
}

export function ExportCard({ devices }: { devices: SyncDevice[] }) {
  const { t } = useTranslation();
  const { busy, lastExport, exportError, exportBundle } = useSyncUi();
  // Until a person picks one: the first known device, else a new one.
  const [target, setTarget] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const known = target === NEW_DEVICE || devices.some((d) => d.deviceId === target);
  const value = target && known ? target : (devices[0]?.deviceId ?? NEW_DEVICE);
  const running = busy === 'export';
  return (
    <Card title={t('sync.export.title')} className="sync-card" data-testid="sync-export">
      <Form layout="vertical" disabled={running} onFinish={() => void exportBundle(value === NEW_DEVICE ? null : value, passphrase)}>
        <Form.Item label={t('sync.export.for')} htmlFor="sync-export-for">
          <Select
            id="sync-export-for"
            data-testid="export-target"
            value={value}
            onChange={setTarget}
            options={[
              ...devices.map((d) => ({ value: d.deviceId, label: t('sync.export.knownDevice', { name: d.name, count: d.pending }) })),
              { value: NEW_DEVICE, label: t('sync.export.newDevice') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('sync.export.passphrase')} htmlFor="sync-export-pass" extra={t('sync.export.passphraseHint')}>
          <Input.Password id="sync-export-pass" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<ExportOutlined />} loading={running} disabled={!!busy && !running} data-testid="export-button">
          {t('sync.export.button')}
        </Button>
      </Form>
      {running && <SyncJobProgress label={t('sync.export.running')} />}
      {lastExport && !running && (
        <Alert
          className="sync-result"
          type="success"
          showIcon
          data-testid="export-result"
          title={t('sync.export.done', { count: lastExport.changes, size: sizeText(lastExport.bytes) })}
          description={lastExport.fileName}
        />
      )}
      {exportError !== null && !running && <Alert className="sync-result" type="error" showIcon data-testid="export-error" title={errorText(t, exportError)} />}
    </Card>
  );
}

export function ImportCard() {
  const { t } = useTranslation();
  const { busy, lastImport, importError, importCancelled, importFile, clearImport } = useSyncUi();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const running = busy === 'import';
  return (
    <Card title={t('sync.import.title')} className="sync-card" data-testid="sync-import">
      <Form layout="vertical" disabled={running} onFinish={() => file && void importFile(file, passphrase)}>
        <Form.Item label={t('sync.import.file')}>
          <Space wrap>
            <Upload
              showUploadList={false}
              maxCount={1}
              disabled={running}
              beforeUpload={(f) => {
                setFile(f);
                clearImport();
                return false;
              }}
            >
              <Button icon={<FolderOpenOutlined />} data-testid="import-choose">
                {t('sync.import.choose')}
              </Button>
            </Upload>
            <Typography.Text type={file ? undefined : 'secondary'} data-testid="import-file-name" ellipsis style={{ maxWidth: 260 }}>
              {file ? (
                <>
                  <FileOutlined /> {file.name} ({sizeText(file.size)})
                </>
              ) : (
                t('sync.import.noFile')
              )}
            </Typography.Text>
          </Space>
        </Form.Item>
        <Form.Item label={t('sync.import.passphrase')} htmlFor="sync-import-pass" extra={t('sync.import.passphraseHint')}>
          <Input.Password id="sync-import-pass" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<ImportOutlined />}
          loading={running}
          disabled={!file || (!!busy && !running)}
          data-testid="import-button"
        >
          {t('sync.import.button')}
        </Button>
      </Form>
      {running && <SyncJobProgress label={t('sync.import.running')} />}
      {lastImport && !running && (
        <Alert
          className="sync-result"
          type={lastImport.conflicts ? 'warning' : 'success'}
          showIcon
          data-testid="import-result"
          title={t('sync.import.done', { name: lastImport.fromDevice.name })}
          description={
            <>
              <Space size={16} wrap data-testid="import-counts">
                <span>
                  {t('sync.import.applied')} <strong>{lastImport.applied}</strong>
                </span>
                <span>
                  {t('sync.import.skipped')} <strong>{lastImport.skipped}</strong>
                </span>
                <span>
                  {t('sync.import.conflicts')} <strong>{lastImport.conflicts}</strong>
                </span>
              </Space>
              {lastImport.conflicts > 0 && <div>{t('sync.import.seeInbox')}</div>}
            </>
          }
        />
      )}
      {lastImport?.warning && !running && (
        <Alert
          className="sync-result"
          type="warning"
          showIcon
          data-testid="import-warning"
          title={t(lastImport.warning, { ...lastImport.warningParams, defaultValue: t('sync.warnings.generic') })}
        />
      )}
      {importCancelled && !running && (
        <Alert className="sync-result" type="info" showIcon data-testid="import-cancelled" title={t('sync.import.refused')} />
      )}
      {importError !== null && !running && (
        <Alert
          className="sync-result"
          type="error"
          showIcon
          data-testid="import-error"
          title={t('sync.import.refused')}
          description={errorText(t, importError)}
        />
      )}
    </Card>
  );
}
