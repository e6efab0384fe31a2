// Import and export of contacts and companies (issue #3): uploads in chunks, inspection with a
// suggested mapping and a validated preview, saved mappings, the import job (all or nothing, with
// a rejected-rows file and undo), the export job and downloads in chunks. The long parts run as
// jobs (shared/jobs.ts): `io.startImport` / `io.startExport` return a job id, `jobs.get` polls it.
import { z } from 'zod';
import { channel } from './contract-kit';
import { listSort } from './customers';
import { ContactList } from './contacts';
import { CompanyList } from './companies';
import type { JobStarted } from './jobs';
import { idField } from './validation';

export const IoEntity = z.enum(['contact', 'company']);
export type IoEntity = z.infer<typeof IoEntity>;

/** Largest decoded chunk of an upload or a download (4 MB). */
export const IO_CHUNK_BYTES = 4 * 1024 * 1024;
/** Base64 length of a full chunk (4/3, rounded up to a multiple of 4). */
const CHUNK_B64 = Math.ceil(IO_CHUNK_BYTES / 3) * 4;

export type SourceFormat = 'csv' | 'xlsx' | 'vcard';

/** What the reader found out about a file (src/main/io/read). */
export interface SourceInfo {
  format: SourceFormat;
  /** Detected or chosen text encoding (`utf-8`, `gbk`, ...); `''` for xlsx. */
  encoding: string;
  /** CSV delimiter (`,`, `;`, `\t`, `|`); `''` for other formats. */
  delimiter: string;
  /** Sheet names of a workbook (empty otherwise). */
  sheets: string[];
  /** The sheet read. */
  sheet: string;
  /** Column headers of the first row (vCard: fixed headers). */
  headers: string[];
}

// ---- Mapping targets ----------------------------------------------------------------------------

/** Contact columns a file column can fill. `mobiles`/`emails` may come from several columns. */
export const CONTACT_TARGETS = [
  'name',
  'gender',
  'title',
  'mobiles',
  'landline',
  'emails',
  'wechat',
  'qq',
  'province',
  'city',
  'district',
  'address',
  'birthday',
  /** Company by name: linked when it exists, created when missing. */
  'company',
  'notes',
  /** Tag names separated by `;` `,` `、` or `；`: created when missing. */
  'tags',
  /** Google / Outlook split names: combined as last + first (Chinese order without a space). */
  'firstName',
  'lastName',
  /** A Kehu record id (our export's 记录ID): the row is that record, when it is here. */
  'recordId',
] as const;

export const COMPANY_TARGETS = [
  'name',
  'industry',
  'size',
  'province',
  'city',
  'district',
  'address',
  'website',
  'phone',
  'source',
  /** 潜在客户 / 现有客户 / 重要客户 / 流失客户 or prospect / customer / key / lost. */
  'category',
  'notes',
  'tags',
  'recordId',
] as const;

export type ContactTarget = (typeof CONTACT_TARGETS)[number];
export type CompanyTarget = (typeof COMPANY_TARGETS)[number];

/**
 * Where one file column goes: a field of the entity, `custom:<fieldId>` (a custom field) or
 * `ignore`. Checked against the entity by the import (an unknown target is `invalid_input`).
 */
export const MappingTarget = z
  .string()
  .max(80)
  .regex(/^(ignore|[a-zA-Z]+|custom:[\w-]+)$/, 'validation.mapping_target');
export type MappingTarget = z.infer<typeof MappingTarget>;

/** Column index (as a string, JSON object keys) → target. Columns not named are ignored. */
export const ColumnMapping = z.record(z.string().regex(/^\d{1,4}$/), MappingTarget);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** What to do with a row that matches an existing record (or an earlier row of the same file). */
export const OnDuplicate = z.enum([
  /** Keep the existing record, skip the row. */
  'skip',
  /** Fill only the existing record's empty fields (lists: add new numbers/addresses). */
  'update_empty',
  /** Overwrite the existing record's fields with the row's non-empty values. */
  'overwrite',
  /** Create a new record anyway. */
  'create',
]);
export type OnDuplicate = z.infer<typeof OnDuplicate>;

// ---- Inspection ---------------------------------------------------------------------------------

/** One problem with one field of a row: `field` is the target, `message` an i18n key. */
export interface RowIssue {
  field: string;
  message: string;
}

export interface DuplicateHit {
  /** `existing`: a record already in the database; `file`: an earlier row of the same file. */
  source: 'existing' | 'file';
  /**
   * How it matched: the record id of our export, a contact's mobile, email, or name with its
   * company; a company's name or phone.
   */
  by: 'record' | 'mobile' | 'email' | 'name_company' | 'name' | 'phone';
  /** The existing record's id and name (source `existing`), or the earlier row's line (`file`). */
  id?: string;
  name?: string;
  line?: number;
}

