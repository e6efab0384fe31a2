// 导入: contacts or companies from CSV/TSV/TXT, Excel or vCard. Choose a file (uploaded in 4 MB
// chunks) → map its columns → preview the rows as they will be stored and choose what happens to
// duplicates → the import job (progress, rows/s, cancel; all or nothing) → the summary, with the
// rejected rows to download and undo. Below: the history of imports.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { Alert, App, Button, Card, Progress, Radio, Space, Statistic, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, FileOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applySaved, type ColumnMapping, type InspectResult, type IoEntity, type OnDuplicate } from '../../../shared/io';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { JobProgress } from '../../components/JobProgress';
import { navigate } from '../../components/router';
import { useQuery } from '../../components/useQuery';
import { useLoadedCustomFields } from '../custom-fields/store';
import { sizeText } from '../sync/DeviceCards';
import { ImportHistory, UndoImportButton } from './ImportHistory';
import { cancelImport, clearImport, markImportUndone, onImportPageShown, startImport, useImportJob } from './importJob';
import { MappingStep, type ReadOptions } from './MappingStep';
import { hasDataRows, PreviewStep } from './PreviewStep';
import { downloadFile, uploadFile } from './transfer';
import './io.css';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.vcf';
type Step = 'file' | 'mapping' | 'preview' | 'run';
const STEPS: Step[] = ['file', 'mapping', 'preview', 'run'];

/**
 * A wizard button's click handler that ignores the second (and third) click of a double click:
 * the next step draws its own button where this one was, and the rest of a double click on Next
 * is no deliberate click on Start (nor two clicks on Back a request to go back twice). Keyboard
 * activation has detail 0 and goes through.
 */
const singleClick = (action: () => void) => (event: MouseEvent) => {
  if (event.detail > 1) return;
  action();
};

const sameMapping = (a: ColumnMapping, b: ColumnMapping) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * For a file read again (another encoding, delimiter or sheet): the columns it had keep where they
 * were sent by hand, by header name; a column new to this reading gets its suggestion.
 */
const keepMapping = (before: InspectResult, mapping: ColumnMapping) => (now: InspectResult): ColumnMapping => {
  const columns: Record<string, string> = {};
  now.info.headers.forEach((h, i) => {
    const suggested = now.mapping[String(i)];
    if (suggested) columns[h] = suggested;
  });
  before.info.headers.forEach((h, i) => (columns[h] = mapping[String(i)] ?? 'ignore'));
  return applySaved({ columns }, now.info.headers);
};

