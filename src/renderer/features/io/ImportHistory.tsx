// Every import (who, when, which file, the counts), with undo for those whose records are
// untouched since: the records it created go to the Trash.
import { App, Button, Card, Empty, Popconfirm, Table, Tag, Tooltip, type ButtonProps, type PopconfirmProps } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryEntry, IoEntity } from '../../../shared/io';
import { call } from '../../api';
import { errorText } from '../../components/errors';

/** What an import created: its own records (`created` of the entity) and, for contacts, companies. */
interface ImportCreated {
  entity: IoEntity;
  created: number;
}

/**
 * Undoes an import; true when done. A message says what went to the Trash: the records of the
 * import's own kind and (`removed` counts both) the companies a contact import created; without
 * `what`, how many records in all.
 */
export function useUndoImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (importId: string, what?: ImportCreated): Promise<boolean> => {
    try {
      const { removed, restored } = await call('io.undoImport', { importId });
      if (removed === 0) message.success(t('io.history.undoneRestored', { count: restored }));
      else if (what?.entity === 'contact' && removed >= what.created)
        message.success(t('io.history.undoneContacts', { contacts: what.created, companies: removed - what.created }));
      else if (what?.entity === 'company') message.success(t('io.history.undoneCompanies', { count: removed }));
      else message.success(t('io.history.undone', { count: removed }));
      return true;
    } catch (e) {
      message.error(errorText(t, e));
      return false;
    }
  };
}

interface UndoImportProps {
  importId: string;
  /** The import's kind and counts, as the history has them. */
  counts: ImportCreated & { updated: number };
  /** Shown disabled, with the reason. */
  disabled?: boolean;
  placement?: PopconfirmProps['placement'];
  button: Pick<ButtonProps, 'size' | 'danger' | 'children'> & { 'data-testid': string };
  /** After the undo was tried: true when it was done. */
  onDone(ok: boolean): void;
}

/** An import's undo, asking first in one wording: in the history's rows and on the summary. */
export function UndoImportButton({ importId, counts, disabled, placement, button, onDone }: UndoImportProps) {
  const { t } = useTranslation();
  const undo = useUndoImport();
  // The counts are of the import's own kind; the companies a contact import created are not in
  // them, so they are named without a number.
  const title =
    counts.created === 0
      ? t('io.history.undoRestoreOnly', { count: counts.updated })
      : t(counts.entity === 'contact' ? 'io.history.undoConfirmContacts' : 'io.history.undoConfirmCompanies', { count: counts.created });
  return (
    <Tooltip title={disabled ? t('io.history.notUndoable') : undefined}>
      <Popconfirm
        placement={placement}
        title={title}
        description={counts.created > 0 && counts.updated > 0 ? t('io.history.undoRestores', { count: counts.updated }) : undefined}
        onConfirm={() => void undo(importId, counts).then(onDone)}
      >
        <Button icon={<UndoOutlined />} disabled={disabled} {...button} />
      </Popconfirm>
    </Tooltip>
  );
}

export function ImportHistory({ entries, error, onChanged }: { entries: ImportHistoryEntry[] | null; error: unknown; onChanged(): void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('io.history.title')} className="io-section" data-testid="import-history">
      <Table<ImportHistoryEntry>
        size="small"
        rowKey="id"
        loading={!entries && !error}
        dataSource={entries ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={error ? errorText(t, error) : t('io.history.empty')} /> }}
        columns={[
          { key: 'at', title: t('io.history.at'), width: 150, render: (_, e) => dayjs(e.at).format('YYYY-MM-DD HH:mm') },
          { key: 'user', title: t('io.history.user'), width: 110, render: (_, e) => e.userName },
          { key: 'entity', title: t('io.history.entity'), width: 100, render: (_, e) => t(`io.entities.${e.entity}`) },
          { key: 'file', title: t('io.history.file'), ellipsis: true, render: (_, e) => e.fileName },
          {
            key: 'counts',
            title: t('io.history.counts'),
            render: (_, e) => t('io.history.countsText', { created: e.created, updated: e.updated, skipped: e.skipped, rejected: e.rejected }),
          },
          {
            key: 'undo',
            title: '',
            align: 'right',
            width: 120,
            render: (_, e) =>
              e.undoneAt ? (
                <Tooltip title={dayjs(e.undoneAt).format('YYYY-MM-DD HH:mm')}>
                  <Tag>{t('io.history.undoneTag')}</Tag>
                </Tooltip>
              ) : (
                <UndoImportButton
                  importId={e.id}
                  counts={e}
                  disabled={!e.undoable}
                  button={{ size: 'small', children: t('io.history.undo'), 'data-testid': 'history-undo' }}
                  onDone={(ok) => ok && onChanged()}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}