export interface PreviewRow {
  /** 1-based line (CSV) or row number (xlsx) or card number (vCard) in the source. */
  line: number;
  /** The row as it would be stored (normalised): target → value, e.g. mobiles: ['13812345678']. */
  values: Record<string, unknown>;
  /** Empty when the row would be accepted. */
  errors: RowIssue[];
  duplicate: DuplicateHit | null;
}

export interface InspectResult {
  uploadId: string;
  fileName: string;
  info: SourceInfo;
  /** Suggested mapping from the headers (column index → target). */
  mapping: ColumnMapping;
  /** The first rows (up to 20) as they would be stored, with errors and duplicates. */
  preview: PreviewRow[];
}

// ---- Saved mappings -----------------------------------------------------------------------------

export interface SavedMapping {
  id: string;
  name: string;
  entity: IoEntity;
  /** By header name, so that a mapping fits any file with those headers. */
  columns: Record<string, MappingTarget>;
  /** Built in (Google Contacts CSV, Outlook CSV, Kehu export): cannot be deleted. */
  builtin: boolean;
}

/** Header as compared: lower case, without spaces, dashes, underscores, colons, dots, brackets. */
export const headerKey = (h: string) => h.normalize('NFKC').toLowerCase().replace(/[\s\-_:.()/*\u200b-\u200d]+/g, '');

/** Targets several columns may fill (lists, notes joined); the others take one column. */
export const MULTI_TARGETS = new Set(['mobiles', 'emails', 'tags', 'notes']);

/**
 * A saved mapping (by header name) applied to a file's headers. A column it does not name keeps a
 * custom field target of `current` (the file's own header names the field): our presets know no
 * custom fields, and a mapping saved before a field existed does not either.
 */
export function applySaved(saved: Pick<SavedMapping, 'columns'>, headers: string[], current: ColumnMapping = {}): ColumnMapping {
  const byKey = new Map(Object.entries(saved.columns).map(([h, t]) => [headerKey(h), t]));
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  headers.forEach((h, i) => {
    const kept = current[String(i)];
    const t = byKey.get(headerKey(h)) ?? (kept?.startsWith('custom:') ? kept : undefined);
    if (!t || t === 'ignore' || (used.has(t) && !MULTI_TARGETS.has(t))) return;
    used.add(t);
    mapping[String(i)] = t;
  });
  return mapping;
}

// ---- Import -------------------------------------------------------------------------------------

/** A CSV delimiter the reader takes: one character other than a quote or a line break, 'tab' or '\t' spelled out, or '' (detect). */
export const isCsvDelimiter = (d: string): boolean => d === '' || d === 'tab' || d === '\\t' || (d.length === 1 && !'"\r\n'.includes(d));
const CsvDelimiter = z.string().max(4).refine(isCsvDelimiter, 'validation.invalid_value');

export const ImportOptions = z.object({
  encoding: z.string().max(40).optional(),
  delimiter: CsvDelimiter.optional(),
  sheet: z.string().max(200).optional(),
  onDuplicate: OnDuplicate.default('skip'),
  fileName: z.string().max(255).default(''),
  /** Validate and count, write nothing (the job rolls back). */
  dryRun: z.boolean().default(false),
});

export const StartImportInput = z.object({
  uploadId: idField,
  entity: IoEntity,
  mapping: ColumnMapping,
  options: ImportOptions.default({ onDuplicate: 'skip', fileName: '', dryRun: false }),
});

/** The result of an `io.import` job. */
export interface ImportResult {
  /** Id in the import history (`null` for a dry run). */
  importId: string | null;
  dryRun: boolean;
  /** Rows read (header excluded). */
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** Companies and tags created along the way. */
  companiesCreated: number;
  tagsCreated: number;
  /** Download id of the rejected rows (CSV, UTF-8 with BOM, extra 原因/reason column). */
  rejectedFile?: string;
}

export interface ImportHistoryEntry {
  id: string;
  at: string;
  userId: string;
  userName: string;
  fileName: string;
  entity: IoEntity;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  undoneAt: string | null;
  /** Whether undo is offered (not undone yet, something was written); it may still be refused. */
  undoable: boolean;
  /**
   * Whether an undo leaves the tags the import created: a sync bundle was written since, so other
   * devices may use them. Otherwise the undo deletes those no record carries any more.
   */
  undoKeepsTags: boolean;
}

export interface UndoImportResult {
  /** Records created by the import and now in the Trash. */
  removed: number;
  /** Records the import updated, now back to their previous values. */
  restored: number;
}

// ---- Export -------------------------------------------------------------------------------------

export const ExportFormat = z.enum(['csv', 'csv-gbk', 'xlsx', 'vcf']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const StartExportInput = z
  .discriminatedUnion('entity', [
    z.object({ entity: z.literal('contact'), format: ExportFormat, filter: ContactList.shape.filter, ...listSort }),
    z.object({ entity: z.literal('company'), format: ExportFormat, filter: CompanyList.shape.filter, ...listSort }),
  ])
  // A vCard is a person's card: a company's industry, size, category, tags, custom fields and
  // more have no place in it and would be lost, so only contacts export to vCard (as in the UI).
  .refine((i) => i.entity === 'contact' || i.format !== 'vcf', { path: ['format'], message: 'io.vcard_contacts_only' });
export type StartExportInput = z.output<typeof StartExportInput>;

/** The result of an `io.export` job. */
export interface ExportResult {
  downloadId: string;
  fileName: string;
  rows: number;
}

export interface DownloadChunk {
  /** Base64 of up to 4 MB from `offset`. */
  data: string;
  done: boolean;
  size: number;
  fileName: string;
}

// ---- Channels -----------------------------------------------------------------------------------

export const ioContract = {
  /**
   * Sends a chosen file in chunks (first chunk without `uploadId`, offset 0). Chunks must follow
   * each other without gaps. Stored under <dataDir>/uploads/<id>; removed after a day.
   */
  'io.upload': channel<{ uploadId: string }>()({
    kind: 'query',
    permission: 'data.import',
    input: z.object({
      uploadId: idField.optional(),
      name: z.string().min(1).max(255),
      offset: z.number().int().min(0),
      data: z.string().max(CHUNK_B64),
      done: z.boolean().default(false),
    }),
  }),
  'io.inspect': channel<InspectResult>()({
    kind: 'query',
    permission: 'data.import',
    input: z.object({
      uploadId: idField,
      entity: IoEntity,
      encoding: z.string().max(40).optional(),
      delimiter: CsvDelimiter.optional(),
      sheet: z.string().max(200).optional(),
      /** Preview with this mapping instead of the suggested one. */
      mapping: ColumnMapping.optional(),
    }),
  }),
  'io.mappings': channel<SavedMapping[]>()({
    kind: 'query',
    permission: 'data.import',
    input: z.object({ entity: IoEntity.optional() }),
  }),
  'io.saveMapping': channel<SavedMapping>()({
    kind: 'mutation',
    permission: 'data.import',
    entity: 'import_mapping',
    input: z.object({
      /** Replaces the saved mapping of the same name and entity. */
      name: z.string().trim().min(1, 'validation.required').max(60, 'validation.too_long'),
      entity: IoEntity,
      columns: z.record(z.string().max(200), MappingTarget),
    }),
  }),
  'io.deleteMapping': channel<void>()({
    kind: 'mutation',
    permission: 'data.import',
    entity: 'import_mapping',
    input: z.object({ id: idField }),
  }),
  /** Starts the import job (kind `io.import`); its result is an ImportResult. */
  'io.startImport': channel<JobStarted>()({ kind: 'query', permission: 'data.import', input: StartImportInput }),
  'io.imports': channel<ImportHistoryEntry[]>()({
    kind: 'query',
    permission: 'data.import',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
  }),
  /**
   * Starts the undo of an import (job kind `io.undo`, one all-or-nothing transaction, synced; its
   * result is an UndoImportResult): records it created go to the Trash, records it updated get
   * their previous values back. An unknown import is refused at once (`not_found`), so is one
   * undone already (`conflict`, `io.undo_already`). The job fails with `conflict` when any record
   * was edited or deleted since (`io.undo_changed_since`, params.changed = how many) or when other
   * records use what it created (`io.undo_has_dependents`, params.count). `entity` names the
   * job's audit row (audited under this channel).
   */
  'io.undoImport': channel<JobStarted>()({
    kind: 'query',
    permission: 'data.import',
    entity: 'import',
    input: z.object({ importId: idField }),
  }),
  /** Starts the export job (kind `io.export`); its result is an ExportResult. */
  'io.startExport': channel<JobStarted>()({ kind: 'query', permission: 'data.export', input: StartExportInput }),
  /** A chunk of a prepared file (an export or an import's rejected rows); removed after a day. */
  'io.download': channel<DownloadChunk>()({
    kind: 'query',
    permission: 'data.export',
    input: z.object({ downloadId: idField, offset: z.number().int().min(0).default(0) }),
  }),
};
