import { z } from 'zod';
import { channel } from './contract-kit';
import { colorField, idField, LIMITS } from './validation';

export interface Tag {
  id: string;
  name: string;
  color: string;
  /** How many live contacts and companies carry it. */
  usage: number;
}

export const TagSave = z.object({
  id: idField.optional(),
  name: z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .max(30, 'validation.too_long')
    // Exported files separate a record's tags with ';': "华东;华南" would come back as two tags.
    .refine((n) => !n.includes(';'), 'validation.tag_semicolon'),
  color: colorField,
});

export const TagApply = z.object({
  tagId: idField,
  recordIds: z.array(idField).min(1).max(LIMITS.list * 100),
  on: z.boolean(),
});

export const tagsContract = {
  'tags.list': channel<Tag[]>()({ kind: 'query', permission: 'customers.read', input: z.object({}) }),
  'tags.save': channel<Tag>()({ kind: 'mutation', permission: 'customers.write', input: TagSave, entity: 'tag' }),
  'tags.delete': channel<void>()({
    kind: 'mutation',
    permission: 'settings.write',
    input: z.object({ id: idField }),
    entity: 'tag',
  }),
  /** Put a tag on (or take it off) many contacts/companies at once. */
  'tags.apply': channel<{ changed: number }>()({
    kind: 'mutation',
    permission: 'customers.write',
    input: TagApply,
    entity: 'tagging',
  }),
};