export function ImportPage({ entity: initialEntity }: { entity: IoEntity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const custom = useLoadedCustomFields();
  const [entity, setEntity] = useState<IoEntity>(initialEntity);
  const [wizardStep, setStep] = useState<Step>('file');
  const [file, setFile] = useState<{ name: string; size: number } | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  /** The chosen file as uploaded: kept while the wizard goes back and forth, read again as asked. */
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [inspect, setInspect] = useState<InspectResult | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [read, setRead] = useState<ReadOptions>({});
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('skip');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The import that runs or has ended lives in module state: it outlasts this page.
  const job = useImportJob();
  const { run, outcome } = job;
  const step: Step = run ? 'run' : wizardStep;
  useEffect(onImportPageShown, []);
  const history = useQuery('imports', () => call('io.imports', { limit: 50 }));
  const seq = useRef(0);

  /**
   * Reads the uploaded file again (another encoding, delimiter, sheet or mapping): with this
   * mapping, the one suggested from the headers (null), or one made from the file as read now (a
   * function: the file is read once more with it). True when it was read and is still the latest
   * reading; false when it failed (the error is shown) or a later one took its place.
   */
  const reinspect = async (
    uploadId: string,
    nextRead: ReadOptions,
    nextMapping: ColumnMapping | null | ((read: InspectResult) => ColumnMapping),
    forEntity = entity,
  ): Promise<boolean> => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    const ask = (m: ColumnMapping | null) => call('io.inspect', { uploadId, entity: forEntity, ...nextRead, ...(m ? { mapping: m } : {}) });
    try {
      let result = await ask(typeof nextMapping === 'function' ? null : nextMapping);
      let chosen = typeof nextMapping === 'function' ? null : nextMapping;
      if (typeof nextMapping === 'function' && mine === seq.current) {
        chosen = nextMapping(result);
        if (!sameMapping(chosen, result.mapping)) result = await ask(chosen);
      }
      if (mine !== seq.current) return false;
      setInspect(result);
      setMapping(chosen ?? result.mapping);
      return true;
    } catch (e) {
      if (mine === seq.current) setError(e);
      return false;
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  };

  /** The upload under way, to cancel. */
  const uploading = useRef<AbortController | null>(null);

  const choose = async (chosen: File) => {
    const upload = new AbortController();
    uploading.current = upload;
    setFile({ name: chosen.name, size: chosen.size });
    setUploadId(null);
    setInspect(null);
    setError(null);
    setRead({});
    setSent(0);
    try {
      const id = await uploadFile(chosen, setSent, upload.signal);
      setUploadId(id);
      // A file that cannot be read (an old .xls, a password, an unclosed quote) stays on this
      // step with its name and the reason, ready for another file.
      if ((await reinspect(id, {}, null)) && !upload.signal.aborted) setStep('mapping');
    } catch (e) {
      if (!upload.signal.aborted) setError(e);
    } finally {
      if (uploading.current === upload) {
        uploading.current = null;
        setSent(null);
      }
    }
  };

  /** Stops the upload (or the first reading of the file): step ① again, ready for another file. */
  const cancelUpload = () => {
    uploading.current?.abort();
    uploading.current = null;
    ++seq.current;
    setLoading(false);
    setSent(null);
    setFile(null);
    setUploadId(null);
    setInspect(null);
    setError(null);
  };

  /** Another entity for the chosen file: read again, its columns suggested for that entity. */
  const changeEntity = async (next: IoEntity) => {
    setEntity(next);
    if (!uploadId) return;
    setInspect(null);
    await reinspect(uploadId, read, null, next);
  };

  const start = async () => {
    // Only from the preview, once it shows the rows as they will be stored.
    if (step !== 'preview' || loading || !inspect || !file) return;
    await startImport(file.name, entity, () =>
      call('io.startImport', { uploadId: inspect.uploadId, entity, mapping, options: { ...read, onDuplicate, fileName: file.name, dryRun: false } }),
    );
  };

  // An import that ends (here, or while another page was shown) is in the history.
  const { reload: reloadHistory } = history;
  useEffect(() => {
    if (outcome) reloadHistory();
  }, [outcome, reloadHistory]);

  const restart = () => {
    clearImport();
    setStep('file');
    setFile(null);
    setUploadId(null);
    setInspect(null);
    setError(null);
  };

  /** Back from a cancelled or failed import to its preview, while this page still has it. */
  const backToPreview = () => {
    clearImport();
    setStep('preview');
  };

  const downloadRejected = async (downloadId: string) => {
    try {
      await downloadFile(downloadId);
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  // The summary's import as the history has it now: undone from the list below, the summary says so too.
  const importId = outcome?.kind === 'done' ? outcome.result.importId : undefined;
  const entry = importId ? history.data?.find((e) => e.id === importId) : undefined;
  const undone = job.undone || !!entry?.undoneAt;
  // Its counts as the history has them (the records it created of its own kind, the ones it updated).
  const counts = entry ?? (outcome?.kind === 'done' ? outcome.result : { created: 0, updated: 0 });
  // Until the history has it: no bundle can have been written since an import that just ended
  // (one job at a time), so its undo would delete its unused tags.
  const undoKeepsTags = entry?.undoKeepsTags ?? false;

  const current = STEPS.indexOf(step);
  const mapped = Object.values(mapping).some((target) => target !== 'ignore');
  return (
    <div className="detail-page io-page" data-testid="import-page">
      <Typography.Title level={3}>{t('io.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('io.intro')}</Typography.Paragraph>
      <Card className="io-wizard">
        <Steps
          current={current}
          status={outcome?.kind === 'done' ? 'finish' : outcome?.kind === 'failed' ? 'error' : 'process'}
          size="small" className="io-steps" items={STEPS.map((s) => ({ title: t(`io.steps.${s}`) }))} />

        {step === 'file' && (
          <div className="io-step" data-testid="import-step-file">
            <Space orientation="vertical" size={16}>
              <Space size={8}>
                <span>{t('io.file.entity')}</span>
                <Radio.Group
                  value={entity}
                  disabled={sent !== null}
                  onChange={(e) => void changeEntity(e.target.value as IoEntity)}
                  optionType="button"
                  data-testid="import-entity"
                  options={(['contact', 'company'] as const).map((e) => ({ value: e, label: t(`io.entities.${e}`) }))}
                />
              </Space>
              <Space size={12} wrap>
                <Upload
                  accept={ACCEPT}
                  showUploadList={false}
                  maxCount={1}
                  disabled={sent !== null}
                  beforeUpload={(f) => {
                    void choose(f);
                    return false;
                  }}
                >
                  <Button type="primary" icon={<FolderOpenOutlined />} loading={sent !== null} data-testid="import-choose">
                    {t('io.file.choose')}
                  </Button>
                </Upload>
                <Typography.Text type="secondary">{t('io.file.hint')}</Typography.Text>
              </Space>
              {file && (
                <Typography.Text data-testid="import-file-name">
                  <FileOutlined /> {file.name} ({sizeText(file.size)})
                </Typography.Text>
              )}
              {sent !== null && file && (
                <div className="io-upload" data-testid="import-upload-progress">
                  <Typography.Text type="secondary">{loading ? t('io.file.reading') : t('io.file.uploading')}</Typography.Text>
                  <Progress percent={file.size ? Math.floor((sent / file.size) * 100) : 100} status="active" />
                  <Button size="small" onClick={cancelUpload} data-testid="import-upload-cancel">
                    {t('common.cancel')}
                  </Button>
                </div>
              )}
            </Space>
          </div>
        )}

        {step === 'mapping' && inspect && (
          <div className="io-step" data-testid="import-step-mapping">
            <MappingStep
              entity={entity}
              inspect={inspect}
              mapping={mapping}
              read={read}
              custom={custom}
              loading={loading}
              onMapping={(next) => void reinspect(inspect.uploadId, read, next)}
              onRead={(next) => {
                setRead(next);
                void reinspect(inspect.uploadId, next, keepMapping(inspect, mapping));
              }}
            />
          </div>
        )}

        {step === 'preview' && inspect && (
          <div className="io-step" data-testid="import-step-preview">
            <PreviewStep
              entity={entity}
              inspect={inspect}
              mapping={mapping}
              custom={custom}
              loading={loading}
              onDuplicate={onDuplicate}
              setOnDuplicate={setOnDuplicate}
            />
          </div>
        )}

        {step === 'run' && (
          <div className="io-step" data-testid="import-step-run">
            {run && (
              <Typography.Paragraph data-testid="import-run-file">
                <FileOutlined /> {run.fileName} → {t(`io.entities.${run.entity}`)}
              </Typography.Paragraph>
            )}
            {!outcome && <JobProgress label={t('io.run.running')} status={job.status} rate={job.rate} onCancel={() => void cancelImport()} testId="import-job" />}
            {outcome?.kind === 'done' && (
              <div data-testid="import-summary">
                <Alert
                  type={outcome.result.rejected ? 'warning' : 'success'}
                  showIcon
                  className="io-alert"
                  title={t(undone ? 'io.result.undoneTitle' : 'io.result.title', { rows: outcome.result.rows })}
                  description={
                    undone
                      ? t('io.result.undoneDetail')
                      : outcome.result.companiesCreated || outcome.result.tagsCreated
                        ? t('io.result.alsoCreated', { companies: outcome.result.companiesCreated, tags: outcome.result.tagsCreated })
                        : undefined
                  }
                />
                <div className="io-counts">
                  <Space size={40}>
                  {(['created', 'updated', 'skipped', 'rejected'] as const).map((k) => (
                    <Statistic
                      key={k}
                      title={t(`io.result.${k}`)}
                      value={outcome.result[k]}
                      data-testid={`import-count-${k}`}
                      styles={k === 'rejected' && outcome.result.rejected ? { content: { color: '#cf1322' } } : undefined}
                    />
                  ))}
                  </Space>
                </div>
                <Space wrap>
                  {outcome.result.rejectedFile && (
                    <Button icon={<DownloadOutlined />} onClick={() => void downloadRejected(outcome.result.rejectedFile!)} data-testid="import-download-rejected">
                      {t('io.result.downloadRejected')}
                    </Button>
                  )}
                  {importId && !undone && (counts.created > 0 || counts.updated > 0) && (
                    <UndoImportButton
                      importId={importId}
                      counts={{ entity: run?.entity ?? entity, created: counts.created, updated: counts.updated, undoKeepsTags }}
                      placement="topLeft"
                      button={{ danger: true, children: t('io.result.undo'), 'data-testid': 'import-undo' }}
                      onDone={(ok) => {
                        if (ok) markImportUndone();
                        history.reload();
                      }}
                    />
                  )}
                  <Button onClick={() => navigate({ page: run?.entity === 'company' ? 'companies' : 'contacts' })} data-testid="import-open-list">
                    {t(`io.result.open.${run?.entity ?? entity}`)}
                  </Button>
                  <Button type="primary" icon={<ImportOutlined />} onClick={restart} data-testid="import-again">
                    {t('io.result.again')}
                  </Button>
                </Space>
              </div>
            )}
            {outcome?.kind === 'cancelled' && <Alert type="info" showIcon className="io-alert" data-testid="import-cancelled" title={t('io.result.cancelled')} />}
            {outcome?.kind === 'failed' && (
              <Alert type="error" showIcon className="io-alert" data-testid="import-failed" title={t('io.result.failed')} description={errorText(t, outcome.error)} />
            )}
            {outcome && outcome.kind !== 'done' && (
              <Space>
                {inspect && <Button onClick={singleClick(backToPreview)}>{t('common.back')}</Button>}
                <Button type="primary" onClick={restart}>
                  {t('io.result.again')}
                </Button>
              </Space>
            )}
          </div>
        )}

        {error !== null && <Alert type="error" showIcon className="io-alert" data-testid="import-error" title={errorText(t, error)} />}

        {step === 'file' && inspect && sent === null && (
          // The file is still chosen (back from the mapping): go on with it, no new upload.
          <div className="io-nav io-nav-next">
            <Button type="primary" disabled={loading || error !== null} onClick={singleClick(() => setStep('mapping'))} data-testid="import-next">
              {t('io.file.next')}
            </Button>
          </div>
        )}

        {(step === 'mapping' || step === 'preview') && (
          <div className="io-nav">
            <Button onClick={singleClick(() => setStep(step === 'mapping' ? 'file' : 'mapping'))} data-testid="import-back">
              {t('common.back')}
            </Button>
            {step === 'mapping' ? (
              <Button type="primary" disabled={!inspect || !mapped || loading} onClick={singleClick(() => setStep('preview'))} data-testid="import-next">
                {t('io.mapping.next')}
              </Button>
            ) : (
              <Button
                type="primary"
                icon={<ImportOutlined />}
                disabled={!inspect || loading || !mapped || !hasDataRows(inspect)}
                onClick={singleClick(() => void start())}
                data-testid="import-start"
              >
                {t('io.run.start')}
              </Button>
            )}
          </div>
        )}
      </Card>
      <ImportHistory entries={history.data} error={history.error} onChanged={history.reload} />
    </div>
  );
}
