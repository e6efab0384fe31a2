// 回收站: deleted contacts, companies, leads, opportunities and products; restore them, or purge them
// for good after confirming. A role sees only the kinds it may read (the main process checks again).
import { App, Button, Segmented, Space, Typography } from 'antd';
import { DeleteOutlined, RollbackOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TrashEntity } from '../../../shared/customers';
import { TRASH_PERMISSIONS, type TrashItem } from '../../../shared/trash';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { usePaged } from '../../components/usePaged';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useApp } from '../app/store';
import { useTrashUi } from './store';

export function TrashPage() {
  const { t } = useTranslation();
  const permissions = useApp((s) => s.info?.session.permissions);
  const kinds = TrashEntity.options.filter((kind) => permissions?.includes(TRASH_PERMISSIONS[kind].read));
  const { message, modal } = App.useApp();
  const { entity, selected, setEntity, setSelected } = useTrashUi();
  const paged = usePaged(entity, (cursor) => call('trash.list', { entity, cursor, limit: 200 }));
  const done = () => {
    setSelected([]);
    paged.reload();
  };
  const restore = async (ids: string[]) => {
    try {
      const { restored } = await call('trash.restore', { entity, ids });
      message.success(t('trash.restored', { count: restored }));
      done();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const purge = (ids: string[]) =>
    modal.confirm({
      title: t('trash.purgeTitle', { count: ids.length }),
      content: t('trash.purgeWarning'),
      okText: t('trash.purge'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { purged } = await call('trash.purge', { entity, ids });
          message.success(t('trash.purged', { count: purged }));
          done();
        } catch (e) {
          message.error(errorText(t, e));
        }
      },
    });
  const columns: Column<TrashItem>[] = [
    { key: 'name', title: t('fields.name'), width: '2fr', render: (r) => r.name },
    { key: 'deleted', title: t('trash.deletedAt'), width: '160px', render: (r) => dayjs(r.deletedAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: '',
      width: '200px',
      render: (r) => (
        <Button size="small" icon={<RollbackOutlined />} onClick={() => void restore([r.id])}>
          {t('trash.restore')}
        </Button>
      ),
    },
  ];
  return (
    <div className="list-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('nav.trash')}</Typography.Title>
        <Space>
          <Button icon={<RollbackOutlined />} disabled={!selected.length} onClick={() => void restore(selected)}>
            {t('trash.restoreSelected')}
          </Button>
          <Button danger icon={<DeleteOutlined />} disabled={!selected.length} onClick={() => purge(selected)}>
            {t('trash.purge')}
          </Button>
        </Space>
      </div>
      <Segmented<TrashEntity>
        data-testid="trash-kinds"
        value={entity}
        onChange={(v) => setEntity(v)}
        options={kinds.map((kind) => ({ value: kind, label: t(`trash.kinds.${kind}`) }))}
        style={{ marginBottom: 12 }}
      />
      <VirtualTable
        testId="trash-list"
        paged={paged}
        columns={columns}
        rowKey={(r) => r.id}
        selected={selected}
        onSelect={setSelected}
        onOpen={(r) => void restore([r.id])}
        onDelete={purge}
      />
    </div>
  );
}
