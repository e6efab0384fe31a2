// A running job: what it does, a bar with counts (done / total, or only done while the total is not
// known, e.g. a file read as it streams), optionally rows/s, and Cancel.
import { Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../shared/jobs';

interface Props {
  label: string;
  status: JobStatus | null;
  /** Units per second, shown when known. */
  rate?: number | null;
  onCancel(): void;
  /** Test ids: `<testId>-progress`, `<testId>-bar`, `<testId>-cancel`. */
  testId: string;
  className?: string;
}

export function JobProgress({ label, status, rate, onCancel, testId, className }: Props) {
  const { t } = useTranslation();
  const done = status?.done ?? 0;
  const total = status?.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <div className={className ?? 'job-progress'} data-testid={`${testId}-progress`} role="status" aria-live="polite">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Progress
        percent={percent}
        status="active"
        format={() => (total > 0 ? `${done} / ${total}` : done > 0 ? t('jobs.done', { count: done }) : '')}
        data-testid={`${testId}-bar`}
      />
      <Space size={16}>
        {rate != null && rate > 0 && (
          <Typography.Text type="secondary" data-testid={`${testId}-rate`}>
            {t('jobs.rate', { rate: Math.round(rate) })}
          </Typography.Text>
        )}
        <Button size="small" onClick={onCancel} disabled={!status || status.state !== 'running'} data-testid={`${testId}-cancel`}>
          {t('common.cancel')}
        </Button>
      </Space>
    </div>
  );
}
