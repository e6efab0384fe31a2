// Words for what the sync engine reports in database terms: tables, columns and stored values.
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** `contacts` → 联系人; an unknown table keeps its name. */
export const tableLabel = (t: TFunction, table: string): string => t(`sync.tables.${table}`, { defaultValue: table });

/** `deleted_at` → 删除状态, `title` → 职位 (the customer field labels), else the column name. */
export function fieldLabel(t: TFunction, field: string): string {
  if (field.startsWith('custom.')) return t('sync.customField');
  return t(`sync.fields.${field}`, { defaultValue: t(`fields.${camel(field)}`, { defaultValue: field }) });
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A stored value as a person reads it: empty, a date, a list, text. */
export function valueText(t: TFunction, field: string, value: unknown): string {
  if (field === 'deleted_at') {
    return value ? t('sync.conflicts.deletedAt', { at: dayjs(String(value)).format('YYYY-MM-DD HH:mm') }) : t('sync.conflicts.notDeleted');
  }
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('sync.conflicts.emptyValue');
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('、');
  if (typeof value === 'string') return ISO.test(value) ? dayjs(value).format('YYYY-MM-DD HH:mm') : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export const when = (t: TFunction, iso: string | null): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : t('sync.never'));
