// Moving an opportunity to a stage: the stay in the current stage ends (left_at), a new one
// begins, the probability becomes the stage's, and the status follows the stage's kind (won or
// lost closes it, back to an open stage reopens it). Lost needs a reason.
import type { z } from 'zod';
import type { DealMove } from '../../../shared/deals';
import { notFound } from '../../../shared/errors';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import { invalidField } from '../customers';

export async function moveDeal({ id, stageId, lostReason }: z.output<typeof DealMove>, ctx: Ctx): Promise<void> {
  const deal = await ctx.db
    .selectFrom('opportunities')
    .select(['stage_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!deal) throw notFound('opportunity', id);
  const stage = await ctx.db
    .selectFrom('pipeline_stages')
    .select(['id', 'pipeline_id', 'probability', 'kind'])
    .where('id', '=', stageId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!stage) throw invalidField('stageId', 'deals.errors.no_stage');
  if (stage.kind === 'lost' && !lostReason) throw invalidField('lostReason', 'deals.errors.lost_reason_required');
  if (stage.id === deal.stage_id) {
    // Already there: only a new lost reason is worth keeping.
    if (stage.kind === 'lost') await ctx.changes.update('opportunities', id, { lost_reason: lostReason });
    return;
  }
  await endStay(ctx, id);
  await ctx.changes.insert('opportunity_stage_history', { id: newId(), opportunity_id: id, stage_id: stage.id, entered_at: ctx.now, left_at: null });
  const closed = stage.kind !== 'open';
  await ctx.changes.update('opportunities', id, {
    pipeline_id: stage.pipeline_id,
    stage_id: stage.id,
    stage_entered_at: ctx.now,
    probability: stage.probability,
    status: stage.kind,
    closed_at: closed ? ctx.now : null,
    lost_reason: stage.kind === 'lost' ? lostReason : null,
  });
}

/** Ends every open stay (normally one; two devices moving it offline may leave two). */
async function endStay(ctx: Ctx, opportunityId: string): Promise<void> {
  const open = await ctx.db
    .selectFrom('opportunity_stage_history')
    .select('id')
    .where('opportunity_id', '=', opportunityId)
    .where('left_at', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  for (const row of open) await ctx.changes.update('opportunity_stage_history', row.id, { left_at: ctx.now });
}
