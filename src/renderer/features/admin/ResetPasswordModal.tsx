// An administrator sets a new password for a user (forgotten, or a user synced from another
// device who has no password here yet): typed twice.
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserAdminRow } from '../../../shared/users';
import { usersContract } from '../../../shared/users';
import { call } from '../../api';
import { useFormSubmit } from './useFormSubmit';

export function ResetPasswordModal({ user, onClose }: { user: UserAdminRow | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password?: string; confirm?: string }>();
  const { busy, submit } = useFormSubmit();
  const save = async () => {
    if (!user) return;
    const { password, confirm } = form.getFieldsValue(true) as { password?: string; confirm?: string };
    if (password !== confirm) return form.setFields([{ name: 'confirm', errors: [t('admin.users.mismatch')] }]);
    const ok = await submit(form, usersContract['users.resetPassword'].input, { id: user.id, password }, (input) => call('users.resetPassword', input));
    if (!ok) return;
    message.success(t('admin.users.passwordReset', { name: user.name }));
    onClose();
  };
  return (
    <Modal
      open={user !== null}
      title={user && t('admin.users.resetPasswordTitle', { name: user.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('admin.users.resetPasswordHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} data-testid="reset-password-form">
        <Form.Item name="password" label={t('admin.users.password')} extra={t('admin.users.passwordHint')} required>
          <Input.Password maxLength={128} autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item name="confirm" label={t('admin.users.confirm')} required>
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
