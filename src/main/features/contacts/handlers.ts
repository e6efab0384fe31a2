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
  'contacts.update': contacts.update,
  'contacts.delete': contacts.delete,
  'contacts.merge': contacts.merge,
  'contacts.duplicates': (query, ctx) => findContactDuplicates(ctx.db, query),
};
