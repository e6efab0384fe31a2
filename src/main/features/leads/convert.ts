// Converting a lead in one step: its company (or the live one with the same name), a contact and
// optionally an opportunity; the lead's follow-ups are copied onto the contact's timeline so both
// show the history. One mutation: all of it or nothing.
import type { z } from 'zod';
import { CompanyFields, type Company } from '../../../shared/companies';
import { ContactFields, type Contact } from '../../../shared/contacts';
import { KehuError } from '../../../shared/errors';
import type { ConvertResult, Lead, LeadConvert } from '../../../shared/leads';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import { visibleTo } from '../../core/visibility';
import { companySpec } from '../companies/spec';
import { contactSpec } from '../contacts/spec';
import { refreshLastContacted } from '../customers';
import { createCustomer } from '../customers/write';
import { createOpportunity } from '../deals/create';
import { nameKey } from '../search';
import { loadLead } from './rows';

/** The live company (one the caller sees) with the same normalised name, else a new one made from the lead. */
async function companyFor(ctx: Ctx, lead: Lead): Promise<string | null> {
  if (!lead.companyName) return null;
  const existing = await ctx.db
    .selectFrom('companies')
    .select('id')
    .where('name_key', '=', nameKey(lead.companyName))
    .where('deleted_at', 'is', null)
    .where(visibleTo(ctx.session, 'companies', 'companies'))
    .orderBy('created_at')
    .executeTakeFirst();
  if (existing) return existing.id;
  const fields = CompanyFields.parse({ name: lead.companyName, source: lead.source, ownerId: lead.ownerId });
  return (await createCustomer<Company>(ctx, companySpec, { ...fields, allowDuplicate: true })).id;
}

async function contactFor(ctx: Ctx, lead: Lead, companyId: string | null): Promise<string> {
  const fields = ContactFields.parse({
    name: lead.name,
    title: lead.title,
    mobiles: lead.mobile ? [lead.mobile] : [],
    emails: lead.email ? [lead.email] : [],
    wechat: lead.wechat,
    companyId,
    ownerId: lead.ownerId,
    notes: lead.notes,
  });
  // The lead's own create already warned of duplicates; converting is the decision to keep it.
  return (await createCustomer<Contact>(ctx, contactSpec, { ...fields, allowDuplicate: true })).id;
}

/** New activities on the contact with the lead's follow-ups (the lead keeps its own). */
async function copyFollowUps(ctx: Ctx, leadId: string, contactId: string, companyId: string | null): Promise<void> {
  const followUps = await ctx.db
    .selectFrom('activities')
    .select(['kind', 'occurred_at', 'content', 'owner_id'])
    .where('subject_id', '=', leadId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at')
    .execute();
  for (const a of followUps) {
    await ctx.changes.insert('activities', {
      id: newId(),
      subject_type: 'contact',
      subject_id: contactId,
      company_id: companyId,
      kind: a.kind,
      occurred_at: a.occurred_at,
      content: a.content,
      owner_id: a.owner_id,
    });
  }
  if (followUps.length === 0) return;
  await refreshLastContacted(ctx, 'contact', contactId);
  if (companyId) await refreshLastContacted(ctx, 'company', companyId);
}

export async function convertLead(ctx: Ctx, input: z.output<typeof LeadConvert>): Promise<ConvertResult> {
  const lead = await loadLead(ctx, input.id);
  if (lead.status === 'converted') throw new KehuError({ code: 'conflict', message: 'leads.errors.already_converted' });
  if (lead.status === 'invalid') throw new KehuError({ code: 'conflict', message: 'leads.errors.convert_invalid' });
  const companyId = await companyFor(ctx, lead);
  const contactId = await contactFor(ctx, lead, companyId);
  await copyFollowUps(ctx, lead.id, contactId, companyId);
  const opportunityId = input.withOpportunity
    ? await createOpportunity(ctx, {
        name: input.opportunityName ?? lead.companyName ?? lead.name,
        companyId,
        contactId,
        leadId: lead.id,
        amount: input.amount ?? 0,
        expectedClose: input.expectedClose,
        ownerId: lead.ownerId,
      })
    : null;
  await ctx.changes.update('leads', lead.id, {
    status: 'converted',
    converted_at: ctx.now,
    converted_company_id: companyId,
    converted_contact_id: contactId,
    converted_opportunity_id: opportunityId,
  });
  return { lead: await loadLead(ctx, lead.id), companyId, contactId, opportunityId };
}
