// Creating, editing, status changes, delete and restore of leads.
import type { z } from 'zod';
import { KehuError } from '../../../shared/errors';
import type { Lead, LeadCreate, LeadDuplicate, LeadFields, LeadSetStatus } from '../../../shared/leads';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import { checkAllVisible, checkAssignable, visibleTo } from '../../core/visibility';
import { invalidField } from '../customers';
import { findContactDuplicates, namePinyin } from '../search';
import { loadLead } from './rows';

type Patch = Partial<LeadFields>;

/** The columns a set of lead fields writes (a name also writes its pinyin). */
function toColumns(fields: Patch): Record<string, unknown> {
  const map: Record<keyof LeadFields, string> = {
    name: 'name',
    companyName: 'company_name',
    title: 'title',
    mobile: 'mobile',
    email: 'email',
    wechat: 'wechat',
    source: 'source',
    ownerId: 'owner_id',
    notes: 'notes',
    nextFollowUpAt: 'next_follow_up_at',
  };
  const columns: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(map)) {
    const value = fields[key as keyof LeadFields];
    if (value !== undefined && !(key === 'ownerId' && value === null)) columns[column] = value;
  }
  if (fields.name) columns.name_py = namePinyin(fields.name).py;
  return columns;
}

export async function checkOwner(ctx: Ctx, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  checkAssignable(ctx.session, ownerId);
  const user = await ctx.db.selectFrom('users').select('id').where('id', '=', ownerId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!user) throw invalidField('ownerId', 'validation.owner_missing');
}

/** Live leads and contacts with the same mobile or email. */
export async function findLeadDuplicates(ctx: Ctx, fields: { mobile: string | null; email: string | null }, excludeId?: string): Promise<LeadDuplicate[]> {
  const out: LeadDuplicate[] = [];
  for (const reason of ['mobile', 'email'] as const) {
    const value = fields[reason];
    if (!value) continue;
    const leads = await ctx.db
      .selectFrom('leads')
      .select(['id', 'name'])
      .where(reason, '=', value)
      .where('deleted_at', 'is', null)
      .where('id', '!=', excludeId ?? '')
      .where(visibleTo(ctx.session, 'leads', 'leads'))
      .limit(10)
      .execute();
    out.push(...leads.map((l) => ({ kind: 'lead' as const, id: l.id, name: l.name, reason })));
  }
  const contacts = await findContactDuplicates(ctx.db, ctx.session, {
    mobiles: fields.mobile ? [fields.mobile] : [],
    emails: fields.email ? [fields.email] : [],
  });
  for (const c of contacts) {
    if (c.reason === 'mobile' || c.reason === 'email') out.push({ kind: 'contact', id: c.id, name: c.name, reason: c.reason });
  }
  return out;
}

export async function createLead(ctx: Ctx, input: z.output<typeof LeadCreate>): Promise<Lead> {
  await checkOwner(ctx, input.ownerId);
  if (!input.force) {
    const duplicates = await findLeadDuplicates(ctx, input);
    if (duplicates.length > 0) throw new KehuError({ code: 'duplicate', message: 'leads.errors.duplicate', detail: duplicates });
  }
  const id = newId();
  const { force: _force, ...fields } = input;
  await ctx.changes.insert('leads', {
    id,
    ...(toColumns(fields) as { name: string; name_py: string }),
    status: 'new',
    owner_id: input.ownerId ?? ctx.session.userId,
  });
  return loadLead(ctx, id);
}

export async function updateLead(ctx: Ctx, id: string, patch: Patch): Promise<Lead> {
  await loadLead(ctx, id);
  await checkOwner(ctx, patch.ownerId);
  await ctx.changes.update('leads', id, toColumns(patch));
  return loadLead(ctx, id);
}

/** A converted lead keeps its status; leaving 'invalid' drops the reason. */
export async function setStatus(ctx: Ctx, { id, status, invalidReason }: z.output<typeof LeadSetStatus>): Promise<Lead> {
  const lead = await loadLead(ctx, id);
  if (lead.status === 'converted') throw new KehuError({ code: 'conflict', message: 'leads.errors.already_converted' });
  if (status === 'invalid' && !invalidReason) throw invalidField('invalidReason', 'leads.errors.reason_required');
  await ctx.changes.update('leads', id, { status, invalid_reason: status === 'invalid' ? invalidReason : null });
  return loadLead(ctx, id);
}

/** Soft-deletes (or restores) those of the leads that are live (or deleted); returns how many. */
export async function setDeleted(ctx: Ctx, ids: string[], deleted: boolean): Promise<number> {
  await checkAllVisible(ctx.db, ctx.session, 'lead', ids);
  const rows = await ctx.db
    .selectFrom('leads')
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', deleted ? 'is' : 'is not', null)
    .execute();
  for (const { id } of rows) {
    if (deleted) await ctx.changes.softDelete('leads', id);
    else await ctx.changes.restore('leads', id);
  }
  return rows.length;
}
