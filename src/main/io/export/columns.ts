// The columns of Kehu's own export, per entity: the Chinese header (the names the import's
// automatic mapping and its "Kehu export" preset recognise), the cell type and the value of a
// record. Custom fields follow the fixed columns, headed by their label; the record id comes last.
import type { Company } from '../../../shared/companies';
import type { Contact } from '../../../shared/contacts';
import type { CustomerBase } from '../../../shared/customers';
import type { CustomField } from '../../../shared/custom-fields';

/**
 * How a column's values are written. `text`: a string (formula-neutralised); `phone`: a phone or
 * id kept as text (an XLSX text cell, never a number); `date`: YYYY-MM-DD; `datetime`: an ISO
 * instant shown in local time; `number`: a number cell.
 */
export type CellKind = 'text' | 'phone' | 'date' | 'datetime' | 'number';

/** One cell's value before formatting: null is an empty cell. */
export type CellValue = string | number | null;

export interface ExportColumn<T = CustomerBase> {
  header: string;
  kind: CellKind;
  /** XLSX column width in characters. */
  width: number;
  value: (record: T) => CellValue;
}

/** Joins several values in one cell (mobiles, emails, tags, multi-select options). */
export const MULTI_SEPARATOR = ';';

/**
 * What the import splits a list cell on besides ';' (io/import/mapping.ts splitList): the other
 * list separators people type, and Google Contacts' " ::: ".
 */
export const OTHER_SEPARATORS = /:::|[,，、|；\n]/;

/**
 * Values joined by ';'. A lone value holding another separator ("A,B" as a tag) gets a trailing
 * ';', the sign to the import to split on ';' only, so it comes back whole.
 */
export const joined = (values: readonly string[]) => {
  if (values.length === 0) return null;
  const text = values.join(MULTI_SEPARATOR);
  return values.length === 1 && OTHER_SEPARATORS.test(text) ? `${text}${MULTI_SEPARATOR}` : text;
};

export const GENDER_LABEL: Record<Contact['gender'], string | null> = { male: '男', female: '女', unknown: null };
export const CATEGORY_LABEL: Record<Company['category'], string> = {
  prospect: '潜在客户',
  customer: '现有客户',
  key: '重要客户',
  lost: '流失客户',
};

const address: ExportColumn[] = [
  { header: '省', kind: 'text', width: 8, value: (r) => r.province },
  { header: '市', kind: 'text', width: 8, value: (r) => r.city },
  { header: '区', kind: 'text', width: 8, value: (r) => r.district },
  { header: '地址', kind: 'text', width: 30, value: (r) => r.address },
];

/**
 * The record's id, the last column (after the custom fields): importing the file back into the same database (or a synced one) finds
 * each row's record by it, so edits made in a spreadsheet update their records, and two records
 * kept apart on purpose (two 张伟 at one company) stay two (io/import/prepare.ts duplicateKeys).
 */
export const RECORD_ID_HEADER = '记录ID';
const recordIdColumn: ExportColumn = { header: RECORD_ID_HEADER, kind: 'text', width: 38, value: (r) => r.id };

const trailer: ExportColumn[] = [
  { header: '负责人', kind: 'text', width: 10, value: (r) => r.ownerName },
  { header: '标签', kind: 'text', width: 18, value: (r) => joined(r.tags.map((t) => t.name)) },
  { header: '备注', kind: 'text', width: 40, value: (r) => r.notes },
  { header: '创建时间', kind: 'datetime', width: 20, value: (r) => r.createdAt },
  { header: '更新时间', kind: 'datetime', width: 20, value: (r) => r.updatedAt },
];

const CONTACT_COLUMNS: ExportColumn<Contact>[] = [
  { header: '姓名', kind: 'text', width: 12, value: (r) => r.name },
  { header: '性别', kind: 'text', width: 6, value: (r) => GENDER_LABEL[r.gender] },
  { header: '职位', kind: 'text', width: 14, value: (r) => r.title },
  { header: '手机', kind: 'phone', width: 16, value: (r) => joined(r.mobiles) },
  { header: '座机', kind: 'phone', width: 16, value: (r) => r.landline },
  { header: '邮箱', kind: 'text', width: 26, value: (r) => joined(r.emails) },
  { header: '微信', kind: 'text', width: 14, value: (r) => r.wechat },
  { header: 'QQ', kind: 'phone', width: 12, value: (r) => r.qq },
  ...(address as ExportColumn<Contact>[]),
  { header: '生日', kind: 'date', width: 12, value: (r) => r.birthday },
  // Empty when the company is in the Trash (export.ts asExported).
  { header: '公司', kind: 'text', width: 24, value: (r) => r.companyName },
  ...(trailer as ExportColumn<Contact>[]),
];

const COMPANY_COLUMNS: ExportColumn<Company>[] = [
  { header: '公司名称', kind: 'text', width: 24, value: (r) => r.name },
  { header: '行业', kind: 'text', width: 12, value: (r) => r.industry },
  { header: '规模', kind: 'phone', width: 10, value: (r) => r.size },
  { header: '类别', kind: 'text', width: 8, value: (r) => CATEGORY_LABEL[r.category] },
  { header: '电话', kind: 'phone', width: 16, value: (r) => r.phone },
  { header: '网站', kind: 'text', width: 26, value: (r) => r.website },
  { header: '来源', kind: 'text', width: 12, value: (r) => r.source },
  ...(address as ExportColumn<Company>[]),
  { header: '联系人数', kind: 'number', width: 10, value: (r) => r.contactCount },
  ...(trailer as ExportColumn<Company>[]),
];

/** A custom field's column, under its header (customHeaders). */
function customColumn(field: CustomField, header: string): ExportColumn {
  const kind: CellKind = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
  return {
    header,
    kind,
    width: Math.min(30, Math.max(10, field.label.length * 2 + 2)),
    value: (r) => {
      const v = r.custom[field.id];
      if (v === undefined || v === null || v === '') return null;
      if (Array.isArray(v)) return joined(v);
      if (kind === 'number') return typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : String(v);
      return String(v);
    },
  };
}

const fixedColumns = (entity: 'contact' | 'company') => (entity === 'contact' ? CONTACT_COLUMNS : COMPANY_COLUMNS) as ExportColumn[];

/** The headers of our export's own columns (not custom fields'): such a column is that field, whatever a custom field is called. */
export const ownHeaders = (entity: 'contact' | 'company'): string[] => [...fixedColumns(entity).map((c) => c.header), RECORD_ID_HEADER];

/**
 * The headers of custom fields' columns, in the fields' order: the label, made unique against the
 * fixed headers and the fields before it as "label(2)", "label(3)"… The import maps them back so.
 */
export function customHeaders(entity: 'contact' | 'company', labels: string[]): string[] {
  const taken = new Set(ownHeaders(entity));
  return labels.map((label) => {
    let header = label;
    for (let n = 2; taken.has(header); n += 1) header = `${label}(${n})`;
    taken.add(header);
    return header;
  });
}

export function columnsOf(entity: 'contact' | 'company', fields: CustomField[]): ExportColumn[] {
  const headers = customHeaders(entity, fields.map((f) => f.label));
  return [...fixedColumns(entity), ...fields.map((f, i) => customColumn(f, headers[i]!)), recordIdColumn];
}
