// The first rows as they will be stored, each row's problems highlighted (those rows are rejected
// and can be downloaded after the import), duplicates marked, and what to do with duplicates.
import { Alert, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../shared/custom-fields';
import { OnDuplicate, type ColumnMapping, type InspectResult, type IoEntity, type PreviewRow } from '../../../shared/io';
import { IGNORE, issueLabel, issueTarget, targetLabel } from '../../../shared/io-labels';
import { previewText } from './labels';

interface Props {
  entity: IoEntity;
  inspect: InspectResult;
  mapping: ColumnMapping;
  custom: CustomField[];
  loading: boolean;
  onDuplicate: OnDuplicate;
  setOnDuplicate(value: OnDuplicate): void;
}

/**
 * Whether the file has rows to import: the preview holds its first rows, so none means a file with
 * a header only. The preview step then says so and shows no table (`data-rows="0"` on
 * `import-preview`), and the wizard should not offer Start.
 */
export const hasDataRows = (inspect: InspectResult): boolean => inspect.preview.length > 0;

/** A company has one phone and no emails: its "fill empty" adds no numbers. */
const hintOf = (o: OnDuplicate, entity: IoEntity) => (o === 'update_empty' && entity === 'company' ? 'io.duplicates.update_emptyHintCompany' : `io.duplicates.${o}Hint`);

export function PreviewStep({ entity, inspect, mapping, custom, loading, onDuplicate, setOnDuplicate }: Props) {
  const { t } = useTranslation();
  const targets = [...new Set(Object.values(mapping).filter((target) => target !== IGNORE))];
  const withErrors = inspect.preview.filter((r) => r.errors.length > 0).length;
  const duplicates = inspect.preview.filter((r) => r.duplicate).length;
  const dupText = (row: PreviewRow) => {
    const d = row.duplicate!;
    const by = t(`io.preview.by.${d.by}`);
    return d.source === 'file' ? t('io.preview.dupFile', { line: d.line, by }) : t('io.preview.dupExisting', { name: d.name ?? '', by });
  };
  if (!hasDataRows(inspect))
    return (
      <div className="io-preview" data-testid="import-preview" data-rows="0">
        <Alert type="warning" showIcon className="io-alert" data-testid="import-no-rows" title={t('io.preview.noRows')} description={t('io.preview.noRowsHint')} />
      </div>
    );
  return (
    <div className="io-preview" data-testid="import-preview" data-rows={inspect.preview.length}>
      <Typography.Paragraph type="secondary">{t('io.preview.intro', { count: inspect.preview.length })}</Typography.Paragraph>
      {withErrors > 0 && <Alert type="warning" showIcon className="io-alert" title={t('io.preview.withErrors', { count: withErrors })} />}
      <Table<PreviewRow>
        size="small"
        rowKey="line"
        pagination={false}
        loading={loading}
        scroll={{ x: 'max-content' }}
        dataSource={inspect.preview}
        data-testid="import-preview-table"
        rowClassName={(r) => (r.errors.length ? 'io-row-error' : r.duplicate ? 'io-row-duplicate' : '')}
        onRow={(r) => ({ 'data-testid': 'preview-row', 'data-line': r.line }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'line', title: t('io.preview.line'), width: 56, fixed: 'left', render: (_, r) => r.line },
          ...targets.map((target) => ({
            key: target,
            title: targetLabel(t, entity, target, custom),
            render: (_: unknown, r: PreviewRow) => {
              const issues = r.errors.filter((e) => issueTarget(e) === target);
              const text = previewText(t, r.values, target);
              return issues.length ? (
                <Tooltip title={issues.map((i) => issueLabel(t, entity, i, custom)).join('; ')}>
                  <span className="io-cell-error" data-testid="preview-cell-error">
                    {text || '—'}
                  </span>
                </Tooltip>
              ) : (
                text
              );
            },
          })),
          {
            key: 'status',
            title: t('io.preview.status'),
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                {r.errors.length ? (
                  r.errors.map((e, i) => (
                    <Typography.Text key={i} type="danger" data-testid="preview-error">
                      {issueLabel(t, entity, e, custom)}
                    </Typography.Text>
                  ))
                ) : (
                  <Tag color="green">{t('io.preview.ok')}</Tag>
                )}
                {r.duplicate && (
                  <Tag color="orange" data-testid="preview-duplicate">
                    {dupText(r)}
                  </Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
      <div className="io-duplicates" data-testid="import-duplicates">
        <Typography.Title level={5}>{t('io.duplicates.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t(entity === 'company' ? 'io.duplicates.introCompany' : 'io.duplicates.intro')} {targets.includes('recordId') && t('io.duplicates.byRecord')}{' '}
          {duplicates > 0 && t('io.duplicates.found', { count: duplicates })}
        </Typography.Paragraph>
        <Radio.Group value={onDuplicate} onChange={(e) => setOnDuplicate(e.target.value as OnDuplicate)} aria-label={t('io.duplicates.title')}>
          <Space orientation="vertical">
            {OnDuplicate.options.map((o) => (
              <Radio key={o} value={o} data-testid={`on-duplicate-${o}`}>
                {t(`io.duplicates.${o}`)} <Typography.Text type="secondary">— {t(hintOf(o, entity))}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </div>
    </div>
  );
}
