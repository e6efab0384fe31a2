// Put a tag on, or take it off, every selected record (tags.apply).
import { useState } from 'react';
import { App, Button, Popover, Space } from 'antd';
import { TagsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { TagSelect } from '../tags/TagSelect';
import { useTags } from '../tags/store';

export function BulkTag({ ids, onDone }: { ids: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tagId, setTagId] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const loadTags = useTags((s) => s.load);
  const apply = async (on: boolean) => {
    if (!tagId) return;
    try {
      const { changed } = await call('tags.apply', { tagId, recordIds: ids, on });
      message.success(t(on ? 'bulkTag.added' : 'bulkTag.removed', { count: changed }));
      setOpen(false);
      void loadTags();
      onDone();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('bulkTag.title', { count: ids.length })}
      content={
        <Space>
          <TagSelect mode="single" value={tagId} onChange={setTagId} />
          <Button type="primary" disabled={!tagId} onClick={() => void apply(true)}>
            {t('bulkTag.add')}
          </Button>
          <Button disabled={!tagId} onClick={() => void apply(false)}>
            {t('bulkTag.remove')}
          </Button>
        </Space>
      }
    >
      <Button icon={<TagsOutlined />} disabled={ids.length === 0}>
        {t('bulkTag.button')}
      </Button>
    </Popover>
  );
}
