// Every import (who, when, which file, the counts), with undo for those whose records are
// untouched since: the records it created go to the Trash. The undo is a job (kind `io.undo`):
// its progress shows in a dialog with Cancel.
import { App, Button, Card, Empty, Modal, Popconfirm, Table, Tag, Tooltip, type ButtonProps, type PopconfirmProps } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryEntry, IoEntity, UndoImportResult } from '../../../shared/io';
import { ApiError, call } from '../../api';
import { errorText } from '../../components/errors';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/jobs';

/** What an import created: its own records (`created` of the entity) and, for contacts, companies. */
interface ImportCreated {
  entity: IoEntity;
  created: number;
}

/**
 * What went to the Trash: the records of the import's own kind and (`removed` counts both) the
 * companies a contact import created; without `what`, how many records in all.
 */
function undoneText(t: TFunction, { removed, restored }: UndoImportResult, what?: ImportCreated): string {
  if (removed === 0) return t('io.history.undoneRestored', { count: restored });
  if (what?.entity === 'contact' && removed >= what.created) return t('io.history.undoneContacts', { contacts: what.created, companies: removed - what.created });
  if (what?.entity === 'company') return t('io.history.undoneCompanies', { count: removed });
  return t('io.history.undone', { count: removed });
}

/**
 * Undoes an import as a job and follows it (`job` is its state, for the progress); `undo` resolves
 * true when done. Its end is said in a message: what went to the Trash, why it was refused, or
 * that a cancel left everything as it was.
 */
function useUndoImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const job = useJob();
  const undo = async (importId: string, what?: ImportCreated): Promise<boolean> => {
    try {
      const end = await job.run(() => call('io.undoImport', { importId }));
      if (end.state === 'done') {
        message.success(undoneText(t, end.result as UndoImportResult, what));
        return true;
      }
      if (end.state === 'failed') message.error(errorText(t, end.error ? new ApiError(end.error) : null));
      else message.info(t('io.history.undoCancelled'));
    } catch (e) {
      message.error(errorText(t, e));
    }
    return false;
  };
  return { undo, job };
}

/** The phases the undo job reports (io/import/undo.ts); `start` before its first report. */
const UNDO_PHASES = new Set(['check', 'untag', 'undo', 'index']);

interface UndoImportProps {
  importId: string;
  /** The import's kind and counts, as the history has them, and whether an undo leaves its tags. */
  counts: ImportCreated & { updated: number; undoKeepsTags: boolean };
  /** Shown disabled, with the reason. */
  disabled?: boolean;
  placement?: PopconfirmProps['placement'];
  button: Pick<ButtonProps, 'size' | 'danger' | 'children'> & { 'data-testid': string };
  /** After the undo was tried: true when it was done. */
  onDone(ok: boolean): void;
}

/**
 * The question before an undo: what goes to the Trash, what gets its values back. The tags the
 * import created are named only when the undo will delete them (no sync bundle written since:
 * io/import/created.ts undoKeepsTags); otherwise it says they stay.
 */
function undoQuestion(t: TFunction, counts: UndoImportProps['counts']): { title: string; description?: string } {
  if (counts.created === 0) return { title: t('io.history.undoRestoreOnly', { count: counts.updated }) };
  // The counts are of the import's own kind; the companies a contact import created are not in
  // them, so they are named without a number.
  const key = counts.entity === 'contact' ? 'io.history.undoConfirmContacts' : 'io.history.undoConfirmCompanies';
  const title = t(counts.undoKeepsTags ? `${key}KeepTags` : key, { count: counts.created });
  const notes = [
    counts.updated > 0 ? t('io.history.undoRestores', { count: counts.updated }) : null,
    counts.undoKeepsTags ? t('io.history.undoKeepsTags') : null,
  ].filter((n) => n !== null);
  return { title, description: notes.length ? notes.join(' ') : undefined };
}

/**
 * An import's undo, asking first in one wording: in the history's rows and on the summary. While
 * the job runs, a dialog shows its progress and Cancel (which rolls it back).
 */
export function UndoImportButton({ importId, counts, disabled, placement, button, onDone }: UndoImportProps) {
  const { t } = useTranslation();
  const { undo, job } = useUndoImport();
  const { title, description } = undoQuestion(t, counts);
  const phase = job.status && UNDO_PHASES.has(job.status.phase) ? job.status.phase : 'start';
  return (
    <>
      <Tooltip title={disabled ? t('io.history.notUndoable') : undefined}>
        <Popconfirm placement={placement} title={title} description={description} onConfirm={() => void undo(importId, counts).then(onDone)}>
          <Button icon={<UndoOutlined />} disabled={disabled} loading={job.running} {...button} />
        </Popconfirm>
      </Tooltip>
      <Modal open={job.running} title={t('io.history.undoing')} closable={false} maskClosable={false} keyboard={false} footer={null} destroyOnHidden>
        <JobProgress label={t(`io.history.undoPhase.${phase}`)} status={job.status} onCancel={() => void job.cancel()} testId="undo-job" />
      </Modal>
    </>
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
