// 共享 on a record's page (records.share): who else may see and work on this record. The modal
// loads the current shares and saves exactly the chosen users (shares.set replaces the list).
import { useState } from 'react';
import { App, Button, Form, Modal, Select, Typography } from 'antd';
import { ShareAltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ShareEntity } from '../../../shared/users';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { useApp } from '../app/store';

function ShareModal({ entity, id, onClose }: { entity: ShareEntity; id: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useApp((s) => s.info?.session.userId);
  const users = useQuery('users', () => call('users.list', {}));
  const shares = useQuery(`${entity}:${id}`, () => call('shares.list', { entity, id }));
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const value = chosen ?? shares.data?.map((s) => s.userId) ?? [];
  // Someone shared-with who is not in users.list any more still shows by name until removed.
  const options = [
    ...(users.data ?? []).filter((u) => u.id !== me).map((u) => ({ value: u.id, label: u.name })),
    ...(shares.data ?? []).filter((s) => !users.data?.some((u) => u.id === s.userId)).map((s) => ({ value: s.userId, label: s.userName })),
  ];
  const save = async () => {
    setBusy(true);
    try {
      await call('shares.set', { entity, id, userIds: value });
      message.success(t('admin.share.saved'));
      onClose();
    } catch (e) {
      setBusy(false);
      message.error({ content: errorText(t, e), duration: 8 });
    }
  };
  const error = users.error ?? shares.error;
  return (
    <Modal
      open
      title={t('admin.share.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: !shares.data }}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('admin.share.hint')}</Typography.Paragraph>
      {error ? <Typography.Paragraph type="danger">{errorText(t, error)}</Typography.Paragraph> : null}
      <Form layout="vertical">
        <Form.Item label={t('admin.share.users')}>
          <Select
            mode="multiple"
            data-testid="share-users"
            placeholder={t('admin.share.placeholder')}
            loading={!shares.data || !users.data}
            showSearch={{ optionFilterProp: 'label' }}
            value={value}
            onChange={setChosen}
            options={options}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The button; shown only to a role that may share (the main process checks the record too). */
export function ShareControl({ entity, id }: { entity: ShareEntity; id: string }) {
  const { t } = useTranslation();
  const canShare = useApp((s) => s.info?.session.permissions.includes('records.share') ?? false);
  const [open, setOpen] = useState(false);
  if (!canShare) return null;
  return (
    <>
      <Button icon={<ShareAltOutlined />} onClick={() => setOpen(true)} data-testid="share-button">
        {t('admin.share.button')}
      </Button>
      {open && <ShareModal entity={entity} id={id} onClose={() => setOpen(false)} />}
    </>
  );
}
