// Between the camelCase fields of src/shared and the snake_case columns of the tables.
import { namePinyin, nameKey } from '../search';
import type { CustomerKind, Row } from './kinds';

/** Fields that are not columns of the record itself. */
const NOT_COLUMNS = new Set(['tagIds', 'custom', 'allowDuplicate']);
/** Columns stored as JSON text. */
const JSON_FIELDS = new Set(['mobiles', 'emails', 'custom']);
/** Columns only the main process reads (derived, or local to this file). */
const INTERNAL = new Set(['rid', 'name_py', 'name_initials', 'name_key', 'created_by']);

/** Column of a field (an import converts every field of every row: the names are kept). */
const SNAKE = new Map<string, string>();
export function snake(key: string): string {
  let column = SNAKE.get(key);
  if (column === undefined) {
    column = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    SNAKE.set(key, column);
  }
  return column;
}
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

/**
 * A SQL expression that builds the output object of a row (aliased `r`) inside SQLite, as JSON
 * text: `{"id":…,"companyId":…,"mobiles":[…]}`. One JSON.parse per row is several times cheaper
 * than better-sqlite3 making an object of every column and fromRow renaming them (list pages).
 */
export function outputJson(columns: string[]): string {
  const pairs = columns.flatMap((column) => {
    const target = outputKeyOf(column);
    if (!target) return [];
    if (!/^[a-z_]+$/.test(column)) throw new Error(`unexpected column name ${column}`);
    return [`'${target.key}', ${target.json ? `json(r.${column})` : `r.${column}`}`];
  });
  return `json_object(${pairs.join(', ')})`;
}

/** Per column: its output key (null when only main reads it) and whether it holds JSON text. */
const OUTPUT_KEY = new Map<string, { key: string; json: boolean } | null>();

function outputKeyOf(column: string): { key: string; json: boolean } | null {
  let found = OUTPUT_KEY.get(column);
  if (found === undefined) {
    const key = camel(column);
    found = INTERNAL.has(column) ? null : { key, json: JSON_FIELDS.has(key) };
    OUTPUT_KEY.set(column, found);
  }
  return found;
}

/** A loaded row (with its computed columns) as the output shape, less what only main reads. */
export function fromRow(row: Row): Row {
  const out: Row = {};
  // A list page converts thousands of cells: the column → key mapping is computed once per column.
  for (const column in row) {
    const target = outputKeyOf(column);
    if (!target) continue;
    const value = row[column];
    out[target.key] = target.json && typeof value === 'string' ? JSON.parse(value) : value;
  }
  return out;
}
