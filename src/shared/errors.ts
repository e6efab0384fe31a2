// Errors that cross the contract. The renderer translates `code` (and each field message key)
// through i18n, so messages here are i18n keys with optional parameters, never prose.

export type ErrorCode =
  | 'unknown_channel'
  | 'invalid_input'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'duplicate'
  | 'unauthenticated'
  | 'db_too_new'
  /** A long job (sync import/export) holds the database for writing; try again when it ends. */
  | 'busy'
  /** Sync bundle: not a Kehu bundle, corrupt or truncated (checksum, count, rows). */
  | 'bundle_invalid'
  /** Sync bundle made by a newer format version: upgrade this device. */
  | 'bundle_newer'
  /** Encrypted bundle and no passphrase, or the wrong one. */
  | 'bundle_wrong_passphrase'
  /** A bundle this same device exported. */
  | 'bundle_foreign'
  /** Wrong sign-in name, password or second-factor code (never says which). */
  | 'auth_failed'
  /** Too many failed sign-ins: params.until (ISO) is when the user may try again. */
  | 'locked_out'
  /** A job needed more memory than its thread may take (e.g. an import updating a huge number of records). */
  | 'too_large'
  | 'internal';

/** An i18n key of any namespace (validation.required, leads.errors.reasonRequired): zod's own prose is not. */
export const isMessageKey = (message: string) => /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/.test(message);

/** One problem with one input field: `path` is the dotted field path, `message` an i18n key. */
export interface FieldIssue {
  path: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface KehuErrorData {
  code: ErrorCode;
  /** i18n key of the whole error, e.g. `errors.not_found`. */
  message: string;
  params?: Record<string, string | number>;
  fields?: FieldIssue[];
  /** Extra structured detail (e.g. the duplicate candidates). */
  detail?: unknown;
}

export class KehuError extends Error {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly fields?: FieldIssue[];
  readonly detail?: unknown;

  constructor(data: Omit<KehuErrorData, 'message'> & { message?: string }) {
    super(data.message ?? `errors.${data.code}`);
    this.name = 'KehuError';
    this.code = data.code;
    this.params = data.params;
    this.fields = data.fields;
    this.detail = data.detail;
  }

  toData(): KehuErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
    };
  }
}

export const notFound = (entity: string, id: string) =>
  new KehuError({ code: 'not_found', params: { entity, id } });

export type Result<T> = { ok: true; data: T } | { ok: false; error: KehuErrorData };
