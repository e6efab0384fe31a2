// Settings → custom fields: extra fields an admin adds to contacts or companies.
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CustomEntity, CustomFieldSave, CustomFieldType, type CustomField } from '../../../shared/custom-fields';
import { ApiError, call } from '../../api';
import { applyIssues, errorText, zodIssues } from '../../components/errors';
import { useCustomFields } from './store';

export function CustomFieldSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { fields, load } = useCustomFields();
  const [editing, setEditing] = useState<Partial<CustomField> | null>(null);
  const [form] = Form.useForm();
  const type = Form.useWatch('type', form) as CustomField['type'] | undefined;
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    const raw = form.getFieldsValue(true) as Partial<CustomField>;
    const parsed = CustomFieldSave.safeParse({ ...raw, id: editing?.id, options: raw.type === 'select' || raw.type === 'multiselect' ? (raw.options ?? []) : [] });
    if (!parsed.success) return applyIssues(t, form, zodIssues(parsed.error));
    try {
      await call('customFields.save', parsed.data);
      setEditing(null);
      void load();
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
      else message.error(errorText(t, e));
    }
  };
  const remove = async (id: string) => {
    try {
      await call('customFields.delete', { id });
      void load();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entity: 'contact', type: 'text', options: [] })} style={{ marginBottom: 12 }}>
        {t('customFields.new')}
      </Button>
      <Table<CustomField>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={fields}
        columns={[
          { key: 'entity', title: t('customFields.entity'), width: 120, render: (_, f) => t(`customFields.entities.${f.entity}`) },
          { key: 'label', title: t('customFields.label'), dataIndex: 'label' },
          { key: 'type', title: t('customFields.type'), width: 120, render: (_, f) => t(`customFields.types.${f.type}`) },
          { key: 'options', title: t('customFields.options'), render: (_, f) => f.options.map((o) => <Tag key={o}>{o}</Tag>) },
          {
            key: 'actions',
            title: '',
            width: 160,
            render: (_, f) => (
              <Space>
                <Button size="small" type="link" onClick={() => setEditing(f)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('customFields.confirmDelete', { label: f.label })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(f.id)}>
                  <Button size="small" type="link" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing?.id ? 'customFields.edit' : 'customFields.new')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={editing ?? {}} data-testid="custom-field-form">
          <Form.Item name="entity" label={t('customFields.entity')}>
            <Select options={CustomEntity.options.map((e) => ({ value: e, label: t(`customFields.entities.${e}`) }))} />
          </Form.Item>
          <Form.Item name="label" label={t('customFields.label')} required>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="type" label={t('customFields.type')}>
            <Select options={CustomFieldType.options.map((ty) => ({ value: ty, label: t(`customFields.types.${ty}`) }))} />
          </Form.Item>
          {(type === 'select' || type === 'multiselect') && (
            <Form.Item name="options" label={t('customFields.options')} extra={t('customFields.optionsHint')}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
