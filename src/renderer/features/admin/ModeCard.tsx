// How the data folder is protected: single user or password sign-in, and whether the database
// file is encrypted. Switching converts the file (the main process backs it up first); the modal
// says plainly what changes and asks for a deliberate confirm.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Modal, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { authContract } from '../../../shared/auth';
import type { SecuritySettings } from '../../../shared/backups';
import { call } from '../../api';
import { SignInFields } from './SignInFields';
import { useFormSubmit } from './useFormSubmit';

interface Values {
  login?: string;
  password?: string;
  confirm?: string;
  useOsKey?: boolean;
}

function SwitchModal({ settings, open, onClose }: { settings: SecuritySettings; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [understood, setUnderstood] = useState(false);
  const { busy, submit } = useFormSubmit();
  const toPassword = settings.mode !== 'password';
  const useOsKey = Form.useWatch('useOsKey', form) ?? settings.osKeyAvailable;
  const convert = async () => {
    const v = form.getFieldsValue(true) as Values;
    if (toPassword && v.password !== v.confirm) return form.setFields([{ name: 'confirm', errors: [t('admin.users.mismatch')] }]);
    const input = toPassword ? { mode: 'password', login: v.login, password: v.password } : { mode: 'single', useOsKey: settings.osKeyAvailable && useOsKey };
    const ok = await submit(form, authContract['security.setMode'].input, input, (parsed) => call('security.setMode', parsed));
    if (!ok) return;
    message.success(t('admin.mode.done'));
    // The database was converted and sessions may have ended: start the app over.
    window.location.reload();
  };
  return (
    <Modal
      open={open}
      title={toPassword ? t('admin.mode.toPassword') : t('admin.mode.toSingle')}
      okText={t('admin.mode.convert')}
      okButtonProps={{ danger: true, disabled: !understood, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => void convert()}
      onCancel={onClose}
      afterClose={() => setUnderstood(false)}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={toPassword ? t('admin.mode.toPasswordText') : t('admin.mode.toSingleText')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ useOsKey: settings.osKeyAvailable }} data-testid="mode-form">
        {toPassword ? (
          <>
            <Typography.Paragraph type="secondary">{t('admin.mode.toPasswordHint')}</Typography.Paragraph>
            <SignInFields />
          </>
        ) : settings.osKeyAvailable ? (
          <Form.Item name="useOsKey" valuePropName="checked">
            <Checkbox>{t('admin.mode.useOsKey')}</Checkbox>
          </Form.Item>
        ) : (
          <Alert type="error" showIcon title={t('admin.mode.noOsKey')} style={{ marginBottom: 16 }} />
        )}
        {!toPassword && !useOsKey && settings.osKeyAvailable && (
          <Alert type="error" showIcon title={t('admin.mode.plainWarning')} style={{ marginBottom: 16 }} />
        )}
      </Form>
      <Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="mode-understood">
        {t('admin.mode.confirmCheck')}
      </Checkbox>
    </Modal>
  );
}

export function ModeCard({ settings }: { settings: SecuritySettings }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toPassword = settings.mode !== 'password';
  return (
    <Card title={t('admin.mode.title')}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'mode', label: t('admin.mode.current'), children: t(`admin.mode.modes.${settings.mode}`) },
          {
            key: 'file',
            label: t('admin.mode.file'),
            children: settings.encrypted ? <Tag color="green">{t('admin.mode.encrypted')}</Tag> : <Tag color="orange">{t('admin.mode.plain')}</Tag>,
          },
        ]}
      />
      {!settings.encrypted && <Typography.Paragraph type="secondary">{t('admin.mode.plainWarning')}</Typography.Paragraph>}
      <Button icon={toPassword ? <LockOutlined /> : <UnlockOutlined />} onClick={() => setOpen(true)} data-testid="mode-switch">
        {toPassword ? t('admin.mode.toPassword') : t('admin.mode.toSingle')}
      </Button>
      <SwitchModal settings={settings} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
