// How contacts differ from companies for the shared customer code (../customers).
import { sql } from 'kysely';
import { ContactFields } from '../../../shared/contacts';
import type { Ctx } from '../../core/context';
import { visibleTo } from '../../core/visibility';
import { invalidField, refreshLastContacted, type CustomerSpec } from '../customers';
import { findContactDuplicates } from '../search';

/** A contact may only belong to a live company the caller can see. */
async function checkLinks(ctx: Ctx, fields: Record<string, unknown>): Promise<void> {
  const companyId = fields.companyId as string | null | undefined;
  if (!companyId) return;
  const company = await ctx.db
    .selectFrom('companies')
    .select('id')
    .where('id', '=', companyId)
    .where('deleted_at', 'is', null)
    .where(visibleTo(ctx.session, 'companies', 'companies'))
    .executeTakeFirst();
  if (!company) throw invalidField('companyId', 'validation.company_missing');
}

/**
 * The survivor's timeline (with the moved activities) counts for the survivor's company; both
 * companies' last-contacted times follow.
 */
async function moveLinks(ctx: Ctx, survivorId: string, otherId: string): Promise<void> {
  const people = await ctx.db.selectFrom('contacts').select(['id', 'company_id']).where('id', 'in', [survivorId, otherId]).execute();
  const companyOf = new Map(people.map((p) => [p.id, p.company_id]));
  const activities = await ctx.db.selectFrom('activities').select('id').where('subject_id', '=', survivorId).execute();
  for (const { id } of activities) await ctx.changes.update('activities', id, { company_id: companyOf.get(survivorId) ?? null });
  for (const companyId of new Set(companyOf.values())) if (companyId) await refreshLastContacted(ctx, 'company', companyId);
}

export const contactSpec: CustomerSpec = {
  kind: 'contact',
  table: 'contacts',
  // The company's name even when it is in the Trash (the screen marks it), never a blank.
  extraColumns: sql`(SELECT k.name FROM companies k WHERE k.id = r.company_id) AS company_name,
    (SELECT k.deleted_at FROM companies k WHERE k.id = r.company_id) AS company_deleted_at`,
  mergeFields: Object.keys(ContactFields.shape).filter((f) => f !== 'tagIds'),
  eqFilters: { companyId: 'company_id' },
  findDuplicates: (db, viewer, f) =>
    findContactDuplicates(db, viewer, {
      name: f.name as string,
      mobiles: (f.mobiles as string[] | undefined) ?? [],
      emails: (f.emails as string[] | undefined) ?? [],
      companyId: f.companyId as string | null,
    }),
  checkLinks,
  moveLinks,
};
