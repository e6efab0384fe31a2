// Words for the import and export screens: mapping targets offered, encodings, delimiters, values
// (a target's and a row issue's label: shared/io-labels.ts).
import type { TFunction } from 'i18next';
import type { CustomField } from '../../../shared/custom-fields';
import { COMPANY_TARGETS, CONTACT_TARGETS, type IoEntity, type SavedMapping } from '../../../shared/io';
import { IGNORE, targetLabel } from '../../../shared/io-labels';

/** Encoding overrides offered (iconv-lite names the reader takes); '' is automatic. */
export const ENCODINGS = ['', 'utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'] as const;
export const DELIMITERS = ['', ',', ';', '\t', '|'] as const;

export function encodingLabel(t: TFunction, encoding: string): string {
  const e = encoding.toLowerCase();
  if (!e) return t('io.mapping.auto');
  if (e === 'utf-8' || e === 'utf8') return 'UTF-8';
  if (e === 'utf-8-bom' || e === 'utf-8 bom') return 'UTF-8 BOM';
  if (e === 'gb18030' || e === 'gbk' || e === 'gb2312') return 'GBK';
  if (e === 'utf-16le') return 'UTF-16 LE';
  if (e === 'utf-16be') return 'UTF-16 BE';
  if (e === 'big5') return 'Big5';
  return encoding.toUpperCase();
}

export function delimiterLabel(t: TFunction, delimiter: string): string {
  switch (delimiter) {
    case '':
      return t('io.mapping.auto');
    case ',':
      return t('io.delimiters.comma');
    case ';':
      return t('io.delimiters.semicolon');
    case '\t':
      return t('io.delimiters.tab');
    case '|':
      return t('io.delimiters.pipe');
    default:
      return delimiter;
  }
}

/** The targets a column of `entity` can go to: fields, custom fields, or nowhere. */
export function targetOptions(t: TFunction, entity: IoEntity, custom: CustomField[]) {
  const fields = entity === 'contact' ? CONTACT_TARGETS : COMPANY_TARGETS;
  return [
    { value: IGNORE, label: t('io.mapping.ignore') },
    ...fields.map((f) => ({ value: f as string, label: targetLabel(t, entity, f, custom) })),
    ...custom.filter((f) => f.entity === entity).map((f) => ({ value: `custom:${f.id}`, label: targetLabel(t, entity, `custom:${f.id}`, custom) })),
  ];
}

/** A row's value for a target: a custom field's is under `custom`, by the field's id. */
function valueOf(values: Record<string, unknown>, target: string): unknown {
  if (target.startsWith('custom:')) return (values.custom as Record<string, unknown> | undefined)?.[target.slice(7)];
  return values[target];
}

/**
 * A saved mapping's name as shown: a built-in preset's in the user's language (by its id, e.g.
 * `preset-google`; its stored name is what `kehu import --map` takes), a user's own as saved.
 */
export function mappingLabel(t: TFunction, mapping: Pick<SavedMapping, 'id' | 'name' | 'builtin'>): string {
  return mapping.builtin ? t(`io.mapping.presets.${mapping.id}`, { defaultValue: mapping.name }) : mapping.name;
}

/**
 * A preview cell as the app shows the stored value: gender and a company's category by their
 * labels (the stored codes male, prospect … mean nothing to a user); "unknown" gender as empty,
 * as a form leaves it. A value the form refused stays as the file had it.
 */
export function previewText(t: TFunction, values: Record<string, unknown>, target: string): string {
  const value = valueOf(values, target);
  if (target === 'gender') return value === 'unknown' ? '' : t(`gender.${String(value)}`, { defaultValue: valueText(value) });
  if (target === 'category') return t(`category.${String(value)}`, { defaultValue: valueText(value) });
  return valueText(value);
}

/** A stored value as text: lists joined, empty as ''. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(valueText).filter(Boolean).join(' ');
  return String(value);
}
