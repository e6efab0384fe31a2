// Saved views: a named list filter and sort a person can come back to.
import { z } from 'zod';
import { channel } from './contract-kit';
import { CustomerSort } from './customers';
import { SortDir } from './paging';
import { idField } from './validation';

export const ViewEntity = z.enum(['contact', 'company']);

export interface SavedView {
  id: string;
  entity: 'contact' | 'company';
  name: string;
  /** The list's filter object, as the list channel takes it. */
  filter: Record<string, unknown>;
  sort: CustomerSort;
  dir: SortDir;
}

export const ViewSave = z.object({
  id: idField.optional(),
  entity: ViewEntity,
  name: z.string('validation.required').trim().min(1, 'validation.required').max(40, 'validation.too_long'),
  filter: z.record(z.string().max(40), z.unknown()).default({}),
  sort: CustomerSort.default('updated'),
  dir: SortDir.default('desc'),
});

export const viewsContract = {
  'views.list': channel<SavedView[]>()({ kind: 'query', permission: 'customers.read', input: z.object({ entity: ViewEntity }) }),
  'views.save': channel<SavedView>()({ kind: 'mutation', permission: 'customers.read', input: ViewSave, entity: 'saved_view' }),
  'views.delete': channel<void>()({
    kind: 'mutation',
    permission: 'customers.read',
    input: z.object({ id: idField }),
    entity: 'saved_view',
  }),
};
