// The pure half of an import (perf-limits §1–2 "worker thread"): a file row → the form's checks
// (mapping, ContactFields / CompanyFields, custom fields) → for a valid row everything that needs no
// database: its new id, its columns (pinyin, name key, JSON lists), its search row's tokens. Runs
// on a second thread beside the writer (prepare-stage.ts) or, for a small file, in the writer's
// own; the writer (engine.ts) then resolves duplicates, companies and tags and writes.
import type { Database as Sqlite } from 'better-sqlite3-multiple-ciphers';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/app';
import { ContactFields } from '../../../shared/contacts';
import { CompanyFields } from '../../../shared/companies';
import { LIMITS } from '../../../shared/validation';
import type { ColumnMapping, DuplicateHit, IoEntity, OnDuplicate, RowIssue } from '../../../shared/io';
import { issueLabel } from '../../../shared/io-labels';
import { newId } from '../../core/ids';
import { translator } from '../../core/translate';
import { toColumns } from '../../features/customers/columns';
import { optionOf, optionsIn, readNumber, valueProblem } from '../../features/customers/custom-values';
import { companySearchRow, contactSearchRow, nameKey } from '../../features/search';
import type { CompanyIndexFields, CompanySearchRow, ContactIndexFields, ContactSearchRow } from '../../features/search/rows';
import { CELL_MAX_CHARS, cutCell } from '../read/tokenizer';
import { isRecordId, mapRow, normalizeDate, type MappedRow } from './mapping';

type Row = Record<string, unknown>;

/**
 * The reasons of a rejected row in the app's words (the preview's, in the user's language), each
 * with its field and i18n key in brackets; a custom field by its label (`defs`).
 */
export function reasonText(t: TFunction, entity: IoEntity, errors: RowIssue[], defs: Map<string, CustomDef> = new Map()): string {
  const fields = [...defs.values()];
  return errors.map((e) => `${issueLabel(t, entity, e, fields)} (${e.field ? `${e.field}: ` : ''}${e.message})`).join('; ');
}

export interface CustomDef {
  id: string;
  label: string;
  type: string;
  options: string[];
}

export interface Checked {
  mapped: MappedRow;
  /** Parsed by the form's schema (null when rejected). */
  fields: Row | null;
  custom: Record<string, unknown>;
  errors: RowIssue[];
}

/** Problems of the row as a whole (field ''): cells beyond the header's, undecodable text, a cell longer than a cell keeps. */
function rowIssues(values: string[], width: number): RowIssue[] {
  const issues: RowIssue[] = [];
  // Cut by the CSV reader (tokenizer.ts); no field takes that many characters, whichever the column.
  if (values.some((v) => v.length > CELL_MAX_CHARS)) issues.push({ field: '', message: 'validation.cell_too_long' });
  // A longer row is mostly an unquoted delimiter in a cell: every later cell is one column off.
  if (values.length > width && values.slice(width).some((v) => v.trim() !== '')) issues.push({ field: '', message: 'validation.extra_cells' });
  // U+FFFD is what the decoder made of bytes of another encoding (one GBK row in a UTF-8 file).
  if (values.some((v) => v.includes('\uFFFD'))) issues.push({ field: '', message: 'validation.encoding' });
  return issues;
}

/** The form's checks of a row of the file; `width`: the number of the file's headers. */
export function checkRow(entity: IoEntity, defs: Map<string, CustomDef>, mapping: ColumnMapping, values: string[], width: number): Checked {
  const mapped = mapRow(entity, mapping, values);
  const errors: RowIssue[] = rowIssues(values, width);
  if (mapped.recordId !== null && !isRecordId(mapped.recordId)) errors.push({ field: 'recordId', message: 'validation.record_id' });
  const custom: Record<string, unknown> = {};
  for (const [id, raw] of Object.entries(mapped.custom)) {
    const def = defs.get(id);
    if (!def) {
      errors.push({ field: `custom.${id}`, message: 'validation.custom_unknown' });
      continue;
    }
    const value = convertCustom(def, raw);
    const problem = valueProblem(def, value);
    if (problem) errors.push({ field: `custom.${id}`, message: problem });
    else custom[id] = value;
  }
  const schema = entity === 'contact' ? ContactFields : CompanyFields;
  const parsed = schema.safeParse({ ...mapped.input, tagIds: [], custom: {} });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      const message = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
      if (!errors.some((e) => e.field === field)) errors.push({ field, message });
    }
  }
  if (entity === 'contact' && mapped.companyName && mapped.companyName.length > 100) errors.push({ field: 'company', message: 'validation.too_long' });
  if (mapped.tagNames.some((t) => t.length > 30)) errors.push({ field: 'tags', message: 'validation.too_long' });
  else if (mapped.tagNames.length > LIMITS.tags) errors.push({ field: 'tags', message: 'validation.too_many' });
  return { mapped, fields: errors.length === 0 && parsed.success ? (parsed.data as Row) : null, custom, errors };
}
function convertCustom(def: CustomDef, raw: string): unknown {
  switch (def.type) {
    case 'number':
      // As people write amounts (custom-values.ts readNumber); a changed field reads stored text by the same rule.
      return readNumber(raw) ?? raw;
    case 'date':
      return normalizeDate(raw);
    case 'select':
      return optionOf(raw, def.options);
    case 'multiselect':
      return optionsIn(raw, def.options);
    default:
      return raw;
  }
}

