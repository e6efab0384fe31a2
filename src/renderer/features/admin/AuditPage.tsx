// 审计日志: who did what and when, newest first, filtered; a row opens to the record's before and
// after and the input as sent (secrets blanked by the main process). Export writes the filtered
// log as CSV (and is itself logged).
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditRow } from '../../../shared/audit';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { downloadBlob } from '../../components/files';
import { usePaged } from '../../components/usePaged';
import { AuditFilters } from './AuditFilters';
import { auditQuery } from './auditQuery';
import { actionLabel, entityLabel, prettyJson } from './labels';
import './admin.css';

const PAGE = 100;

function AuditDetail({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  const parts = (['before', 'after', 'input'] as const).filter((k) => row[k]);
  if (!parts.length) return <Typography.Text type="secondary">{t('admin.audit.noDetail')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={parts.map((k) => ({ key: k, label: t(`admin.audit.${k}`), children: <pre className="audit-json">{prettyJson(row[k]!)}</pre> }))}
    />
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [exporting, setExporting] = useState(false);
  const paged = usePaged(JSON.stringify(filter), async (cursor) => {
    const { rows, next } = await call('audit.list', { ...auditQuery(filter), before: cursor ? Number(cursor) : null, limit: PAGE });
    return { items: rows, nextCursor: next === null ? null : String(next) };
  });
  const exportCsv = async () => {
    setExporting(true);
    try {
      const { csv, rows } = await call('audit.export', auditQuery(filter));
      downloadBlob(`kehu-audit-${dayjs().format('YYYYMMDD-HHmmss')}.csv`, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      message.success(t('admin.audit.exported', { count: rows }));
    } catch (e) {
      message.error({ content: errorText(t, e), duration: 8 });
    } finally {
      setExporting(false);
    }
  };
  const columns: TableColumnsType<AuditRow> = [
    { key: 'at', title: t('admin.audit.at'), width: 170, render: (_, r) => dayjs(r.at).format('YYYY-MM-DD HH:mm:ss') },
    { key: 'user', title: t('admin.audit.user'), width: 140, render: (_, r) => r.userName ?? r.userId },
    {
      key: 'action',
      title: t('admin.audit.action'),
      render: (_, r) => (
        <span title={r.action} data-testid="audit-action-cell">
          {actionLabel(t, r.action)}
        </span>
      ),
    },
    { key: 'entity', title: t('admin.audit.entity'), width: 120, render: (_, r) => (r.entity ? entityLabel(t, r.entity) : '') },
    {
      key: 'records',
      title: t('admin.audit.records'),
      ellipsis: true,
      render: (_, r) => <Typography.Text type="secondary">{r.entityIds.join(', ')}</Typography.Text>,
    },
  ];
  return (
    <div className="detail-page" data-testid="audit-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('admin.nav.audit')}</Typography.Title>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} data-testid="audit-export">
          {t('admin.audit.export')}
        </Button>
      </div>
      <AuditFilters filter={filter} onChange={setFilter} />
      {paged.error ? <Alert type="error" showIcon title={errorText(t, paged.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<AuditRow>
        rowKey="seq"
        size="small"
        pagination={false}
        loading={paged.count === 0 && !paged.done}
        dataSource={paged.rows()}
        columns={columns}
        expandable={{ expandedRowRender: (row) => <AuditDetail row={row} />, expandRowByClick: true }}
        footer={() => (
          <div className="audit-footer">
            <Typography.Text type="secondary">{t('admin.audit.loaded', { count: paged.count })}</Typography.Text>
            {!paged.done && <Button onClick={paged.loadMore}>{t('common.loadMore')}</Button>}
          </div>
        )}
      />
    </div>
  );
}
