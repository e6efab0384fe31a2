// The fields every customer record has, under its own: address, owner, tags, custom values,
// times. Shown on both detail pages.
import type { ReactNode } from 'react';
import { Card, Descriptions, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerBase } from '../../../shared/customers';
import { customFieldItems } from '../custom-fields/customFieldItems';
import { useLoadedCustomFields } from '../custom-fields/store';
import { TagEditor } from '../tags/TagEditor';
import type { CustomerEntity } from './useDeleteWithUndo';

type Items = NonNullable<DescriptionsProps['items']>;
const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export function RecordFacts({ entity, record, own, onChange }: { entity: CustomerEntity; record: CustomerBase; own: Items; onChange(): void }) {
  const { t } = useTranslation();
  const fields = useLoadedCustomFields();
  const address = [record.province, record.city, record.district, record.address].filter(Boolean).join(' ');
  const items: Items = [
    ...own.map((i) => ({ ...i, children: dash(i.children) })),
    { key: 'address', label: t('fields.address'), children: dash(address), span: 2 },
    { key: 'owner', label: t('fields.owner'), children: dash(record.ownerName) },
    { key: 'contacted', label: t('fields.lastContacted'), children: time(record.lastContactedAt) },
    { key: 'tags', label: t('fields.tags'), span: 2, children: <TagEditor recordId={record.id} tags={record.tags} onChange={onChange} /> },
    ...customFieldItems(fields, entity, record.custom),
    { key: 'notes', label: t('fields.notes'), span: 2, children: <div className="notes">{dash(record.notes)}</div> },
    { key: 'created', label: t('fields.created'), children: time(record.createdAt) },
    { key: 'updated', label: t('fields.updated'), children: time(record.updatedAt) },
  ];
  return (
    <Card size="small" title={t('detail.info')}>
      <Descriptions column={2} size="small" items={items} data-testid="record-facts" />
    </Card>
  );
}
