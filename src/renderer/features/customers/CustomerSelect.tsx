// A searchable company or contact picker (search.global, hits of that kind only). Works as an antd
// form control; the record's current name is shown before any search.
import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search';
import { call } from '../../api';

type Kind = 'company' | 'contact';

interface Props {
  kind: Kind;
  value?: string | null;
  onChange?(id: string | null): void;
  /** The current record's name, shown before any search. */
  initialName?: string | null;
  id?: string;
}

const MESSAGES: Record<Kind, { label: string; placeholder: string }> = {
  company: { label: 'fields.company', placeholder: 'company.searchPlaceholder' },
  contact: { label: 'contact.label', placeholder: 'contact.searchPlaceholder' },
};

/** A contact's hit shows its company (the detail) to tell namesakes apart. */
const hitLabel = (h: SearchHit) => (h.type === 'contact' && h.detail ? `${h.name}（${h.detail}）` : h.name);

export function CustomerSelect({ kind, value, onChange, initialName, id }: Props) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const search = async (q: string) => {
    const found = q.trim() ? await call('search.global', { q: q.trim(), limit: 20 }).catch(() => []) : [];
    setHits(found.filter((h) => h.type === kind));
  };
  const options = hits.map((h) => ({ value: h.id, label: hitLabel(h) }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });
  return (
    <Select
      id={id}
      aria-label={t(MESSAGES[kind].label)}
      placeholder={t(MESSAGES[kind].placeholder)}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      notFoundContent={null}
    />
  );
}
