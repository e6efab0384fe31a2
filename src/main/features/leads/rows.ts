// Reading leads: one SELECT (with the owner's name and the overdue flag) for the list and the
// detail, and the row → output shape.
import { sql, type RawBuilder } from 'kysely';
import { notFound } from '../../../shared/errors';
import { CLOSED_STATUSES, type Lead, type LeadStatus } from '../../../shared/leads';
import type { Ctx } from '../../core/context';
import { visibleTo } from '../../core/visibility';

export interface LeadRow {
  rid: number;
  id: string;
  name: string;
  company_name: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  source: string | null;
  status: LeadStatus;
  invalid_reason: string | null;
  owner_id: string;
  owner_name: string | null;
  notes: string | null;
  next_follow_up_at: string | null;
  last_follow_up_at: string | null;
  overdue: number;
  converted_at: string | null;
  converted_company_id: string | null;
  converted_contact_id: string | null;
  converted_opportunity_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const closed = sql.join(CLOSED_STATUSES.map((s) => sql`${s}`));

/** Open lead whose next follow-up is before `now` (the lead row is aliased `l`). */
export const overdueCondition = (now: string): RawBuilder<unknown> =>
  sql`(l.next_follow_up_at IS NOT NULL AND l.next_follow_up_at < ${now} AND l.status NOT IN (${closed}))`;

/** Leads (aliased `l`) with their owner's name, the overdue flag and any extra columns. */
export const selectLeads = (now: string, extra: RawBuilder<unknown> = sql``) =>
  sql`SELECT l.*, u.name AS owner_name, ${overdueCondition(now)} AS overdue ${extra}
      FROM leads l LEFT JOIN users u ON u.id = l.owner_id`;

export const toLead = (r: LeadRow): Lead => ({
  id: r.id,
  name: r.name,
  companyName: r.company_name,
  title: r.title,
  mobile: r.mobile,
  email: r.email,
  wechat: r.wechat,
  source: r.source,
  status: r.status,
  invalidReason: r.invalid_reason,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  notes: r.notes,
  nextFollowUpAt: r.next_follow_up_at,
  lastFollowUpAt: r.last_follow_up_at,
  overdue: r.overdue === 1,
  convertedAt: r.converted_at,
  convertedCompanyId: r.converted_company_id,
  convertedContactId: r.converted_contact_id,
  convertedOpportunityId: r.converted_opportunity_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

/** A lead the caller can see, live unless `withDeleted`. */
export async function loadLead(ctx: Ctx, id: string, withDeleted = false): Promise<Lead> {
  const live = withDeleted ? sql`` : sql`AND l.deleted_at IS NULL`;
  const { rows } = await sql<LeadRow>`${selectLeads(ctx.now)}
    WHERE l.id = ${id} ${live} AND ${visibleTo(ctx.session, 'leads', 'l')}`.execute(ctx.db);
  if (!rows[0]) throw notFound('lead', id);
  return toLead(rows[0]);
}
