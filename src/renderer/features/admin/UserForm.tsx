// Adding a user (name, sign-in name, password twice, role, manager) or editing one (name, role,
// manager). The contract's schemas check it here first; the main process's refusals (a sign-in
// name in use, a manager loop, the last administrator) land on the fields they name.
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleInfo, UserAdminRow } from '../../../shared/users';
import { usersContract } from '../../../shared/users';
import { call } from '../../api';
import { roleLabel } from './labels';
import { SignInFields } from './SignInFields';
import { useFormSubmit } from './useFormSubmit';

interface Props {
  /** 'new', a user to edit, or null (closed). */
  editing: UserAdminRow | 'new' | null;
  users: UserAdminRow[];
  roles: RoleInfo[];
  onClose(): void;
  onSaved(): void;
}

interface Values {
  name?: string;
  login?: string;
  password?: string;
  confirm?: string;
  role?: string;
  managerId?: string | null;
}

export function UserForm({ editing, users, roles, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit();
  const isNew = editing === 'new';
  const user = editing === 'new' ? null : editing;

  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    if (isNew && v.password !== v.confirm) return form.setFields([{ name: 'confirm', errors: [t('admin.users.mismatch')] }]);
    const managerId = v.managerId ?? null;
    const ok = user
      ? await submit(form, usersContract['users.update'].input, { id: user.id, name: v.name, role: v.role, managerId }, (input) =>
          call('users.update', input),
        )
      : await submit(form, usersContract['users.create'].input, { ...v, managerId }, (input) => call('users.create', input));
    if (!ok) return;
    message.success(user ? t('admin.users.saved') : t('admin.users.created', { name: v.name }));
    onSaved();
  };

  return (
    <Modal
      open={editing !== null}
      title={isNew ? t('admin.users.new') : t('admin.users.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={user ?? { role: 'sales' }}
        data-testid="user-form"
      >
        <Form.Item name="name" label={t('admin.users.name')} required>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        {isNew && (
          <>
            <SignInFields />
          </>
        )}
        <Form.Item name="role" label={t('admin.users.role')} required>
          <Select options={roles.map((r) => ({ value: r.id, label: roleLabel(t, r.id, roles) }))} />
        </Form.Item>
        <Form.Item name="managerId" label={t('admin.users.manager')} extra={t('admin.users.managerHint')}>
          <Select
            allowClear
            placeholder={t('admin.none')}
            options={users.filter((u) => u.id !== user?.id).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
