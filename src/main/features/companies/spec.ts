// How companies differ from contacts for the shared customer code (../customers).
import { sql } from 'kysely';
import { CompanyFields } from '../../../shared/companies';
import type { Ctx } from '../../core/context';
import type { CustomerSpec } from '../customers';
import { findCompanyDuplicates } from '../search';

/** A merged-away company's contacts and their timeline now belong to the survivor. */
async function moveLinks(ctx: Ctx, survivorId: string, otherId: string): Promise<void> {
  const contacts = await ctx.db.selectFrom('contacts').select('id').where('company_id', '=', otherId).execute();
  for (const { id } of contacts) await ctx.changes.update('contacts', id, { company_id: survivorId });
  const activities = await ctx.db.selectFrom('activities').select('id').where('company_id', '=', otherId).execute();
  for (const { id } of activities) await ctx.changes.update('activities', id, { company_id: survivorId });
}

export const companySpec: CustomerSpec = {
  kind: 'company',
  table: 'companies',
  extraColumns: sql`(SELECT count(*) FROM contacts k WHERE k.company_id = r.id AND k.deleted_at IS NULL) AS contact_count`,
  mergeFields: Object.keys(CompanyFields.shape).filter((f) => f !== 'tagIds'),
  eqFilters: { category: 'category' },
  findDuplicates: (db, viewer, f) => findCompanyDuplicates(db, viewer, { name: f.name as string, phone: f.phone as string | null }),
  checkLinks: async () => {},
  moveLinks,
};
