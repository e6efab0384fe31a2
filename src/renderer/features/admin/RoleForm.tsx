// A role in a modal: a built-in one is shown read-only (what it may do and see); a custom one is
// edited (name, visibility scope, permissions) and saved with roles.save.
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { SCOPES } from '../../../shared/permissions';
import { RoleInput, type RoleInfo } from '../../../shared/users';
import { call } from '../../api';
import { PermissionChecklist } from './PermissionChecklist';
import { roleLabel } from './labels';
import { useFormSubmit } from './useFormSubmit';

interface Props {
  /** A role to show or edit, a fresh custom one, or null (closed). */
  role: RoleInfo | 'new' | null;
  onClose(): void;
  onSaved(): void;
}

const fresh = { name: '', scope: 'own', permissions: ['customers.read', 'customers.write', 'settings.read'] } as const;

export function RoleForm({ role, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, submit } = useFormSubmit();
  const current = role === 'new' ? null : role;
  const readOnly = current?.builtin ?? false;
  const save = async () => {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const ok = await submit(form, RoleInput, { ...values, id: current?.id }, (input) => call('roles.save', input));
    if (!ok) return;
    message.success(t('admin.roles.saved', { name: values.name }));
    onSaved();
  };
  const title = readOnly && current ? roleLabel(t, current.id, []) : current ? t('admin.roles.edit') : t('admin.roles.new');
  return (
    <Modal
      open={role !== null}
      width={760}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      footer={readOnly ? (_, { CancelBtn }) => <CancelBtn /> : undefined}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {readOnly && <Alert type="info" showIcon title={t('admin.roles.readOnly')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={current ?? fresh} disabled={readOnly} data-testid="role-form">
        {!readOnly && (
          <Form.Item name="name" label={t('admin.roles.name')} required>
            <Input maxLength={50} autoFocus />
          </Form.Item>
        )}
        <Form.Item name="scope" label={t('admin.roles.scope')} extra={<ScopeHint />}>
          <Radio.Group optionType="button" options={SCOPES.map((s) => ({ value: s, label: t(`admin.roles.scopes.${s}`) }))} />
        </Form.Item>
        <Form.Item name="permissions" label={t('admin.roles.permissions')}>
          <PermissionChecklist />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What the chosen scope means, under the choice. */
function ScopeHint() {
  const { t } = useTranslation();
  const scope = Form.useWatch('scope', Form.useFormInstance()) as (typeof SCOPES)[number] | undefined;
  return scope ? t(`admin.roles.scopeHints.${scope}`) : null;
}
