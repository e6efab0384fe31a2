// 用户: everyone who can own records and sign in; an administrator adds and edits them, resets a
// password or a lost second factor, ends a lockout, disables someone who left.
import { useState } from 'react';
import { Alert, App, Button, Dropdown, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UserAdminRow } from '../../../shared/users';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { navigate } from '../../components/router';
import { useQuery } from '../../components/useQuery';
import { useApp } from '../app/store';
import { roleLabel } from './labels';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserForm } from './UserForm';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const isLocked = (u: UserAdminRow) => u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now();

function StatusTags({ user, passwordMode }: { user: UserAdminRow; passwordMode: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {user.disabled ? <Tag>{t('admin.users.disabled')}</Tag> : <Tag color="green">{t('admin.users.enabled')}</Tag>}
      {isLocked(user) && <Tag color="orange">{t('admin.users.locked', { time: at(user.lockedUntil!) })}</Tag>}
      {passwordMode && !user.hasPassword && <Tag color="default">{t('admin.users.noPassword')}</Tag>}
    </Space>
  );
}

/** The row's less common actions, each confirmed where it takes something away. */
function useUserActions(reload: () => void, setResetting: (u: UserAdminRow) => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      reload();
    } catch (e) {
      message.error({ content: errorText(t, e), duration: 8 });
    }
  };
  const confirm = (title: string, okText: string, action: () => Promise<unknown>, done: string) =>
    modal.confirm({ title, okText, okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: () => run(action, done) });
  return (u: UserAdminRow) => [
    { key: 'password', label: t('admin.users.resetPassword'), onClick: () => setResetting(u) },
    ...(u.totpEnabled
      ? [
          {
            key: 'totp',
            label: t('admin.users.resetTotp'),
            onClick: () =>
              confirm(t('admin.users.resetTotpConfirm', { name: u.name }), t('admin.users.resetTotp'), () => call('users.resetTotp', { id: u.id }), t('admin.users.totpReset', { name: u.name })),
          },
        ]
      : []),
    ...(isLocked(u)
      ? [{ key: 'unlock', label: t('admin.users.unlock'), onClick: () => void run(() => call('users.unlock', { id: u.id }), t('admin.users.unlocked', { name: u.name })) }]
      : []),
    u.disabled
      ? { key: 'enable', label: t('admin.users.enable'), onClick: () => void run(() => call('users.update', { id: u.id, disabled: false }), t('admin.users.enabledDone', { name: u.name })) }
      : {
          key: 'disable',
          danger: true,
          label: t('admin.users.disable'),
          onClick: () =>
            confirm(t('admin.users.disableConfirm', { name: u.name }), t('admin.users.disable'), () => call('users.update', { id: u.id, disabled: true }), t('admin.users.disabledDone', { name: u.name })),
        },
  ];
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useApp((s) => s.info?.session.userId);
  const canSecure = useApp((s) => s.info?.session.permissions.includes('security.admin') ?? false);
  const users = useQuery('users', () => call('users.adminList', {}));
  const roles = useQuery('roles', () => call('roles.list', {}));
  const status = useQuery('status', () => call('auth.status', {}));
  const [editing, setEditing] = useState<UserAdminRow | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserAdminRow | null>(null);
  const refreshUsers = useApp((s) => s.refreshUsers);
  // The owner pickers elsewhere list users too: they follow every change made here.
  const changed = () => {
    users.reload();
    void refreshUsers();
  };
  const actions = useUserActions(changed, setResetting);
  const list = users.data ?? [];
  const nameOf = (id: string | null) => list.find((u) => u.id === id)?.name ?? '';
  const columns: TableColumnsType<UserAdminRow> = [
    {
      key: 'name',
      title: t('admin.users.name'),
      render: (_, u) => (
        <span>
          {u.name} {u.id === me && <Typography.Text type="secondary">{t('admin.users.you')}</Typography.Text>}
        </span>
      ),
    },
    { key: 'login', title: t('admin.users.login'), render: (_, u) => u.login ?? '' },
    { key: 'role', title: t('admin.users.role'), render: (_, u) => roleLabel(t, u.role, roles.data) },
    { key: 'manager', title: t('admin.users.manager'), render: (_, u) => nameOf(u.managerId) },
    { key: 'status', title: t('admin.users.status'), render: (_, u) => <StatusTags user={u} passwordMode={status.data?.mode === 'password'} /> },
    { key: 'totp', title: t('admin.users.totp'), render: (_, u) => (u.totpEnabled ? <Tag color="blue">{t('admin.users.totpOn')}</Tag> : t('admin.users.totpOff')) },
    { key: 'last', title: t('admin.users.lastLogin'), render: (_, u) => (u.lastLoginAt ? at(u.lastLoginAt) : t('admin.users.never')) },
    {
      key: 'actions',
      title: '',
      width: 130,
      render: (_, u) => (
        <Space size={0}>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Dropdown trigger={['click']} menu={{ items: actions(u) }}>
            <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('admin.users.more')} data-testid="user-more" />
          </Dropdown>
        </Space>
      ),
    },
  ];
  const error = users.error ?? roles.error;
  return (
    <div className="detail-page" data-testid="users-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('admin.nav.users')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!roles.data}>
          {t('admin.users.new')}
        </Button>
      </div>
      {error ? <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} /> : null}
      {status.data && status.data.mode !== 'password' && (
        <Alert
          type="info"
          showIcon
          title={t('admin.users.passwordModeFirst')}
          action={
            canSecure && (
              <Button size="small" onClick={() => navigate({ page: 'backups' })}>
                {t('admin.users.goToSecurity')}
              </Button>
            )
          }
          style={{ marginBottom: 16 }}
          data-testid="users-single-mode"
        />
      )}
      <Table<UserAdminRow> rowKey="id" size="middle" pagination={false} loading={!users.data && !error} dataSource={list} columns={columns} data-testid="users-table" />
      <UserForm
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        editing={editing}
        users={list}
        roles={roles.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
          roles.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
