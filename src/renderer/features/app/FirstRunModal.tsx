// The first-run choice: fill the database with a realistic sample, or start empty.
import { useState } from 'react';
import { App, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useApp } from './store';

export function FirstRunModal() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { info, load } = useApp();
  const [busy, setBusy] = useState<'sample' | 'empty' | null>(null);
  const choose = async (sample: boolean) => {
    setBusy(sample ? 'sample' : 'empty');
    try {
      const made = await call('app.firstRun', { sample, contacts: 300 });
      if (sample) message.success(t('firstRun.loaded', made));
      await load();
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Modal open={Boolean(info?.firstRun)} title={t('firstRun.title')} footer={null} closable={false} maskClosable={false} keyboard={false}>
      <Typography.Paragraph>{t('firstRun.text')}</Typography.Paragraph>
      <Space>
        <Button type="primary" loading={busy === 'sample'} disabled={busy !== null} onClick={() => void choose(true)}>
          {t('firstRun.sample')}
        </Button>
        <Button loading={busy === 'empty'} disabled={busy !== null} onClick={() => void choose(false)} data-testid="start-empty">
          {t('firstRun.empty')}
        </Button>
      </Space>
    </Modal>
  );
}
