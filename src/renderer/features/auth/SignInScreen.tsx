// Sign-in (and the lock screen: the same form greeting whoever locked it), then the second factor
// when the account has one: a 6-digit code, or one of the recovery codes.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { AuthFrame } from './AuthFrame';
import { useAuth } from './store';
import { useAuthSubmit } from './useAuthSubmit';

interface Pending {
  ticket: string;
  login: string;
}

function PasswordStep({ onSecondFactor }: { onSecondFactor(pending: Pending): void }) {
  const { t } = useTranslation();
  const { locked, lastLogin, signedIn, signOut } = useAuth();
  const [form] = Form.useForm<{ login?: string; password?: string }>();
  const { busy, error, submit } = useAuthSubmit(form, async ({ login = '', password = '' }) => {
    const result = await call('auth.login', { login, password });
    const typed = login.trim().toLowerCase();
    if (result.status === 'totp') onSecondFactor({ ticket: result.ticket, login: typed });
    else await signedIn(result.session, typed);
  });
  return (
    <Card data-testid="sign-in">
      <Typography.Title level={4}>{t(locked ? 'auth.signIn.locked' : 'auth.signIn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{locked ? t('auth.signIn.lockedUser', { name: locked.name }) : t('auth.signIn.subtitle')}</Typography.Paragraph>
      {locked?.expired && <Alert type="info" showIcon title={t('errors.unauthenticated')} style={{ marginBottom: 16 }} data-testid="session-ended" />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ login: lastLogin }} onFinish={(values) => void submit(values)}>
        <Form.Item name="login" label={t('auth.field.login')}>
          <Input prefix={<UserOutlined />} autoFocus={!lastLogin} maxLength={64} autoComplete="username" data-testid="sign-in-login" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.field.password')}>
          <Input.Password prefix={<LockOutlined />} autoFocus={Boolean(lastLogin)} maxLength={128} autoComplete="current-password" data-testid="sign-in-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
          {t(locked ? 'auth.signIn.unlock' : 'auth.signIn.submit')}
        </Button>
      </Form>
      {locked && (
        <Button type="link" block onClick={() => void signOut()} style={{ marginTop: 8 }}>
          {t('auth.signIn.otherUser')}
        </Button>
      )}
    </Card>
  );
}

function CodeStep({ pending, onBack }: { pending: Pending; onBack(): void }) {
  const { t } = useTranslation();
  const signedIn = useAuth((s) => s.signedIn);
  const [recovery, setRecovery] = useState(false);
  const [form] = Form.useForm<{ code?: string }>();
  const { busy, error, submit } = useAuthSubmit(
    form,
    async ({ code = '' }) => {
      const result = await call('auth.verifyTotp', { ticket: pending.ticket, code });
      if (result.status === 'signed_in') await signedIn(result.session, pending.login);
    },
    'auth.totp.wrong',
  );
  const toggle = () => {
    form.resetFields();
    setRecovery(!recovery);
  };
  return (
    <Card data-testid="totp-step">
      <Typography.Title level={4}>
        <SafetyOutlined /> {t('auth.totp.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(recovery ? 'auth.totp.recoveryPrompt' : 'auth.totp.prompt')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
        <Form.Item name="code" label={t(recovery ? 'auth.field.recoveryCode' : 'auth.field.code')}>
          <Input
            key={String(recovery)}
            autoFocus
            maxLength={20}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            placeholder={recovery ? 'xxxx-xxxx' : '123456'}
            data-testid="totp-code"
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="totp-submit">
          {t('auth.totp.verify')}
        </Button>
      </Form>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
        <Button type="link" onClick={onBack}>
          {t('auth.totp.back')}
        </Button>
        <Button type="link" onClick={toggle} data-testid="totp-toggle">
          {t(recovery ? 'auth.totp.useCode' : 'auth.totp.useRecovery')}
        </Button>
      </div>
    </Card>
  );
}

export function SignInScreen() {
  const [pending, setPending] = useState<Pending | null>(null);
  return <AuthFrame>{pending ? <CodeStep pending={pending} onBack={() => setPending(null)} /> : <PasswordStep onSecondFactor={setPending} />}</AuthFrame>;
}
