// The filter and sort bar above a customer list; every control writes to the list's store.
import { Button, DatePicker, Input, Select, Space, Tooltip } from 'antd';
import { SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerSort } from '../../../shared/customers';
import { OwnerSelect } from '../app/OwnerSelect';
import { TagSelect } from '../tags/TagSelect';
import type { DateRangeValue, ListStore } from './listStore';
import { SavedViews } from './SavedViews';

function RangeFilter({ label, value, onChange }: { label: string; value?: DateRangeValue; onChange(v: DateRangeValue | undefined): void }) {
  const { t } = useTranslation();
  const toDay = (s?: string | null) => (s ? dayjs(s) : null);
  return (
    <DatePicker.RangePicker
      aria-label={label}
      placeholder={[`${label} ${t('filter.from')}`, t('filter.to')]}
      value={value ? [toDay(value.from), toDay(value.to)] : null}
      onChange={(r: [Dayjs | null, Dayjs | null] | null) =>
        onChange(r ? { from: r[0]?.format('YYYY-MM-DD') ?? null, to: r[1]?.format('YYYY-MM-DD') ?? null } : undefined)
      }
      allowEmpty={[true, true]}
      style={{ width: 260 }}
    />
  );
}

export function FilterBar({ store, entity, extra }: { store: ListStore; entity: 'contact' | 'company'; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { filter, sort, dir, setFilter, setSort } = store();
  return (
    <Space wrap className="filter-bar">
      <SavedViews store={store} entity={entity} />
      {extra}
      <TagSelect mode="single" value={filter.tagId} onChange={(tagId) => setFilter({ tagId })} />
      <OwnerSelect value={filter.ownerId} onChange={(ownerId) => setFilter({ ownerId })} />
      <Input.Search
        key={filter.city ?? ''}
        aria-label={t('fields.city')}
        placeholder={t('fields.city')}
        defaultValue={filter.city ?? ''}
        allowClear
        onSearch={(city) => setFilter({ city })}
        style={{ width: 140 }}
      />
      <RangeFilter label={t('filter.created')} value={filter.created} onChange={(created) => setFilter({ created })} />
      <RangeFilter label={t('filter.contacted')} value={filter.contacted} onChange={(contacted) => setFilter({ contacted })} />
      <Space.Compact>
        <Select
          aria-label={t('filter.sort')}
          value={sort}
          // Names read A→Z, times newest first: choosing a sort starts from its natural order.
          onChange={(s) => setSort(s, s === 'name' ? 'asc' : 'desc')}
          options={CustomerSort.options.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
          style={{ width: 130 }}
        />
        <Tooltip title={t(dir === 'asc' ? 'sort.asc' : 'sort.desc')}>
          <Button
            aria-label={t(dir === 'asc' ? 'sort.asc' : 'sort.desc')}
            icon={dir === 'asc' ? <SortAscendingOutlined /> : <SortDescendingOutlined />}
            onClick={() => setSort(sort, dir === 'asc' ? 'desc' : 'asc')}
          />
        </Tooltip>
      </Space.Compact>
    </Space>
  );
}
