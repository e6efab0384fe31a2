// First start: create the administrator (the database gets encrypted with a key their password
// unwraps), or deliberately choose single-user mode without a password and read what that means
// for encryption on this computer. The sample-data choice (FirstRunModal) follows in the app.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Tag, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { AuthFrame } from './AuthFrame';
import { NewPasswordFields } from './NewPasswordFields';
import { useAuth } from './store';
import { useAuthSubmit } from './useAuthSubmit';

interface AdminValues {
  name?: string;
  login?: string;
  password?: string;
}

function AdminChoice() {
  const { t } = useTranslation();
  const [form] = Form.useForm<AdminValues>();
  const signedIn = useAuth((s) => s.signedIn);
  const { busy, error, submit } = useAuthSubmit(form, async ({ name = '', login = '', password = '' }) => {
    const result = await call('auth.setup', { mode: 'password', name, login, password });
    if (result.status === 'signed_in') await signedIn(result.session, login.trim().toLowerCase());
  });
  return (
    <Card
      title={
        <>
          <LockOutlined /> {t('auth.setup.admin.title')} <Tag color="blue">{t('auth.setup.recommended')}</Tag>
        </>
      }
      data-testid="setup-admin"
    >
      <Typography.Paragraph>{t('auth.setup.admin.text')}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('auth.setup.admin.warning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={t('auth.field.name')}>
          <Input autoFocus maxLength={100} autoComplete="name" />
        </Form.Item>
        <Form.Item name="login" label={t('auth.field.login')} extra={t('auth.field.loginHint')}>
          <Input maxLength={32} autoComplete="username" />
        </Form.Item>
        <NewPasswordFields name="password" label={t('auth.field.password')} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-admin-submit">
          {t('auth.setup.admin.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function SingleChoice() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const osKey = useAuth((s) => s.status?.osKeyAvailable ?? false);
  const signedIn = useAuth((s) => s.signedIn);
  const [understood, setUnderstood] = useState(false);
  const { busy, error, submit } = useAuthSubmit(form, async () => {
    const result = await call('auth.setup', { mode: 'single', useOsKey: osKey });
    if (result.status === 'signed_in') await signedIn(result.session, '');
  });
  return (
    <Card
      title={
        <>
          <UserOutlined /> {t('auth.setup.single.title')}
        </>
      }
      data-testid="setup-single"
    >
      <Typography.Paragraph>{t('auth.setup.single.text')}</Typography.Paragraph>
      <Alert
        type={osKey ? 'info' : 'error'}
        showIcon
        title={t(osKey ? 'auth.setup.single.osKey' : 'auth.setup.single.noOsKey')}
        style={{ marginBottom: 16 }}
        data-testid="single-encryption"
      />
      <Form form={form} onFinish={() => void submit({})}>
        <Form.Item>
          <Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="single-confirm">
            {t('auth.setup.single.confirm')}
          </Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button htmlType="submit" block disabled={!understood} loading={busy} data-testid="setup-single-submit">
          {t('auth.setup.single.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function SetupScreen() {
  const { t } = useTranslation();
  return (
    <AuthFrame wide>
      <Typography.Title level={3}>{t('auth.setup.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.setup.intro')}</Typography.Paragraph>
      <div className="auth-choices">
        <AdminChoice />
        <SingleChoice />
      </div>
    </AuthFrame>
  );
}
