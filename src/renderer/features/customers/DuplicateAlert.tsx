// The warning shown before saving a record that looks like one we already have: open it, merge
// with it, or save anyway.
import { Alert, Button, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/customers';
import { navigate, recordRoute } from '../../components/router';
import type { CustomerEntity } from './useDeleteWithUndo';

interface Props {
  entity: CustomerEntity;
  candidates: DuplicateCandidate[];
  onSaveAnyway(): void;
  onMerge(candidate: DuplicateCandidate): void;
}

export function DuplicateAlert({ entity, candidates, onSaveAnyway, onMerge }: Props) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-alert"
      title={t('duplicates.title', { count: candidates.length })}
      description={
        <>
          <List
            size="small"
            dataSource={candidates}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Button key="open" type="link" size="small" onClick={() => navigate(recordRoute(entity, c.id))}>
                    {t('common.open')}
                  </Button>,
                  <Button key="merge" type="link" size="small" onClick={() => onMerge(c)}>
                    {t('duplicates.merge')}
                  </Button>,
                ]}
              >
                <Space>
                  <strong>{c.name}</strong>
                  <span>{t(`duplicates.reason.${c.reason}`)}</span>
                  <span className="muted">{c.detail}</span>
                </Space>
              </List.Item>
            )}
          />
          <Button onClick={onSaveAnyway}>{t('duplicates.saveAnyway')}</Button>
        </>
      }
    />
  );
}
