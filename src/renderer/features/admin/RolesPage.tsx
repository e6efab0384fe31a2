// 角色: the built-in roles (read-only: what they may do and whose records they see) and the custom
// roles an administrator makes from the same permission list; a role in use cannot be deleted.
import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoleInfo } from '../../../shared/users';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { useQuery } from '../../components/useQuery';
import { roleLabel } from './labels';
import { RoleForm } from './RoleForm';
import './admin.css';

export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roles = useQuery('roles', () => call('roles.list', {}));
  const [open, setOpen] = useState<RoleInfo | 'new' | null>(null);
  const remove = async (role: RoleInfo) => {
    try {
      await call('roles.delete', { id: role.id });
      message.success(t('admin.roles.deleted', { name: role.name }));
      roles.reload();
    } catch (e) {
      message.error({ content: errorText(t, e), duration: 8 });
    }
  };
  const columns: TableColumnsType<RoleInfo> = [
    {
      key: 'name',
      title: t('admin.roles.name'),
      render: (_, r) => (
        <Space>
          {roleLabel(t, r.id, roles.data)}
          {r.builtin ? <Tag>{t('admin.roles.builtinTag')}</Tag> : <Tag color="blue">{t('admin.roles.customTag')}</Tag>}
        </Space>
      ),
    },
    { key: 'scope', title: t('admin.roles.scope'), render: (_, r) => t(`admin.roles.scopes.${r.scope}`) },
    { key: 'permissions', title: t('admin.roles.permissions'), render: (_, r) => t('admin.roles.permissionCount', { count: r.permissions.length }) },
    { key: 'users', title: t('admin.roles.users'), dataIndex: 'users', width: 100 },
    {
      key: 'actions',
      title: '',
      width: 180,
      render: (_, r) =>
        r.builtin ? (
          <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setOpen(r)}>
            {t('admin.roles.view')}
          </Button>
        ) : (
          <Space size={0}>
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setOpen(r)}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('admin.roles.confirmDelete', { name: r.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove(r)}
            >
              <Button size="small" type="link" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];
  return (
    <div className="detail-page" data-testid="roles-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('admin.nav.roles')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
          {t('admin.roles.new')}
        </Button>
      </div>
      {roles.error ? <Alert type="error" showIcon title={errorText(t, roles.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<RoleInfo> rowKey="id" size="middle" pagination={false} loading={!roles.data && !roles.error} dataSource={roles.data ?? []} columns={columns} />
      <RoleForm
        key={open === null ? 'closed' : open === 'new' ? 'new' : open.id}
        role={open}
        onClose={() => setOpen(null)}
        onSaved={() => {
          setOpen(null);
          roles.reload();
        }}
      />
    </div>
  );
}
