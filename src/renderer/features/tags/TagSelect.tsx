import { useEffect } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTags } from './store';

type Props =
  | { mode: 'multiple'; value?: string[]; onChange?(v: string[]): void; exclude?: string[]; id?: string }
  | { mode: 'single'; value?: string | null; onChange?(v: string | null): void; exclude?: string[]; id?: string };

/** Pick tags from the catalogue, each shown with its colour. Works as an antd form control. */
export function TagSelect(props: Props) {
  const { t } = useTranslation();
  const { tags, load } = useTags();
  useEffect(() => {
    void load();
  }, [load]);
  const options = tags
    .filter((tag) => !props.exclude?.includes(tag.id))
    .map((tag) => ({
      value: tag.id,
      label: (
        <span>
          <span className="color-dot" style={{ background: tag.color }} />
          {tag.name}
        </span>
      ),
      search: tag.name,
    }));
  const common = {
    id: props.id,
    options,
    allowClear: true,
    showSearch: { optionFilterProp: 'search' },
    placeholder: t('fields.tags'),
    style: { minWidth: 160 },
    'aria-label': t('fields.tags'),
  };
  return props.mode === 'multiple' ? (
    <Select {...common} mode="multiple" value={props.value} onChange={(v: string[]) => props.onChange?.(v)} />
  ) : (
    <Select {...common} value={props.value ?? undefined} onChange={(v?: string) => props.onChange?.(v ?? null)} />
  );
}
