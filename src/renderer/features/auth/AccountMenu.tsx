// The signed-in user's menu in the header: change password, two-step verification, lock, sign out.
// Without sign-in (single-user mode) none of these apply: only the name shows.
import { useState } from 'react';
import { Button, Dropdown, Typography, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/store';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useAuth } from './store';
import { TwoFactorModal } from './TwoFactorModal';

export function AccountMenu() {
  const { t } = useTranslation();
  const name = useApp((s) => s.info?.session.userName);
  const { status, lock, signOut } = useAuth();
  const [open, setOpen] = useState<'password' | 'totp' | null>(null);
  if (!name) return null;
  if (status?.mode !== 'password') return <Typography.Text type="secondary">{name}</Typography.Text>;
  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('auth.account.changePassword') },
    { key: 'totp', icon: <SafetyOutlined />, label: t('auth.account.twoFactor') },
    { type: 'divider' },
    { key: 'lock', icon: <LockOutlined />, label: t('auth.account.lock') },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('auth.account.signOut') },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'lock') void lock();
    else if (key === 'signOut') void signOut();
    else setOpen(key as 'password' | 'totp');
  };
  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick }}>
        <Button type="text" icon={<UserOutlined />} data-testid="account-menu">
          {name} <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={open === 'password'} onClose={() => setOpen(null)} />
      <TwoFactorModal open={open === 'totp'} onClose={() => setOpen(null)} />
    </>
  );
}
