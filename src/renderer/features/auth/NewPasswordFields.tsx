// A new password twice, with a strength hint: first start, change password.
import { Form, Input, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/auth';
import { passwordStrength, type Strength } from './strength';

const STEPS: Record<Strength, { percent: number; color: string }> = {
  tooShort: { percent: 0, color: '#d9d9d9' },
  weak: { percent: 34, color: '#ff4d4f' },
  fair: { percent: 67, color: '#faad14' },
  strong: { percent: 100, color: '#52c41a' },
};

function StrengthHint({ password }: { password: string }) {
  const { t } = useTranslation();
  const strength = passwordStrength(password);
  return (
    <div className="auth-strength" data-testid="password-strength" data-strength={strength}>
      <Progress steps={3} size="small" showInfo={false} percent={STEPS[strength].percent} strokeColor={STEPS[strength].color} />
      <Typography.Text type="secondary">
        {strength === 'tooShort' ? t('auth.strength.tooShort', { min: PASSWORD_MIN }) : t('auth.strength.label', { level: t(`auth.strength.${strength}`) })}
      </Typography.Text>
    </div>
  );
}

/** `name`: the form field of the new password (its twin is `confirm`). */
export function NewPasswordFields({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  const password = Form.useWatch<string | undefined>(name) ?? '';
  return (
    <>
      <Form.Item name={name} label={label} extra={<StrengthHint password={password} />} tooltip={t('auth.strength.hint')}>
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX} data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.field.confirm')}
        dependencies={[name]}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value?: string) =>
              (value ?? '') === ((getFieldValue(name) as string | undefined) ?? '') ? Promise.resolve() : Promise.reject(new Error(t('auth.errors.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX} data-testid="confirm-password" />
      </Form.Item>
    </>
  );
}
