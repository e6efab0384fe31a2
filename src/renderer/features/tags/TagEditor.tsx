// A record's tags on its detail page: remove with ×, add from the catalogue or make a new one.
import { useEffect, useState } from 'react';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/tags';
import { call } from '../../api';
import { errorText } from '../../components/errors';
import { TAG_PALETTE } from './palette';
import { useTags } from './store';
import { TagChips } from './TagChips';

const NEW = '\u0000new:';

export function TagEditor({ recordId, tags, onChange }: { recordId: string; tags: Pick<Tag, 'id' | 'name' | 'color'>[]; onChange(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { tags: catalogue, load } = useTags();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    void load();
  }, [load]);

  const apply = async (tagId: string, on: boolean) => {
    try {
      await call('tags.apply', { tagId, recordIds: [recordId], on });
      void load();
      onChange();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const pick = async (value: string) => {
    setTyped('');
    if (!value.startsWith(NEW)) return apply(value, true);
    try {
      const tag = await call('tags.save', { name: value.slice(NEW.length), color: TAG_PALETTE[catalogue.length % TAG_PALETTE.length] });
      await apply(tag.id, true);
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  const have = new Set(tags.map((tag) => tag.id));
  const name = typed.trim();
  const options = catalogue
    .filter((tag) => !have.has(tag.id))
    .map((tag) => ({ value: tag.id, label: <span><span className="color-dot" style={{ background: tag.color }} />{tag.name}</span>, search: tag.name }));
  if (name && !catalogue.some((tag) => tag.name === name)) {
    options.push({ value: NEW + name, label: <span>{t('tags.create', { name })}</span>, search: name });
  }
  return (
    <div className="tag-editor" data-testid="tag-editor">
      <TagChips tags={tags} onRemove={(id) => void apply(id, false)} />
      <Select
        size="small"
        aria-label={t('tags.add')}
        placeholder={t('tags.add')}
        style={{ width: 160 }}
        value={null}
        showSearch={{ optionFilterProp: 'search', searchValue: typed, onSearch: setTyped }}
        onChange={(v: string) => void pick(v)}
        options={options}
      />
    </div>
  );
}
