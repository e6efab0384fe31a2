// A settings list (tags, custom fields): a New button, a table with Edit and Delete on each row,
// and a modal form that validates with the shared schema and saves, putting server errors on the form.
import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Form, Modal, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../api';
import { applyIssues, errorText, zodIssues } from './errors';

interface Props<T extends { id: string }, S extends z.ZodType> {
  items: T[];
  load(): Promise<void>;
  /** Button and modal title for a new item, modal title for an edit. */
  newLabel: string;
  editLabel: string;
  /** The values a new item starts with. */
  fresh(): Partial<T>;
  columns: TableColumnsType<T>;
  confirmDelete(item: T): string;
  schema: S;
  /** The form's values (and the edited item's id) as the schema's input. */
  input(raw: Record<string, unknown>, id: string | undefined): unknown;
  save(values: z.output<S>): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  formTestId: string;
  /** The modal form's fields. */
  children: ReactNode;
}

export function SettingsList<T extends { id: string }, S extends z.ZodType>(props: Props<T, S>) {
  const { items, load, newLabel, editLabel, fresh, columns, confirmDelete, schema, input, formTestId, children } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Partial<T> | null>(null);
  const [form] = Form.useForm();
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    const parsed = schema.safeParse(input(form.getFieldsValue(true) as Record<string, unknown>, editing?.id));
    if (!parsed.success) return applyIssues(t, form, zodIssues(parsed.error));
    try {
      await props.save(parsed.data as z.output<S>);
      setEditing(null);
      void load();
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
      else message.error(errorText(t, e));
    }
  };
  const remove = async (id: string) => {
    try {
      await props.remove(id);
      void load();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(fresh())} style={{ marginBottom: 12 }}>
        {newLabel}
      </Button>
      <Table<T>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          ...columns,
          {
            key: 'actions',
            title: '',
            width: 160,
            render: (_, item) => (
              <Space>
                <Button size="small" type="link" onClick={() => setEditing(item)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={confirmDelete(item)} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(item.id)}>
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
        title={editing?.id ? editLabel : newLabel}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} clearOnDestroy initialValues={editing ?? {}} data-testid={formTestId}>
          {children}
        </Form>
      </Modal>
    </>
  );
}
