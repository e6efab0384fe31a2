// Saved views: keep the current filter and sort under a name, pick it again later.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Input, Modal, Select, Space, Tooltip } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../shared/views';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import type { ListStore } from './listStore';

export function SavedViews({ store, entity }: { store: ListStore; entity: 'contact' | 'company' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { viewId, filter, sort, dir, applyView } = store();
  const [views, setViews] = useState<SavedView[]>([]);
  const [naming, setNaming] = useState<string | null>(null);
  const reload = useCallback(() => call('views.list', { entity }).then(setViews), [entity]);
  useEffect(() => {
    reload().catch((e: unknown) => message.error(errorText(t, e)));
  }, [reload, message, t]);

  const save = async () => {
    try {
      const view = await call('views.save', { entity, name: naming ?? '', filter: { ...filter }, sort, dir });
      await reload();
      applyView(view);
      setNaming(null);
      message.success(t('views.saved'));
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const remove = async () => {
    if (!viewId) return;
    try {
      await call('views.delete', { id: viewId });
      applyView(null);
      await reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  return (
    <Space.Compact>
      <Select
        aria-label={t('views.pick')}
        placeholder={t('views.pick')}
        allowClear
        style={{ width: 150 }}
        value={viewId ?? undefined}
        onChange={(id?: string) => applyView(views.find((v) => v.id === id) ?? null)}
        options={views.map((v) => ({ value: v.id, label: v.name }))}
      />
      <Tooltip title={t('views.save')}>
        <Button aria-label={t('views.save')} icon={<SaveOutlined />} onClick={() => setNaming('')} />
      </Tooltip>
      {viewId && (
        <Tooltip title={t('views.delete')}>
          <Button aria-label={t('views.delete')} icon={<DeleteOutlined />} onClick={() => void remove()} />
        </Tooltip>
      )}
      <Modal title={t('views.save')} open={naming !== null} onOk={() => void save()} onCancel={() => setNaming(null)} okText={t('common.save')} cancelText={t('common.cancel')}>
        <Input
          autoFocus
          aria-label={t('views.name')}
          placeholder={t('views.name')}
          value={naming ?? ''}
          maxLength={40}
          onChange={(e) => setNaming(e.target.value)}
          onPressEnter={() => void save()}
        />
      </Modal>
    </Space.Compact>
  );
}
