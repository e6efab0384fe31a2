// Pieces both customer kinds (companies and contacts) share: address, list filters, duplicates,
// merge and the trash.
import { z } from 'zod';
import { DateRange, SortDir } from './paging';
import { cityField, idField, optText } from './validation';
import type { Tag } from './tags';

export const Address = {
  province: optText(30),
  city: cityField,
  district: optText(30),
  address: optText(200),
};

export const CustomerSort = z.enum(['name', 'updated', 'created', 'contacted']);
export type CustomerSort = z.infer<typeof CustomerSort>;

/** The filters both kinds share; each kind's list adds its own with `customerFilter({...})`. */
export const CustomerFilter = z.object({
  tagId: idField.nullish(),
  ownerId: idField.nullish(),
  city: z.string().trim().max(50).nullish(),
  created: DateRange,
  contacted: DateRange,
});

/** A list's filter: optional as a whole (`.and()` of a defaulted object refused a missing one). */
export const customerFilter = <S extends z.ZodRawShape>(own: S) => CustomerFilter.extend(own).default({} as never);

export const listSort = { sort: CustomerSort.default('updated'), dir: SortDir.default('desc') };

/** Fields shown by every row and detail of a customer, company or contact. */
export interface CustomerBase {
  id: string;
  ownerId: string;
  ownerName: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  notes: string | null;
  tags: Pick<Tag, 'id' | 'name' | 'color'>[];
  custom: Record<string, string | number | string[] | null>;
  lastContactedAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A possible duplicate, with why it matched. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  reason: 'mobile' | 'email' | 'name_company' | 'name' | 'phone';
  detail: string;
}

/**
 * Which record's value the survivor keeps for a field: its own, the other's, or for list fields
 * (mobiles, emails) both combined.
 */
export const MergeSide = z.enum(['survivor', 'other', 'both']);
export type MergeSide = z.infer<typeof MergeSide>;

/** Fields whose values are lists: a merge keeps both records' values unless told one side. */
export const MERGE_LIST_FIELDS = ['mobiles', 'emails'] as const;

/**
 * Merge two records: `take` names, per field, which record's value the survivor keeps; a custom
 * field is named `custom.<fieldId>`. A field left out keeps the survivor's value, except the list
 * fields, which keep both records' values (survivor's first, no repeats, at most 10).
 */
export const MergeInput = z.object({
  survivorId: idField,
  otherId: idField,
  take: z.record(z.string().max(80), MergeSide).default({}),
});

/**
 * The patch form of a record's fields: every field optional and, unlike `.partial()`, no defaults
 * filled in (zod 4 applies a default inside an optional, so a patch without `tagIds` would clear
 * the tags and one without `gender` would reset it).
 */
export function patchOf<S extends z.ZodRawShape>(fields: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, field]) => {
      const inner = (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType;
      return [key, inner.optional()];
    }),
  );
  return z.object(shape) as unknown as ReturnType<typeof fields.partial>;
}

/** What the Trash holds: every soft-deleted kind that has a name (see src/shared/trash.ts). */
export const TrashEntity = z.enum(['contact', 'company', 'lead', 'opportunity', 'product']);
export type TrashEntity = z.infer<typeof TrashEntity>;
export const IdsInput = z.object({ ids: z.array(idField).min(1).max(1000) });
