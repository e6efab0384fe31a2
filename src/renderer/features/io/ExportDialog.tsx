// Export of a customer list: the list as currently filtered (and sorted) or everything, as CSV
// (UTF-8 with BOM for Excel, or GBK), Excel or vCard (contacts). Runs as a job with progress and
// Cancel; the finished file is fetched in chunks and downloaded.
import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Radio, Space } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerSort } from '../../../shared/customers';
import type { ExportFormat, ExportResult, IoEntity } from '../../../shared/io';
import type { SortDir } from '../../../shared/paging';
import { ApiError, call } from '../../api';
import { errorText } from '../../components/errors';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/jobs';
import { cleanFilter, type ListFilter } from '../customers/listStore';
import { downloadFile } from './transfer';

const FORMATS: ExportFormat[] = ['csv', 'csv-gbk', 'xlsx', 'vcf'];

interface Props {
  entity: IoEntity;
  filter: ListFilter;
  sort: CustomerSort;
  dir: SortDir;
}

/** The toolbar button and its dialog. */
export function ExportButton(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ExportOutlined />} onClick={() => setOpen(true)} data-testid="export-open">
        {t('export.button')}
      </Button>
      {open && <ExportDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ entity, filter, sort, dir, onClose }: Props & { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const filtered = Object.keys(cleanFilter(filter)).length > 0;
  const [scope, setScope] = useState<'filtered' | 'all'>(filtered ? 'filtered' : 'all');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  /** The export found no records: nothing is downloaded. */
  const [nothing, setNothing] = useState(false);
  const [fetching, setFetching] = useState(false);
  const job = useJob();
  const busy = job.running || fetching;

  const start = async () => {
    setError(null);
    setCancelled(false);
    setNothing(false);
    try {
      const exportFilter = scope === 'filtered' ? cleanFilter(filter) : {};
      const end = await job.run(() =>
        entity === 'contact'
          ? call('io.startExport', { entity, format, filter: exportFilter, sort, dir })
          : call('io.startExport', { entity, format, filter: exportFilter, sort, dir }),
      );
      if (end.state === 'done') {
        const result = end.result as ExportResult;
        // An empty file helps no one: say so and leave the dialog open to choose otherwise.
        if (result.rows === 0) {
          setNothing(true);
          return;
        }
        setFetching(true);
        const fileName = await downloadFile(result.downloadId);
        message.success(t('export.done', { count: result.rows, file: fileName }));
        onClose();
      } else if (end.state === 'failed') setError(end.error ? new ApiError(end.error) : null);
      else setCancelled(true);
    } catch (e) {
      setError(e);
    } finally {
      setFetching(false);
    }
  };

  return (
    <Modal
      open
      title={t('export.title', { entity: t(`io.entities.${entity}`) })}
      onCancel={() => {
        if (job.running) void job.cancel();
        else onClose();
      }}
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={() => (job.running ? void job.cancel() : onClose())}>{t('common.cancel')}</Button>
          <Button type="primary" icon={<ExportOutlined />} loading={busy} onClick={() => void start()} data-testid="export-start">
            {t('export.start')}
          </Button>
        </Space>
      }
    >
      <div data-testid="export-dialog">
        <Form layout="vertical" disabled={busy}>
          <Form.Item label={t('export.scope')}>
            <Radio.Group
              value={scope}
              onChange={(e) => {
                setScope(e.target.value as 'filtered' | 'all');
                setNothing(false);
              }}
              data-testid="export-scope"
            >
              <Space orientation="vertical">
                <Radio value="filtered" disabled={!filtered}>
                  {t('export.filtered')}
                </Radio>
                <Radio value="all">{t('export.all')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('export.format')}>
            <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
              <Space orientation="vertical">
                {FORMATS.map((f) => (
                  <Radio key={f} value={f} disabled={f === 'vcf' && entity !== 'contact'} data-testid={`export-format-${f}`}>
                    {t(`export.formats.${f === 'csv-gbk' ? 'csvGbk' : f}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        </Form>
        {job.running && <JobProgress label={t('export.running')} status={job.status} rate={job.rate} onCancel={() => void job.cancel()} testId="export-job" />}
        {fetching && <Alert type="info" showIcon title={t('export.fetching')} />}
        {nothing && (
          <Alert
            type="warning"
            showIcon
            data-testid="export-nothing"
            title={t('export.nothing')}
            description={scope === 'filtered' ? t('export.nothingFiltered') : undefined}
          />
        )}
        {cancelled && <Alert type="info" showIcon data-testid="export-cancelled" title={t('export.cancelled')} />}
        {error !== null && <Alert type="error" showIcon data-testid="export-error" title={errorText(t, error)} />}
      </div>
    </Modal>
  );
}
