// Account menu → two-step verification: enrol an authenticator (QR code or the key as text, then a
// code to prove it works) and keep the recovery codes shown once; or turn it off with the password.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX } from '../../../shared/auth';
import { call } from '../../api';
import { downloadBlob } from '../../components/files';
import { useAuth } from './store';
import { authErrorText, useAuthSubmit } from './useAuthSubmit';

interface Enrolment {
  secret: string;
  qr: string;
}

type Step = { kind: 'intro' } | { kind: 'enrol'; enrolment: Enrolment } | { kind: 'codes'; codes: string[] } | { kind: 'disable' };

/** The key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

function EnrolStep({ enrolment, onEnabled }: { enrolment: Enrolment; onEnabled(codes: string[]): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code?: string }>();
  const { busy, error, submit } = useAuthSubmit(
    form,
    async ({ code = '' }) => onEnabled((await call('auth.totpEnable', { secret: enrolment.secret, code })).recoveryCodes),
    'auth.totp.wrong',
  );
  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
      <Typography.Paragraph>{t('auth.enrol.scan')}</Typography.Paragraph>
      <img className="auth-qr" src={enrolment.qr} alt={t('auth.enrol.qrAlt')} />
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        {t('auth.enrol.secret')}: <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="totp-secret">{grouped(enrolment.secret)}</Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="code" label={t('auth.enrol.enterCode')}>
        <Input autoFocus maxLength={20} inputMode="numeric" autoComplete="one-time-code" placeholder="123456" data-testid="enrol-code" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="enrol-submit">
        {t('auth.enrol.enable')}
      </Button>
    </Form>
  );
}

function CodesStep({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = `${codes.join('\r\n')}\r\n`;
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => message.success(t('auth.enrol.copied')),
      () => message.error(t('errors.internal')),
    );
  return (
    <>
      <Alert type="success" showIcon title={t('auth.enrol.enabled')} style={{ marginBottom: 12 }} />
      <Typography.Title level={5}>{t('auth.enrol.codesTitle')}</Typography.Title>
      <Typography.Paragraph>{t('auth.enrol.codesText')}</Typography.Paragraph>
      <div className="auth-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <span key={code}>{code}</span>
        ))}
      </div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('auth.enrol.copy')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => downloadBlob(t('auth.enrol.codesFile'), new Blob([text], { type: 'text/plain' }))}>
            {t('auth.enrol.download')}
          </Button>
        </Space>
        <Button type="primary" onClick={onDone} data-testid="codes-done">
          {t('auth.enrol.done')}
        </Button>
      </Space>
    </>
  );
}

function DisableStep({ onDisabled }: { onDisabled(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password?: string }>();
  const { busy, error, submit } = useAuthSubmit(
    form,
    async ({ password = '' }) => {
      await call('auth.totpDisable', { password });
      onDisabled();
    },
    'auth.errors.wrongPassword',
  );
  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
      <Typography.Paragraph>{t('auth.enrol.disableText')}</Typography.Paragraph>
      <Form.Item name="password" label={t('auth.field.password')}>
        <Input.Password autoFocus autoComplete="current-password" maxLength={PASSWORD_MAX} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button danger htmlType="submit" block loading={busy} data-testid="disable-submit">
        {t('auth.enrol.disable')}
      </Button>
    </Form>
  );
}

export function TwoFactorModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step>({ kind: 'intro' });
  const [starting, setStarting] = useState(false);
  const enabled = useAuth((s) => s.status?.totpEnabled ?? false);
  const close = () => {
    setStep({ kind: 'intro' });
    // Whether the second factor is on now (the intro offers what applies).
    void useAuth.getState().refresh();
    onClose();
  };
  const begin = async () => {
    setStarting(true);
    try {
      setStep({ kind: 'enrol', enrolment: await call('auth.totpBegin', {}) });
    } catch (e) {
      message.error(authErrorText(t, e));
    } finally {
      setStarting(false);
    }
  };
  // The recovery codes show only once: they are dismissed deliberately, not by a stray click.
  const showingCodes = step.kind === 'codes';
  return (
    <Modal open={open} title={t('auth.enrol.title')} footer={null} onCancel={close} closable={!showingCodes} maskClosable={!showingCodes} keyboard={!showingCodes} destroyOnHidden>
      {step.kind === 'intro' && (
        <>
          <Typography.Paragraph>{t(enabled ? 'auth.enrol.isOn' : 'auth.enrol.intro')}</Typography.Paragraph>
          <Space>
            {!enabled && (
              <Button type="primary" loading={starting} onClick={() => void begin()} data-testid="enrol-start">
                {t('auth.enrol.start')}
              </Button>
            )}
            {enabled && <Button onClick={() => setStep({ kind: 'disable' })}>{t('auth.enrol.disable')}</Button>}
          </Space>
        </>
      )}
      {step.kind === 'enrol' && <EnrolStep enrolment={step.enrolment} onEnabled={(codes) => setStep({ kind: 'codes', codes })} />}
      {step.kind === 'codes' && <CodesStep codes={step.codes} onDone={close} />}
      {step.kind === 'disable' && (
        <DisableStep
          onDisabled={() => {
            message.success(t('auth.enrol.disabled'));
            close();
          }}
        />
      )}
    </Modal>
  );
}
