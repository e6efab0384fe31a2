import { z } from 'zod';
import { channel } from './contract-kit';
import { CustomValues } from './custom-fields';
import {
  Address,
  customerFilter,
  IdsInput,
  listSort,
  MergeInput,
  patchOf,
  type CustomerBase,
  type DuplicateCandidate,
} from './customers';
import { pageInput, type Page } from './paging';
import { emailField, idField, LIMITS, mobileField, nameField, optDate, optId, optPhone, optText } from './validation';

export const GENDERS = ['male', 'female', 'unknown'] as const;

export const ContactFields = z.object({
  name: nameField,
  gender: z.enum(GENDERS).default('unknown'),
  title: optText(50),
  mobiles: z.array(mobileField).max(LIMITS.list, 'validation.too_many').default([]),
  landline: optPhone,
  emails: z.array(emailField).max(LIMITS.list, 'validation.too_many').default([]),
  wechat: optText(64),
  qq: z
    .union([z.literal(''), z.null(), z.string().trim().regex(/^[1-9]\d{4,11}$/, 'validation.qq')])
    .optional()
    .transform((v) => (v ? v : null)),
  ...Address,
  birthday: optDate,
  companyId: optId,
  ownerId: optId,
  notes: optText(5000),
  tagIds: z.array(idField).max(LIMITS.tags).default([]),
  custom: CustomValues,
});
export type ContactFields = z.output<typeof ContactFields>;

export const ContactCreate = ContactFields.extend({ allowDuplicate: z.boolean().default(false) });
export const ContactUpdate = z.object({ id: idField, patch: patchOf(ContactFields) });

export interface Contact extends CustomerBase {
  name: string;
  gender: (typeof GENDERS)[number];
  title: string | null;
  mobiles: string[];
  landline: string | null;
  emails: string[];
  wechat: string | null;
  qq: string | null;
  birthday: string | null;
  companyId: string | null;
  companyName: string | null;
  /** When the contact's company went to the Trash (its name is still shown, marked), or null. */
  companyDeletedAt: string | null;
}

export const ContactList = z.object({
  ...pageInput,
  ...listSort,
  filter: customerFilter({ companyId: idField.nullish() }),
});

export const ContactDuplicateQuery = z.object({
  name: z.string().max(200).nullish(),
  mobiles: z.array(z.string().max(50)).max(LIMITS.list).default([]),
  emails: z.array(z.string().max(254)).max(LIMITS.list).default([]),
  companyId: idField.nullish(),
  excludeId: idField.nullish(),
});

export const contactsContract = {
  'contacts.list': channel<Page<Contact>>()({ kind: 'query', permission: 'customers.read', input: ContactList }),
  'contacts.get': channel<Contact>()({ kind: 'query', permission: 'customers.read', input: z.object({ id: idField }) }),
  'contacts.create': channel<Contact>()({
    kind: 'mutation',
    permission: 'customers.write',
    input: ContactCreate,
    entity: 'contact',
  }),
  'contacts.update': channel<Contact>()({
    kind: 'mutation',
    permission: 'customers.write',
    input: ContactUpdate,
    entity: 'contact',
  }),
  'contacts.delete': channel<{ deleted: number }>()({
    kind: 'mutation',
    permission: 'customers.delete',
    input: IdsInput,
    entity: 'contact',
  }),
  'contacts.duplicates': channel<DuplicateCandidate[]>()({
    kind: 'query',
    permission: 'customers.read',
    input: ContactDuplicateQuery,
  }),
  'contacts.merge': channel<Contact>()({
    kind: 'mutation',
    permission: 'customers.merge',
    input: MergeInput,
    entity: 'contact',
  }),
};
