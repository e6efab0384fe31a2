// The security settings an administrator sets: the auto-lock time and the backup schedule and
// retention (security.saveSettings).
import { App, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { SettingsInput, type SecuritySettings } from '../../../shared/backups';
import { call } from '../../api';
import { useFormSubmit } from './useFormSubmit';

export function SecuritySettingsCard({ settings, onSaved }: { settings: SecuritySettings; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, submit } = useFormSubmit();
  const save = async () => {
    const ok = await submit(form, SettingsInput, form.getFieldsValue(true), (input) => call('security.saveSettings', input));
    if (!ok) return;
    message.success(t('admin.settings.saved'));
    onSaved();
  };
  return (
    <Card title={t('admin.settings.title')}>
      <Form form={form} layout="vertical" initialValues={settings} data-testid="security-settings-form">
        <Form.Item name="idleLockMinutes" label={t('admin.settings.idleLock')} extra={t('admin.settings.idleLockHint')}>
          <InputNumber min={0} max={1440} precision={0} suffix={t('admin.settings.minutes')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="backupDaily" label={t('admin.settings.backupDaily')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="backupAtQuit" label={t('admin.settings.backupAtQuit')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="backupKeep" label={t('admin.settings.keep')} extra={t('admin.settings.keepHint')}>
          <InputNumber min={1} max={365} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
