// Account menu → change one's own password (the current one proves it is really them).
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX } from '../../../shared/auth';
import { call } from '../../api';
import { NewPasswordFields } from './NewPasswordFields';
import { useAuthSubmit } from './useAuthSubmit';

interface Values {
  current?: string;
  next?: string;
}

function ChangePasswordForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, submit } = useAuthSubmit(
    form,
    async ({ current = '', next = '' }) => {
      await call('auth.changePassword', { current, next });
      message.success(t('auth.account.passwordChanged'));
      onClose();
    },
    'auth.errors.wrongPassword',
  );
  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} data-testid="change-password">
      <Form.Item name="current" label={t('auth.field.current')}>
        <Input.Password autoFocus autoComplete="current-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      <NewPasswordFields name="next" label={t('auth.field.next')} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="change-password-submit">
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('auth.account.changePassword')} footer={null} onCancel={onClose} destroyOnHidden>
      <ChangePasswordForm onClose={onClose} />
    </Modal>
  );
}
