// Settings → tags: name and colour of every tag, how many records carry it.
import { useEffect, useState } from 'react';
import { App, Button, ColorPicker, Form, Input, Modal, Popconfirm, Space, Table, Tag as AntTag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TagSave, type Tag } from '../../../shared/tags';
import { call, ApiError } from '../../api';
import { applyIssues, errorText, zodIssues } from '../../components/errors';
import { TAG_PALETTE } from './palette';
import { useTags } from './store';

export function TagSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { tags, load } = useTags();
  const [editing, setEditing] = useState<Partial<Tag> | null>(null);
  const [form] = Form.useForm();
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    const raw = form.getFieldsValue(true) as { name?: string; color?: string | { toHexString(): string } };
    const color = typeof raw.color === 'string' ? raw.color : raw.color?.toHexString();
    const parsed = TagSave.safeParse({ id: editing?.id, name: raw.name ?? '', color });
    if (!parsed.success) return applyIssues(t, form, zodIssues(parsed.error));
    try {
      await call('tags.save', parsed.data);
      setEditing(null);
      void load();
    } catch (e) {
      if (e instanceof ApiError && e.data.fields) applyIssues(t, form, e.data.fields);
      else message.error(errorText(t, e));
    }
  };
  const remove = async (id: string) => {
    try {
      await call('tags.delete', { id });
      void load();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ color: TAG_PALETTE[tags.length % TAG_PALETTE.length] })} style={{ marginBottom: 12 }}>
        {t('tags.new')}
      </Button>
      <Table<Tag>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={tags}
        columns={[
          { key: 'name', title: t('tags.name'), render: (_, tag) => <AntTag color={tag.color}>{tag.name}</AntTag> },
          { key: 'usage', title: t('tags.usage'), dataIndex: 'usage', width: 120 },
          {
            key: 'actions',
            title: '',
            width: 160,
            render: (_, tag) => (
              <Space>
                <Button size="small" type="link" onClick={() => setEditing(tag)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('tags.confirmDelete', { name: tag.name })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(tag.id)}>
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
        title={t(editing?.id ? 'tags.edit' : 'tags.new')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={editing ?? {}} data-testid="tag-form">
          <Form.Item name="name" label={t('tags.name')} required>
            <Input autoFocus maxLength={30} />
          </Form.Item>
          <Form.Item name="color" label={t('tags.color')}>
            <ColorPicker presets={[{ label: t('tags.palette'), colors: TAG_PALETTE }]} showText />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
