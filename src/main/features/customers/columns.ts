// Between the camelCase fields of src/shared and the snake_case columns of the tables.
import { namePinyin, nameKey } from '../search';
import type { CustomerKind, Row } from './kinds';

/** Fields that are not columns of the record itself. */
const NOT_COLUMNS = new Set(['tagIds', 'custom', 'allowDuplicate']);
/** Columns stored as JSON text. */
const JSON_FIELDS = new Set(['mobiles', 'emails', 'custom']);
/** Columns only the main process reads (derived, or local to this file). */
const INTERNAL = new Set(['rid', 'name_py', 'name_initials', 'name_key', 'created_by']);

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The columns a set of fields writes; a name also writes its pinyin and duplicate key. */
export function toColumns(kind: CustomerKind, fields: Row): Row {
  const columns: Row = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || NOT_COLUMNS.has(key)) continue;
    columns[snake(key)] = JSON_FIELDS.has(key) ? JSON.stringify(value) : value;
  }
  if (typeof fields.name === 'string') Object.assign(columns, nameColumns(kind, fields.name));
  return columns;
}

function nameColumns(kind: CustomerKind, name: string): Row {
  const { py, initials } = namePinyin(name);
  const key = nameKey(name);
  return kind === 'contact' ? { name_py: py, name_initials: initials, name_key: key } : { name_py: py, name_key: key };
}

/** A loaded row (with its computed columns) as the output shape, less what only main reads. */
export function fromRow(row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (INTERNAL.has(column)) continue;
    const key = camel(column);
    out[key] = JSON_FIELDS.has(key) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  return out;
}
