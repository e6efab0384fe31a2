// Admin-defined custom fields on contacts and companies. Values live in the record's `custom`
// object, keyed by the field's id; the main process checks each value against its definition.
import { z } from 'zod';
import { channel } from './contract-kit';
import { idField } from './validation';

export const CustomFieldType = z.enum(['text', 'number', 'date', 'select', 'multiselect']);
export type CustomFieldType = z.infer<typeof CustomFieldType>;
export const CustomEntity = z.enum(['contact', 'company']);
export type CustomEntity = z.infer<typeof CustomEntity>;

export interface CustomField {
  id: string;
  entity: CustomEntity;
  label: string;
  type: CustomFieldType;
  options: string[];
  position: number;
}

/** An option's name, as the list holds it. */
const OptionName = z.string().trim().min(1).max(40, 'validation.too_long');

/** An option renamed in place (the settings form edits each option in its row): `from` is now `to`. */
export const OptionRename = z.object({ from: OptionName, to: OptionName });
export type OptionRename = z.infer<typeof OptionRename>;

export const CustomFieldSave = z
  .object({
    id: idField.optional(),
    entity: CustomEntity,
    label: z.string('validation.required').trim().min(1, 'validation.required').max(40, 'validation.too_long'),
    type: CustomFieldType,
    options: z.array(OptionName).max(100).default([]),
    position: z.number().int().min(0).max(1000).default(0),
    /**
     * A changed definition first converts stored values where nothing is lost (12.5 → '12.5',
     * '12' → 12, '1990/1/2' → '1990-01-02', 'vip' → the option 'VIP', 'A' → ['A']), without asking. Values that still do
     * not fit (an option they hold removed, a type they do not match) make the save refused with
     * VALUES_MISFIT unless this is set: then those values are cleared from the records in the same
     * save (a multiselect keeps its other options). The entity of an existing field never changes
     * (ENTITY_FIXED).
     */
    clearMisfits: z.boolean().default(false),
    /**
     * Options renamed in this save: the records holding `from` hold `to` after it (a multiselect's
     * list too), converted as above. Each `to` is in `options`, each `from` renamed once. Without
     * it an option missing from the new list is a removed one: its values are misfits.
     */
    renames: z.array(OptionRename).max(100).default([]),
  })
  .refine((f) => !['select', 'multiselect'].includes(f.type) || f.options.length > 0, {
    message: 'validation.options_required',
    path: ['options'],
  })
  .refine((f) => f.renames.every((r) => f.options.includes(r.to)) && new Set(f.renames.map((r) => r.from)).size === f.renames.length, {
    message: 'validation.invalid',
    path: ['renames'],
  });

/** A stored custom value: text, number, date (YYYY-MM-DD), one option or several. */
export const CustomValue = z.union([z.string().max(1000, 'validation.too_long'), z.number(), z.array(z.string().max(40)).max(100), z.null()]);
export const CustomValues = z.record(idField, CustomValue).default({});
export type CustomValues = Record<string, string | number | string[] | null>;

/** The message of the `conflict` a save gets when stored values would no longer fit the field. */
export const VALUES_MISFIT = 'customFields.values_misfit';

/** The message on `entity` when a save would move an existing field to another entity (refused). */
export const ENTITY_FIXED = 'customFields.entity_fixed';

/** The detail of a VALUES_MISFIT refusal. */
export interface CustomFieldMisfits {
  /** Records whose value the changed field would refuse even converted, the Trash's included. */
  count: number;
  /** How many of them are in the Trash. */
  trashed: number;
  /** The options no longer in the list that those records hold (empty when the type changed). */
  options: string[];
}

export const customFieldsContract = {
  'customFields.list': channel<CustomField[]>()({
    kind: 'query',
    permission: 'customers.read',
    input: z.object({ entity: CustomEntity.optional() }),
  }),
  'customFields.save': channel<CustomField>()({
    kind: 'mutation',
    permission: 'settings.write',
    input: CustomFieldSave,
    entity: 'custom_field',
  }),
  'customFields.delete': channel<void>()({
    kind: 'mutation',
    permission: 'settings.write',
    input: z.object({ id: idField }),
    entity: 'custom_field',
  }),
};
