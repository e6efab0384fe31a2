// Creating and editing opportunities. With line items the amount is their total; without, the
// amount typed in. Links (company, contact, owner) must point at live records.
import type { z } from 'zod';
import type { DealCreate, DealFields, DealUpdate } from '../../../shared/deals';
import { notFound } from '../../../shared/errors';
import { totals } from '../../../shared/money';
import type { Ctx } from '../../core/context';
import { checkAllVisible, checkAssignable, visibleTo } from '../../core/visibility';
import { invalidField } from '../customers';
import { listLineItems, replaceLineItems } from '../sales/line-items';
import { createOpportunity } from './create';

type Fields = Partial<z.output<typeof DealFields>>;

/** A live user, or a live customer the caller can see. */
async function isLive(ctx: Ctx, table: 'companies' | 'contacts' | 'users', id: string): Promise<boolean> {
  const visible = table === 'users' ? [] : [visibleTo(ctx.session, table, table)];
  return !!(await ctx.db.selectFrom(table).select('id').where('id', '=', id).where('deleted_at', 'is', null).where((eb) => eb.and(visible)).executeTakeFirst());
}

/** Only links that change are checked: an unchanged link to a record now in the Trash is kept. */
async function checkLinks(ctx: Ctx, fields: Fields, current?: { company_id: string | null; contact_id: string | null }): Promise<void> {
  if (fields.companyId && fields.companyId !== current?.company_id && !(await isLive(ctx, 'companies', fields.companyId))) {
    throw invalidField('companyId', 'validation.company_missing');
  }
  if (fields.contactId && fields.contactId !== current?.contact_id && !(await isLive(ctx, 'contacts', fields.contactId))) {
    throw invalidField('contactId', 'deals.errors.contact_missing');
  }
  checkAssignable(ctx.session, fields.ownerId);
  if (fields.ownerId && !(await isLive(ctx, 'users', fields.ownerId))) throw invalidField('ownerId', 'validation.owner_missing');
}

/** The pipeline of the stage asked for, when only the stage was given. */
async function pipelineOfStage(ctx: Ctx, stageId: string): Promise<string> {
  const stage = await ctx.db.selectFrom('pipeline_stages').select('pipeline_id').where('id', '=', stageId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!stage) throw invalidField('stageId', 'deals.errors.no_stage');
  return stage.pipeline_id;
}

export async function createDeal(input: z.output<typeof DealCreate>, ctx: Ctx): Promise<string> {
  await checkLinks(ctx, input);
  const pipelineId = input.pipelineId ?? (input.stageId ? await pipelineOfStage(ctx, input.stageId) : null);
  const id = await createOpportunity(ctx, {
    name: input.name,
    companyId: input.companyId,
    contactId: input.contactId,
    pipelineId,
    stageId: input.stageId,
    amount: input.lines.length > 0 ? totals(input.lines).subtotal : input.amount,
    currency: input.currency,
    expectedClose: input.expectedClose,
    probability: input.probability,
    competitors: input.competitors,
    notes: input.notes,
    ...(input.ownerId ? { ownerId: input.ownerId } : {}),
  });
  if (input.lines.length > 0) await replaceLineItems(ctx, 'opportunity', id, input.lines);
  return id;
}

export async function updateDeal({ id, patch }: z.output<typeof DealUpdate>, ctx: Ctx): Promise<void> {
  const current = await ctx.db
    .selectFrom('opportunities as o')
    .innerJoin('pipeline_stages as s', 's.id', 'o.stage_id')
    .select(['o.company_id', 'o.contact_id', 's.probability as stage_probability'])
    .where('o.id', '=', id)
    .where('o.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!current) throw notFound('opportunity', id);
  await checkLinks(ctx, patch, current);
  const columns: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => value !== undefined && (columns[column] = value);
  set('name', patch.name);
  set('company_id', patch.companyId);
  set('contact_id', patch.contactId);
  set('amount', patch.amount);
  set('currency', patch.currency);
  set('expected_close', patch.expectedClose);
  // Null puts the stage's default back.
  set('probability', patch.probability === null ? current.stage_probability : patch.probability);
  set('competitors', patch.competitors && JSON.stringify(patch.competitors));
  set('notes', patch.notes);
  if (patch.ownerId) columns.owner_id = patch.ownerId;
  const lines = patch.lines ? await replaceLineItems(ctx, 'opportunity', id, patch.lines) : await listLineItems(ctx.db, 'opportunity', id);
  if (lines.length > 0) columns.amount = lines.reduce((sum, line) => sum + line.amount, 0);
  await ctx.changes.update('opportunities', id, columns);
}

/** Soft delete or restore; returns how many changed (records already there are skipped). */
export async function setDeleted(ctx: Ctx, ids: string[], deleted: boolean): Promise<number> {
  await checkAllVisible(ctx.db, ctx.session, 'opportunity', ids);
  const rows = await ctx.db
    .selectFrom('opportunities')
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', deleted ? 'is' : 'is not', null)
    .execute();
  for (const { id } of rows) {
    if (deleted) await ctx.changes.softDelete('opportunities', id);
    else await ctx.changes.restore('opportunities', id);
  }
  return rows.length;
}
