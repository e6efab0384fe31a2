// A contact's company as words: its name, marked when the company is in the Trash.
import type { TFunction } from 'i18next';
import type { Contact } from '../../../shared/contacts';

export function companyLabel(t: TFunction, c: Pick<Contact, 'companyName' | 'companyDeletedAt'>): string | null {
  if (!c.companyName) return null;
  return c.companyDeletedAt ? t('contact.companyDeleted', { name: c.companyName }) : c.companyName;
}
