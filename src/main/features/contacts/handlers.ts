import type { Contact, contactsContract } from '../../../shared/contacts';
import type { HandlersOf } from '../../core/context';
import { customerChannels } from '../customers';
import { findContactDuplicates } from '../search';
import { contactSpec } from './spec';

const contacts = customerChannels<Contact>(contactSpec);

export const contactsHandlers: HandlersOf<typeof contactsContract> = {
  'contacts.list': contacts.list,
  'contacts.get': contacts.get,
  'contacts.create': contacts.create,
  // Saving a contact whose company is in the Trash, with that company unchanged, is no new link
  // to a deleted record: the unchanged link is left out of the checks (and of the write).
  'contacts.update': async (input, ctx) => {
    const companyId = input.patch.companyId;
    if (!companyId) return contacts.update(input, ctx);
    const current = await ctx.db.selectFrom('contacts').select('company_id').where('id', '=', input.id).executeTakeFirst();
    if (current?.company_id !== companyId) return contacts.update(input, ctx);
    const { companyId: _unchanged, ...patch } = input.patch;
    return contacts.update({ ...input, patch }, ctx);
  },
  'contacts.delete': contacts.delete,
  'contacts.merge': contacts.merge,
  'contacts.duplicates': (query, ctx) => findContactDuplicates(ctx.db, ctx.session, query),
};
