// Assigning the selected leads: all to one person, or round-robin over the salespeople.
import { useState } from 'react';
import { App, Button, Modal, Radio, Space } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { OwnerSelect } from '../app/OwnerSelect';

export function AssignButton({ ids, onDone }: { ids: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'person' | 'roundRobin'>('person');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const assign = async () => {
    try {
      const { assigned } = await call('leads.assign', { ids, ownerId, roundRobin: mode === 'roundRobin' });
      message.success(t('leads.assign.done', { count: assigned }));
      setOpen(false);
      onDone();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <>
      <Button icon={<TeamOutlined />} disabled={ids.length === 0} onClick={() => setOpen(true)} data-testid="assign-button">
        {t('leads.assign.button')}
      </Button>
      <Modal
        open={open}
        title={t('leads.assign.title', { count: ids.length })}
        okText={t('leads.assign.button')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: mode === 'person' && !ownerId, ...({ 'data-testid': 'assign-ok' } as object) }}
        onOk={() => void assign()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'person' | 'roundRobin')}>
          <Space orientation="vertical">
            <Radio value="person">
              <Space>
                {t('leads.assign.toPerson')}
                <OwnerSelect value={ownerId} onChange={setOwnerId} />
              </Space>
            </Radio>
            <Radio value="roundRobin" data-testid="assign-round-robin">
              {t('leads.assign.roundRobin')}
            </Radio>
          </Space>
        </Radio.Group>
      </Modal>
    </>
  );
}
