// PLACEHOLDER — replaced by the customers helper.
import { contactsContract } from '../../../shared/contacts';
import type { HandlersOf } from '../../core/context';

const notYet = async (): Promise<never> => {
  throw new Error('not implemented');
};

export const contactsHandlers: HandlersOf<typeof contactsContract> = Object.fromEntries(
  Object.keys(contactsContract).map((c) => [c, notYet]),
) as never;
