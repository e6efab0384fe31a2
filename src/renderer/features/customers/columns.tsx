// Columns both customer lists share.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { CustomerBase } from '../../../shared/customers';
import type { Column } from '../../components/VirtualTable';
import { recordRoute, routeHash } from '../../components/router';
import { TagChips } from '../tags/TagChips';
import type { CustomerEntity } from './useDeleteWithUndo';

export const shortDate = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

export const sharedColumns = (t: TFunction): Column<CustomerBase>[] => [
  { key: 'city', title: t('fields.city'), width: '100px', render: (r) => r.city ?? '—' },
  { key: 'tags', title: t('fields.tags'), width: '1.2fr', render: (r) => <TagChips tags={r.tags} /> },
  { key: 'owner', title: t('fields.owner'), width: '100px', render: (r) => r.ownerName ?? '—' },
  // The dates go first when the table is narrow (a 1024-px screen leaves it ~780 px).
  { key: 'contacted', title: t('fields.lastContacted'), width: '110px', hideBelow: 900, render: (r) => shortDate(r.lastContactedAt) },
  { key: 'updated', title: t('fields.updated'), width: '110px', hideBelow: 1000, render: (r) => shortDate(r.updatedAt) },
];

/** The name, linking to the record's page. */
export const nameColumn = <T extends { id: string; name: string }>(entity: CustomerEntity, title: string, width: string): Column<T> => ({
  key: 'name',
  title,
  width,
  render: (r) => (
    <a href={routeHash(recordRoute(entity, r.id))} className="row-link">
      {r.name}
    </a>
  ),
});
