import type { z } from 'zod';
import type { ActivityCreate, activitiesContract } from '../../../shared/activities';
import type { Ctx, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';
import { checkVisible } from '../../core/visibility';
import { invalidField, refreshLastContacted, TABLE_OF } from '../customers';
import { checkLiveLead, touchLead } from '../leads/follow-ups';
import { listActivities, loadActivity } from './queries';

type Subject = Pick<z.output<typeof ActivityCreate>, 'subjectType' | 'subjectId'>;

/** A timeline is visible with its subject (not_found otherwise). */
const checkSubject = (ctx: Ctx, { subjectType, subjectId }: Subject) => checkVisible(ctx.db, ctx.session, subjectType, subjectId);

/** The id of a timeline's subject may be a company, a contact or a lead: the one that exists decides. */
async function checkTimeline(ctx: Ctx, subjectId: string): Promise<void> {
  for (const subjectType of ['company', 'contact', 'lead'] as const) await checkSubject(ctx, { subjectType, subjectId });
}

/** The live subject's company: the company itself, or the contact's company (a lead has none). */
async function companyOfSubject(ctx: Ctx, { subjectType, subjectId }: Subject): Promise<string | null> {
  if (subjectType === 'lead') {
    await checkLiveLead(ctx, subjectId);
    return null;
  }
  const row = await ctx.db
    .selectFrom(TABLE_OF[subjectType])
    .select(subjectType === 'contact' ? 'company_id as companyId' : 'id as companyId')
    .where('id', '=', subjectId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw invalidField('subjectId', 'validation.subject_missing');
  return row.companyId;
}

/** The subject's (and its company's) last-contacted time, or a lead's last follow-up, follows its timeline. */
async function touchSubject(ctx: Ctx, subject: Subject, companyId: string | null): Promise<void> {
  if (subject.subjectType === 'lead') return touchLead(ctx, subject.subjectId);
  await refreshLastContacted(ctx, subject.subjectType, subject.subjectId);
  if (companyId && companyId !== subject.subjectId) await refreshLastContacted(ctx, 'company', companyId);
}

export const activitiesHandlers: HandlersOf<typeof activitiesContract> = {
  'activities.list': async (input, ctx) => {
    await checkTimeline(ctx, input.subjectId);
    return listActivities(ctx.db, ctx.session, input);
  },

  'activities.create': async (input, ctx) => {
    await checkSubject(ctx, input);
    const companyId = await companyOfSubject(ctx, input);
    const id = newId();
    await ctx.changes.insert('activities', {
      id,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      company_id: companyId,
      kind: input.kind,
      occurred_at: input.occurredAt,
      content: input.content,
    });
    await touchSubject(ctx, input, companyId);
    return (await loadActivity(ctx.db, id)).activity;
  },

  'activities.update': async ({ id, patch }, ctx) => {
    const { activity, companyId } = await loadActivity(ctx.db, id);
    await checkSubject(ctx, activity);
    await ctx.changes.update('activities', id, {
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.occurredAt ? { occurred_at: patch.occurredAt } : {}),
      ...(patch.content ? { content: patch.content } : {}),
    });
    await touchSubject(ctx, activity, companyId);
    return (await loadActivity(ctx.db, id)).activity;
  },

  'activities.delete': async ({ id }, ctx) => {
    const { activity, companyId } = await loadActivity(ctx.db, id);
    await checkSubject(ctx, activity);
    await ctx.changes.softDelete('activities', id);
    await touchSubject(ctx, activity, companyId);
  },
};
