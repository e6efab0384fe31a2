// A searchable contact picker (search.global, contacts only). Works as an antd form control.
import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search';
import { call } from '../../api';

interface Props {
  value?: string | null;
  onChange?(id: string | null): void;
  /** The current contact's name, shown before any search. */
  initialName?: string | null;
  id?: string;
}

export function ContactSelect({ value, onChange, initialName, id }: Props) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const search = async (q: string) => {
    const found = q.trim() ? await call('search.global', { q: q.trim(), limit: 20 }).catch(() => []) : [];
    setHits(found.filter((h) => h.type === 'contact'));
  };
  const options = hits.map((h) => ({ value: h.id, label: h.detail ? `${h.name}（${h.detail}）` : h.name }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });
  return (
    <Select
      id={id}
      aria-label={t('deals.fields.contact')}
      placeholder={t('deals.form.contactPlaceholder')}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      notFoundContent={null}
    />
  );
}
