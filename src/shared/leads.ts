// Leads (线索): leads, follow-ups, conversion, assignment, and the sales choice lists (picklists:
// lead sources, lost reasons, invalid reasons) that admins edit in Settings.
import { z } from 'zod';
import { channel } from './contract-kit';
import { idField } from './validation';

export const PICKLISTS = ['lead_source', 'lost_reason', 'invalid_reason'] as const;
export type PicklistName = (typeof PICKLISTS)[number];

export interface PicklistItem {
  id: string;
  list: PicklistName;
  label: string;
  position: number;
}

const picklistName = z.enum(PICKLISTS, 'validation.required');

export const PicklistSave = z.object({
  id: idField.optional(),
  list: picklistName,
  label: z.string('validation.required').trim().min(1, 'validation.required').max(50, 'validation.too_long'),
});

export const picklistsContract = {
  /** The live items of one list, in order. Readable by every role (deals use lost reasons). */
  'picklists.list': channel<PicklistItem[]>()({
    kind: 'query',
    permission: 'settings.read',
    input: z.object({ list: picklistName }),
  }),
  /** New item (at the end of its list) or a renamed one; labels are unique within a list. */
  'picklists.save': channel<PicklistItem>()({
    kind: 'mutation',
    permission: 'sales.admin',
    input: PicklistSave,
    entity: 'picklist_item',
  }),
  /** Removes an item from its list; records that used its label keep the text. */
  'picklists.delete': channel<void>()({
    kind: 'mutation',
    permission: 'sales.admin',
    input: z.object({ id: idField }),
    entity: 'picklist_item',
  }),
};

export const leadsContract = {
  ...picklistsContract,
};
