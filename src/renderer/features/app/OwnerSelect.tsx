import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApp } from './store';

/** Pick the person who owns a record (users.list). Works as an antd form control. */
export function OwnerSelect({ value, onChange, id }: { value?: string | null; onChange?(v: string | null): void; id?: string }) {
  const { t } = useTranslation();
  const users = useApp((s) => s.users);
  return (
    <Select
      id={id}
      aria-label={t('fields.owner')}
      placeholder={t('fields.owner')}
      allowClear
      style={{ minWidth: 140 }}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={users.map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
