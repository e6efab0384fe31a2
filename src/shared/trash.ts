// Soft-deleted contacts and companies: undo right after a delete, restore later, or purge.
import { z } from 'zod';
import { channel } from './contract-kit';
import { TrashEntity } from './customers';
import { pageInput, type Page } from './paging';
import { idField } from './validation';

export interface TrashItem {
  type: 'contact' | 'company';
  id: string;
  name: string;
  deletedAt: string;
}

const TrashIds = z.object({ entity: TrashEntity, ids: z.array(idField).min(1).max(1000) });

export const trashContract = {
  'trash.list': channel<Page<TrashItem>>()({
    kind: 'query',
    permission: 'customers.read',
    input: z.object({ entity: TrashEntity, ...pageInput }),
  }),
  'trash.restore': channel<{ restored: number }>()({
    kind: 'mutation',
    permission: 'customers.delete',
    input: TrashIds,
    entity: 'trash',
  }),
  /** Deletes for good: the rows, their tags links and timeline. Cannot be undone. */
  'trash.purge': channel<{ purged: number }>()({
    kind: 'mutation',
    permission: 'customers.delete',
    input: TrashIds,
    entity: 'trash',
  }),
};
