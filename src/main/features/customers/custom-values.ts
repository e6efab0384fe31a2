// Custom field values, checked against the admin's definitions (src/shared/custom-fields.ts):
// the schema only knows a value's JSON shape, the definitions say what it must be.
import { CustomValue, type CustomEntity, type CustomValues } from '../../../shared/custom-fields';
import { dateField } from '../../../shared/validation';
import type { Ctx } from '../../core/context';
import { MULTI_SEPARATOR } from '../../io/export/columns';
import { splitList } from '../../io/import/mapping';
import { invalidField } from './errors';

/** A field's definition as the check needs it: its type and its options (parsed). */
interface Definition {
  type: string;
  options: readonly string[];
}

type Value = CustomValues[string];

/** Why a value does not fit its field (an i18n key), or null when it fits. */
export function problemOf(def: Definition, value: Value): string | null {
  if (value === null) return null;
  const { options } = def;
  switch (def.type) {
    case 'text':
      return typeof value === 'string' ? null : 'validation.custom_text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'validation.custom_number';
    case 'date':
      return typeof value === 'string' && dateField.safeParse(value).success ? null : 'validation.custom_date';
    case 'select':
      return typeof value === 'string' && options.includes(value) ? null : 'validation.custom_option';
    default:
      return Array.isArray(value) && value.every((v) => options.includes(v)) ? null : 'validation.custom_option';
  }
}

/**
 * Why a value from outside the form (an import's cell, a stored value under a changed field) does
 * not fit: its shape first (CustomValue, which the form's schema checks: a text of at most 1,000
 * characters …), then the definition (problemOf). Null when it fits.
 */
export function valueProblem(def: Definition, value: unknown): string | null {
  const shape = CustomValue.safeParse(value);
  if (!shape.success) return shape.error.issues[0]?.message.startsWith('validation.') ? shape.error.issues[0].message : 'validation.invalid';
  return problemOf(def, shape.data);
}

/**
 * A number as people write it: thousands separators, full-width digits, a currency sign or 元;
 * null when the text is no number. A comma only groups thousands: "1,5" (a decimal comma, or a
 * typo) is refused, not read as 15. The import reads a number cell and a changed field a stored
 * text by this one rule.
 */
export function readNumber(raw: string): number | null {
  const text = raw.normalize('NFKC').replace(/\s|^[¥$]|元$/g, '');
  const grouped = !text.includes(',') || /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text);
  const plain = text.replace(/,/g, '');
  const n = grouped && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain) ? Number(plain) : NaN;
  return Number.isFinite(n) ? n : null;
}

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** The option a text names, however its case or width (vip, ＶＩＰ for VIP); else the text as it is. */
export function optionOf(raw: string, options: readonly string[]): string {
  return options.includes(raw) ? raw : (options.find((o) => fold(o) === fold(raw)) ?? raw);
}

/**
 * A multi-select text as options: our export joins options with ';' (an option may hold a comma),
 * other files with any list separator; each part is the option it names (optionOf). The import
 * reads a multi-select cell and a changed field a stored text by this one rule.
 */
export function optionsIn(raw: string, options: readonly string[]): string[] {
  const exported = splitOnOptions(raw, options);
  return exported.every((o) => options.includes(o)) ? exported : splitList(raw).map((o) => optionOf(o, options));
}

/**
 * Splits on ';', except inside an option that holds one ("茶;酒;球" with the options 茶;酒 and 球):
 * from each part on, the longest run of parts that names an option is taken whole.
 */
function splitOnOptions(raw: string, options: readonly string[]): string[] {
  const parts = raw.split(MULTI_SEPARATOR);
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let end = parts.length;
    while (end > i + 1 && !options.includes(optionOf(parts.slice(i, end).join(MULTI_SEPARATOR).trim(), options))) end -= 1;
    const value = parts.slice(i, end).join(MULTI_SEPARATOR).trim();
    if (value) out.push(optionOf(value, options));
    i = end;
  }
  return out;
}

/** Refuses values of unknown fields or of the wrong type, with the field path `custom.<fieldId>`. */
export async function checkCustomValues(ctx: Ctx, entity: CustomEntity, values: CustomValues): Promise<void> {
  const ids = Object.keys(values);
  if (ids.length === 0) return;
  const defs = await ctx.db
    .selectFrom('custom_fields')
    .select(['id', 'type', 'options'])
    .where('entity', '=', entity)
    .where('deleted_at', 'is', null)
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(defs.map((d) => [d.id, d]));
  for (const id of ids) {
    const def = byId.get(id);
    const problem = def ? problemOf({ type: def.type, options: JSON.parse(def.options) as string[] }, values[id]) : 'validation.custom_unknown';
    if (problem) throw invalidField(`custom.${id}`, problem);
  }
}

/** Stored values after a patch: patched keys replace, null removes. */
export function patchCustom(stored: CustomValues, patch: CustomValues): CustomValues {
  const merged: CustomValues = { ...stored, ...patch };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
}
