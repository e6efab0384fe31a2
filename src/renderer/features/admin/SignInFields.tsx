// A new sign-in: name, password and its confirmation (adding a user; turning on password sign-in).
// The forms compare the two passwords when submitting.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX } from '../../../shared/auth';

export function SignInFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="login" label={t('admin.users.login')} extra={t('admin.users.loginHint')} required>
        <Input maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label={t('admin.users.password')} extra={t('admin.users.passwordHint')} required>
        <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('admin.users.confirm')} required>
        <Input.Password maxLength={PASSWORD_MAX} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
