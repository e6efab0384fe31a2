// PLACEHOLDER — the search helper replaces this file.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export type CustomerKind = 'contact' | 'company';

/**
 * Brings the search index (FTS rows) and duplicate keys of these records up to date with their
 * rows: live rows are (re)indexed, soft-deleted ones removed. Call after every write, in the
 * same transaction. For companies, also refreshes their contacts' `company` search column.
 */
export async function refreshCustomerIndex(_db: Kysely<Database>, _kind: CustomerKind, _ids: string[]): Promise<void> {}

/** Removes these records from the index; call before purging the rows for good. */
export async function dropFromCustomerIndex(_db: Kysely<Database>, _kind: CustomerKind, _ids: string[]): Promise<void> {}
