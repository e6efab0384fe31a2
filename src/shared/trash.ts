// The Trash: soft-deleted contacts, companies, leads, opportunities and products; undo right after
// a delete, restore later, or purge.
import { z } from 'zod';
import { channel } from './contract-kit';
import { TrashEntity } from './customers';
import { pageInput, type Page } from './paging';
import type { Permission } from './permissions';
import { idField } from './validation';

export interface TrashItem {
  type: TrashEntity;
  id: string;
  name: string;
  deletedAt: string;
}

/**
 * What a session needs to see (read) or restore and purge (write) each kind in the Trash, on top of
 * the channel's own permission: the Trash must not open a door the kind's own pages keep shut.
 * The renderer uses `read` to show only the kinds the role may list.
 */
export const TRASH_PERMISSIONS: Record<TrashEntity, { read: Permission; write: Permission }> = {
  contact: { read: 'customers.read', write: 'customers.delete' },
  company: { read: 'customers.read', write: 'customers.delete' },
  lead: { read: 'leads.read', write: 'leads.write' },
  opportunity: { read: 'deals.read', write: 'deals.write' },
  product: { read: 'products.read', write: 'products.write' },
};

const TrashIds = z.object({ entity: TrashEntity, ids: z.array(idField).min(1).max(1000) });

export const trashContract = {
  'trash.list': channel<Page<TrashItem>>()({
    kind: 'query',
    permission: 'customers.read',
    input: z.object({ entity: TrashEntity, ...pageInput }),
  }),
  /** A product comes back only if no live product took its SKU meanwhile (conflict). */
  'trash.restore': channel<{ restored: number }>()({
    kind: 'mutation',
    permission: 'customers.delete',
    input: TrashIds,
    entity: 'trash',
  }),
  /**
   * Deletes for good, with what belongs only to the record: a contact's or company's tag links and
   * timeline, a lead's follow-ups, an opportunity's line items and stage history. Cannot be undone.
   */
  'trash.purge': channel<{ purged: number }>()({
    kind: 'mutation',
    permission: 'customers.delete',
    input: TrashIds,
    entity: 'trash',
  }),
};
