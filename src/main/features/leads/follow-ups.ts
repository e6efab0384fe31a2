// Follow-ups of a lead are activities with subject_type 'lead'. The activities handlers call
// touchLead after every change to a lead's timeline.
import type { Ctx } from '../../core/context';
import { invalidField } from '../customers';

/** Refuses a follow-up on a lead that is not live. */
export async function checkLiveLead(ctx: Ctx, id: string): Promise<void> {
  const lead = await ctx.db.selectFrom('leads').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!lead) throw invalidField('subjectId', 'validation.subject_missing');
}

/**
 * The lead's last follow-up is its newest live activity; a new lead with any follow-up has been
 * contacted (a deleted follow-up never moves the status back: the contact did happen).
 */
export async function touchLead(ctx: Ctx, id: string): Promise<void> {
  const last = await ctx.db
    .selectFrom('activities')
    .select((eb) => eb.fn.max('occurred_at').as('at'))
    .where('subject_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const lead = await ctx.db.selectFrom('leads').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  const at = last?.at ?? null;
  await ctx.changes.update('leads', id, {
    last_follow_up_at: at,
    ...(at && lead.status === 'new' ? { status: 'contacted' } : {}),
  });
}
