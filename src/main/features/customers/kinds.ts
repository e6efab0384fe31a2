// What the shared customer code needs to know about one kind of customer (company or contact):
// each kind's folder fills one CustomerSpec, the code in this folder does the rest.
import type { RawBuilder } from 'kysely';
import type { Kysely } from 'kysely';
import type { DuplicateCandidate } from '../../../shared/customers';
import type { Ctx } from '../../core/context';
import type { Viewer } from '../../core/visibility';
import type { Database } from '../../db/schema';

export type CustomerKind = 'contact' | 'company';
export type CustomerTable = 'contacts' | 'companies';
export const TABLE_OF: Record<CustomerKind, CustomerTable> = { contact: 'contacts', company: 'companies' };

export type Row = Record<string, unknown>;

export interface CustomerSpec {
  kind: CustomerKind;
  table: CustomerTable;
  /** Computed output columns of this kind, selected next to `r.*` (the row is aliased `r`). */
  extraColumns: RawBuilder<unknown>;
  /** Fields a merge may take from either record. */
  mergeFields: readonly string[];
  /** List filters of this kind only: filter key → column compared for equality. */
  eqFilters: Record<string, string>;
  /** Live records like `fields` that the viewer can see. */
  findDuplicates(db: Kysely<Database>, viewer: Viewer, fields: Row): Promise<DuplicateCandidate[]>;
  /** Refuses links to records that do not exist (e.g. a contact's company). */
  checkLinks(ctx: Ctx, fields: Row): Promise<void>;
  /** Moves what points at `otherId` to `survivorId` beyond tags and timeline (e.g. contacts). */
  moveLinks(ctx: Ctx, survivorId: string, otherId: string): Promise<void>;
}
