// Creating an opportunity, shared by the deals handlers and lead conversion: it starts in the
// first open stage of its pipeline (the default one unless given), with that stage's probability
// and its first stage-history row.
import { KehuError } from '../../../shared/errors';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';

export interface NewOpportunity {
  name: string;
  companyId?: string | null;
  contactId?: string | null;
  leadId?: string | null;
  pipelineId?: string | null;
  stageId?: string | null;
  amount?: number;
  currency?: string;
  expectedClose?: string | null;
  ownerId?: string;
  notes?: string | null;
  /** Overrides the stage's default win probability. */
  probability?: number | null;
  competitors?: string[];
}

/** The pipeline to use: the one given (live), else the default, else the first. */
async function pipelineOf(ctx: Ctx, pipelineId: string | null | undefined): Promise<string> {
  let q = ctx.db.selectFrom('pipelines').select('id').where('deleted_at', 'is', null);
  q = pipelineId ? q.where('id', '=', pipelineId) : q.orderBy('is_default', 'desc').orderBy('position');
  const row = await q.executeTakeFirst();
  if (!row) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'pipelineId', message: 'deals.errors.no_pipeline' }] });
  return row.id;
}

export async function createOpportunity(ctx: Ctx, input: NewOpportunity): Promise<string> {
  const pipelineId = await pipelineOf(ctx, input.pipelineId);
  let q = ctx.db
    .selectFrom('pipeline_stages')
    .select(['id', 'probability', 'kind'])
    .where('pipeline_id', '=', pipelineId)
    .where('deleted_at', 'is', null);
  q = input.stageId ? q.where('id', '=', input.stageId) : q.where('kind', '=', 'open').orderBy('position');
  const stage = await q.executeTakeFirst();
  if (!stage) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'stageId', message: 'deals.errors.no_stage' }] });
  const id = newId();
  const closed = stage.kind !== 'open';
  await ctx.changes.insert('opportunities', {
    id,
    name: input.name,
    company_id: input.companyId ?? null,
    contact_id: input.contactId ?? null,
    lead_id: input.leadId ?? null,
    pipeline_id: pipelineId,
    stage_id: stage.id,
    stage_entered_at: ctx.now,
    amount: input.amount ?? 0,
    currency: input.currency ?? 'CNY',
    probability: input.probability ?? stage.probability,
    expected_close: input.expectedClose ?? null,
    competitors: JSON.stringify(input.competitors ?? []),
    status: closed ? stage.kind : 'open',
    closed_at: closed ? ctx.now : null,
    lost_reason: null,
    notes: input.notes ?? null,
    ...(input.ownerId ? { owner_id: input.ownerId } : {}),
  });
  await ctx.changes.insert('opportunity_stage_history', { id: newId(), opportunity_id: id, stage_id: stage.id, entered_at: ctx.now, left_at: null });
  return id;
}