/** The entity's live custom fields, in the order of our export's columns (io/export/export.ts); plain data, it goes to the prepare thread as is. */
export function customDefs(sqlite: Sqlite, entity: IoEntity): CustomDef[] {
  const rows = sqlite.prepare(`SELECT id, label, type, options FROM custom_fields WHERE entity = ? AND deleted_at IS NULL ORDER BY position, label`).all(entity) as (CustomDef & { options: string })[];
  return rows.map((d) => ({ ...d, options: JSON.parse(d.options) as string[] }));
}

/** The kind of the key that is a record's id (not in customer_keys: the record's own row holds it). */
export const RECORD_KEY = 'record';

/** A key a record is found by as a duplicate (name_company: name key | company name key). */
export interface DuplicateKey {
  kind: string;
  value: string;
  by: DuplicateHit['by'];
}

/**
 * The keys a record is found by: its record id (our export's 记录ID) first, then mobile, email,
 * name (+ company) for contacts; name and phone for companies.
 */
export function duplicateKeys(entity: IoEntity, fields: Row, { companyName, recordId }: Pick<MappedRow, 'companyName' | 'recordId'>): DuplicateKey[] {
  const keys: DuplicateKey[] = recordId ? [{ kind: RECORD_KEY, value: recordId, by: 'record' }] : [];
  if (entity === 'contact') {
    for (const m of (fields.mobiles as string[]) ?? []) keys.push({ kind: 'mobile', value: m, by: 'mobile' });
    for (const e of (fields.emails as string[]) ?? []) keys.push({ kind: 'email', value: e, by: 'email' });
    const k = nameKey(String(fields.name));
    if (k && companyName) keys.push({ kind: 'name_company', value: `${k}|${nameKey(companyName)}`, by: 'name_company' });
  } else {
    const k = nameKey(String(fields.name));
    if (k) keys.push({ kind: 'name', value: k, by: 'name' });
    if (fields.phone) keys.push({ kind: 'phone', value: String(fields.phone), by: 'phone' });
  }
  return keys;
}

/** A rejected row: its cells and the reason, as the rejected-rows file writes them. */
export interface RejectedRow {
  line: number;
  rejected: { values: string[]; reason: string };
}

/**
 * A valid row, with what the writer needs to create it. It crosses threads by structured clone,
 * so it carries no more than that: the form's parsed fields (with the set of cells given and the
 * custom values) took half the clone's time, and only an update needs them, which the writer
 * checks again from the cells.
 */
export interface ValidRow {
  line: number;
  rejected?: undefined;
  companyName: string | null;
  tagNames: string[];
  keys: DuplicateKey[];
  /** The id and columns of the record if it is created (company_id null: the writer resolves it). */
  id: string;
  columns: Row;
  /** What its duplicate keys are made of (company id and name: the writer's). */
  index: Omit<ContactIndexFields, 'companyId' | 'companyName'> | CompanyIndexFields;
  /** Its search row if it is created (the company column from the file's company name). */
  search: ContactSearchRow | CompanySearchRow;
  /** The row's cells, when it may update a record (the import's duplicate policy) or be refused by its record id. */
  values?: string[];
}

export type PreparedRow = RejectedRow | ValidRow;

/** Everything the pure half needs (structured-clone safe). */
export interface PrepareSpec {
  entity: IoEntity;
  mapping: ColumnMapping;
  defs: CustomDef[];
  onDuplicate: OnDuplicate;
  /** The number of the file's headers. */
  width: number;
  /** The language of the rejected rows' reasons (the data folder's). */
  locale: Locale;
}

export class RowPreparer {
  private readonly defs: Map<string, CustomDef>;
  private readonly t: TFunction;

  constructor(private readonly spec: PrepareSpec) {
    this.defs = new Map(spec.defs.map((d) => [d.id, d]));
    this.t = translator(spec.locale);
  }

  /** Whether the writer may need the row's cells: to update a record, or to refuse a row by its record id. */
  private keepsCells(checked: Checked): boolean {
    const { onDuplicate } = this.spec;
    return onDuplicate === 'update_empty' || onDuplicate === 'overwrite' || (onDuplicate === 'skip' && checked.mapped.recordId !== null);
  }

  prepare(line: number, values: string[]): PreparedRow {
    const { entity } = this.spec;
    const checked = checkRow(entity, this.defs, this.spec.mapping, values, this.spec.width);
    // The rejected-rows file holds a cell as the CSV reader keeps it, from any reader.
    if (!checked.fields) return { line, rejected: { values: values.map(cutCell), reason: reasonText(this.t, entity, checked.errors, this.defs) } };
    const { ownerId: _o, tagIds: _t, custom: _c, ...plain } = checked.fields;
    // Set as the writer sets it (after the other fields' keys), so the columns keep their order.
    if (entity === 'contact') plain.companyId = null;
    const columns: Row = { ...toColumns(entity, plain), custom: JSON.stringify(checked.custom) };
    const { companyName } = checked.mapped;
    const name = String(plain.name);
    let index: ValidRow['index'];
    let search: ValidRow['search'];
    if (entity === 'contact') {
      const contact = { name, mobiles: plain.mobiles as string[], landline: plain.landline as string | null, emails: plain.emails as string[] };
      index = contact;
      search = contactSearchRow({ ...contact, pinyin: { py: String(columns.name_py), initials: String(columns.name_initials) }, companyId: null, companyName });
    } else {
      index = { name, phone: plain.phone as string | null, website: plain.website as string | null };
      search = companySearchRow(index);
    }
    return {
      line,
      companyName,
      tagNames: checked.mapped.tagNames,
      keys: duplicateKeys(entity, checked.fields, checked.mapped),
      id: newId(),
      columns,
      index,
      search,
      ...(this.keepsCells(checked) ? { values } : {}),
    };
  }
}
