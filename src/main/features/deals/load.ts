// Reading opportunities as the contract shows them: names of the linked company, contact, stage
// and owner, the weighted amount, and (for one) its line items and stage history.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Opportunity, OpportunityDetail, StageKind, StageVisit } from '../../../shared/deals';
import { notFound } from '../../../shared/errors';
import type { Database } from '../../db/schema';
import { listLineItems } from '../sales/line-items';

/** amount × probability / 100 rounded to a fen, the same in SQL sums and in each row. */
export const WEIGHTED = sql<number>`CAST(round(o.amount * o.probability / 100.0) AS INTEGER)`;

export interface DealRow {
  rid: number;
  id: string;
  name: string;
  company_id: string | null;
  company_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  lead_id: string | null;
  pipeline_id: string;
  stage_id: string;
  stage_name: string | null;
  stage_kind: string | null;
  stage_entered_at: string;
  amount: number;
  currency: string;
  probability: number;
  weighted: number;
  expected_close: string | null;
  competitors: string;
  status: string;
  closed_at: string | null;
  lost_reason: string | null;
  notes: string | null;
  owner_id: string;
  owner_name: string | null;
  line_count: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The SELECT ... FROM of opportunity rows (alias o); callers add WHERE/ORDER BY. */
export const selectDeals = (extra: RawBuilder<unknown> = sql`NULL AS "$v"`) => sql`
  SELECT o.rid, o.id, o.name, o.company_id, c.name AS company_name, o.contact_id, p.name AS contact_name, o.lead_id,
    o.pipeline_id, o.stage_id, s.name AS stage_name, s.kind AS stage_kind, o.stage_entered_at,
    o.amount, o.currency, o.probability, ${WEIGHTED} AS weighted, o.expected_close, o.competitors,
    o.status, o.closed_at, o.lost_reason, o.notes, o.owner_id, u.name AS owner_name,
    (SELECT count(*) FROM line_items l WHERE l.parent_type = 'opportunity' AND l.parent_id = o.id AND l.deleted_at IS NULL) AS line_count,
    o.created_at, o.updated_at, o.deleted_at, ${extra}
  FROM opportunities o
    LEFT JOIN companies c ON c.id = o.company_id
    LEFT JOIN contacts p ON p.id = o.contact_id
    LEFT JOIN pipeline_stages s ON s.id = o.stage_id
    LEFT JOIN users u ON u.id = o.owner_id`;

export function toOpportunity(r: DealRow): Opportunity {
  return {
    id: r.id,
    name: r.name,
    companyId: r.company_id,
    companyName: r.company_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    leadId: r.lead_id,
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    stageName: r.stage_name ?? '',
    stageKind: (r.stage_kind ?? r.status) as StageKind,
    stageEnteredAt: r.stage_entered_at,
    amount: r.amount,
    currency: r.currency,
    probability: r.probability,
    weighted: r.weighted,
    expectedClose: r.expected_close,
    competitors: parseList(r.competitors),
    status: r.status as StageKind,
    closedAt: r.closed_at,
    lostReason: r.lost_reason,
    notes: r.notes,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    lineCount: r.line_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** A JSON list written by another device may be damaged: show what can be read. */
function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** One opportunity (also from the Trash) with its lines and stage history. */
export async function getDeal(db: Kysely<Database>, id: string, now: string): Promise<OpportunityDetail> {
  const { rows } = await sql<DealRow>`${selectDeals()} WHERE o.id = ${id}`.execute(db);
  if (!rows[0]) throw notFound('opportunity', id);
  return { ...toOpportunity(rows[0]), lines: await listLineItems(db, 'opportunity', id), history: await stageHistory(db, id, now) };
}

/** Each stay in a stage, oldest first, with the time spent there (until `now` for the current one). */
export async function stageHistory(db: Kysely<Database>, opportunityId: string, now: string): Promise<StageVisit[]> {
  const rows = await db
    .selectFrom('opportunity_stage_history as h')
    .leftJoin('pipeline_stages as s', 's.id', 'h.stage_id')
    .select(['h.id', 'h.stage_id', 's.name', 's.kind', 'h.entered_at', 'h.left_at'])
    .where('h.opportunity_id', '=', opportunityId)
    .where('h.deleted_at', 'is', null)
    .orderBy('h.entered_at')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    stageId: r.stage_id,
    stageName: r.name ?? '',
    stageKind: (r.kind ?? 'open') as StageKind,
    enteredAt: r.entered_at,
    leftAt: r.left_at,
    durationMs: Math.max(0, Date.parse(r.left_at ?? now) - Date.parse(r.entered_at)),
  }));
}
