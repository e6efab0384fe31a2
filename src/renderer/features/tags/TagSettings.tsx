// Settings → tags: name and colour of every tag, how many records carry it.
import { ColorPicker, Form, Input, Tag as AntTag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TagSave, type Tag } from '../../../shared/tags';
import { call } from '../../api';
import { SettingsList } from '../../components/SettingsList';
import { TAG_PALETTE } from './palette';
import { useTags } from './store';

const input = (raw: { name?: string; color?: string | { toHexString(): string } }, id: string | undefined) => {
  const color = typeof raw.color === 'string' ? raw.color : raw.color?.toHexString();
  return { id, name: raw.name ?? '', color };
};

export function TagSettings() {
  const { t } = useTranslation();
  const { tags, load } = useTags();
  return (
    <SettingsList<Tag, typeof TagSave>
      items={tags}
      load={load}
      newLabel={t('tags.new')}
      editLabel={t('tags.edit')}
      fresh={() => ({ color: TAG_PALETTE[tags.length % TAG_PALETTE.length] })}
      columns={[
        { key: 'name', title: t('tags.name'), render: (_, tag) => <AntTag color={tag.color}>{tag.name}</AntTag> },
        { key: 'usage', title: t('tags.usage'), dataIndex: 'usage', width: 120 },
      ]}
      confirmDelete={(tag) => t('tags.confirmDelete', { name: tag.name })}
      schema={TagSave}
      input={input}
      save={(v) => call('tags.save', v)}
      remove={(id) => call('tags.delete', { id })}
      formTestId="tag-form"
    >
      <Form.Item name="name" label={t('tags.name')} required>
        <Input autoFocus maxLength={30} />
      </Form.Item>
      <Form.Item name="color" label={t('tags.color')}>
        <ColorPicker presets={[{ label: t('tags.palette'), colors: TAG_PALETTE }]} showText />
      </Form.Item>
    </SettingsList>
  );
}
