// The shared shape of the companies and contacts lists: toolbar, filters, a virtualised table
// over keyset pages, multi-select with delete/undo, bulk tag and merge, and keyboard shortcuts.
import type { ReactNode } from 'react';
import { Alert, Button, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, ImportOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerSort } from '../../../shared/customers';
import type { Page, SortDir } from '../../../shared/paging';
import { errorText } from '../../components/errors';
import { useHotkeys } from '../../components/useHotkeys';
import { usePaged } from '../../components/usePaged';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { navigate, recordRoute } from '../../components/router';
import { ExportButton } from '../io/ExportDialog';
import { useSearchUi } from '../search/store';
import { BulkTag } from './BulkTag';
import { FilterBar } from './FilterBar';
import { cleanFilter, type ListFilter, type ListStore } from './listStore';
import { useDeleteWithUndo, type CustomerEntity } from './useDeleteWithUndo';

export interface ListQuery {
  filter: ListFilter;
  sort: CustomerSort;
  dir: SortDir;
  cursor: string | null;
  limit: number;
}

interface Props<T> {
  entity: CustomerEntity;
  title: string;
  store: ListStore;
  columns: Column<T>[];
  load(query: ListQuery): Promise<Page<T>>;
  filterExtra?: ReactNode;
  /** The create/edit drawer; it calls `onSaved` through the store's `editing` state. */
  renderForm(onSaved: () => void): ReactNode;
}

export function ListPage<T extends { id: string }>({ entity, title, store, columns, load, filterExtra, renderForm }: Props<T>) {
  const { t } = useTranslation();
  const { filter, sort, dir, selected, setSelected, setEditing } = store();
  const openSearch = useSearchUi((s) => s.show);
  const deleteWithUndo = useDeleteWithUndo();
  const query = { filter: cleanFilter(filter), sort, dir };
  const paged = usePaged(JSON.stringify(query), (cursor) => load({ ...query, cursor, limit: 200 }));
  const refresh = () => {
    setSelected([]);
    paged.reload();
  };
  const remove = (ids: string[]) => void deleteWithUndo(entity, ids, refresh);

  useHotkeys({ n: () => setEditing('new'), '/': openSearch });

  return (
    <div className="list-page">
      <div className="page-head">
        <Typography.Title level={3}>{title}</Typography.Title>
        <Space>
          {selected.length > 0 && <Typography.Text type="secondary">{t('list.selected', { count: selected.length })}</Typography.Text>}
          <BulkTag ids={selected} onDone={refresh} />
          <Tooltip title={t('list.mergeHint')}>
            <Button
              icon={<MergeCellsOutlined />}
              disabled={selected.length !== 2}
              onClick={() => navigate({ page: 'merge', entity, a: selected[0], b: selected[1] })}
            >
              {t('merge.button')}
            </Button>
          </Tooltip>
          <Button icon={<ImportOutlined />} onClick={() => navigate({ page: 'import', entity })} data-testid="import-open">
            {t('io.button')}
          </Button>
          <ExportButton entity={entity} filter={filter} sort={sort} dir={dir} />
          <Tooltip title={`${t('common.delete')} (Delete)`}>
            <Button danger icon={<DeleteOutlined />} disabled={selected.length === 0} onClick={() => remove(selected)}>
              {t('common.delete')}
            </Button>
          </Tooltip>
          <Tooltip title={`${t('common.new')} (N)`}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-button">
              {t(`${entity}.new`)}
            </Button>
          </Tooltip>
        </Space>
      </div>
      <FilterBar store={store} entity={entity} extra={filterExtra} />
      <Tooltip title={t('list.keysHint')} placement="topLeft">
        <Typography.Text type="secondary" className="keys-hint">
          {t('list.loaded', { count: paged.count })} · {t('list.keysShort')}
        </Typography.Text>
      </Tooltip>
      {paged.error !== null && <Alert type="error" showIcon title={errorText(t, paged.error)} style={{ marginBottom: 8 }} />}
      <VirtualTable
        testId={`${entity}-list`}
        paged={paged}
        columns={columns}
        rowKey={(r) => r.id}
        selected={selected}
        onSelect={setSelected}
        onOpen={(r) => navigate(recordRoute(entity, r.id))}
        onDelete={remove}
      />
      {renderForm(refresh)}
    </div>
  );
}
