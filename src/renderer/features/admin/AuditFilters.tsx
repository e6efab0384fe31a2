// The audit log's filter bar: days, user, action (the distinct actions in the log), entity and a
// record id. Every control changes the filter at once; the list starts again from the newest.
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../shared/audit';
import { call } from '../../api';
import { useQuery } from '../../components/useQuery';
import { useApp } from '../app/store';
import { AUDIT_ENTITIES, actionLabel, entityLabel } from './labels';

const day = (s?: string | null) => (s ? dayjs(s) : null);

export function AuditFilters({ filter, onChange }: { filter: AuditFilter; onChange(filter: AuditFilter): void }) {
  const { t } = useTranslation();
  const actions = useQuery('actions', () => call('audit.actions', {}));
  const users = useApp((s) => s.users);
  const set = (part: AuditFilter) => onChange({ ...filter, ...part });
  return (
    <Space wrap className="filter-bar">
      <DatePicker.RangePicker
        aria-label={t('admin.audit.range')}
        placeholder={[t('admin.audit.from'), t('admin.audit.to')]}
        value={filter.from || filter.to ? [day(filter.from), day(filter.to)] : null}
        onChange={(r: [Dayjs | null, Dayjs | null] | null) => set({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })}
        allowEmpty={[true, true]}
        style={{ width: 260 }}
      />
      <Select
        aria-label={t('admin.audit.user')}
        placeholder={t('admin.audit.user')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filter.userId ?? undefined}
        onChange={(userId?: string) => set({ userId: userId ?? null })}
        options={users.map((u) => ({ value: u.id, label: u.name }))}
        style={{ width: 140 }}
      />
      <Select
        data-testid="audit-action"
        aria-label={t('admin.audit.action')}
        placeholder={t('admin.audit.action')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filter.action ?? undefined}
        onChange={(action?: string) => set({ action: action ?? null })}
        options={(actions.data ?? []).map((a) => ({ value: a, label: actionLabel(t, a) }))}
        style={{ width: 220 }}
      />
      <Select
        aria-label={t('admin.audit.entity')}
        placeholder={t('admin.audit.entity')}
        allowClear
        value={filter.entity ?? undefined}
        onChange={(entity?: string) => set({ entity: entity ?? null })}
        options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(t, e) }))}
        style={{ width: 140 }}
      />
      <Input.Search
        key={filter.recordId ?? ''}
        aria-label={t('admin.audit.recordId')}
        placeholder={t('admin.audit.recordId')}
        defaultValue={filter.recordId ?? ''}
        allowClear
        onSearch={(id) => set({ recordId: id.trim() || null })}
        style={{ width: 220 }}
      />
      <Button onClick={() => onChange({})}>{t('admin.audit.clear')}</Button>
    </Space>
  );
}
