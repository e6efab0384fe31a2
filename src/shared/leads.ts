// Leads (线索): leads, follow-ups, conversion, assignment, and the sales choice lists (picklists:
// lead sources, lost reasons, invalid reasons) that admins edit in Settings.
import { z } from 'zod';
import { channel } from './contract-kit';
import { patchOf } from './customers';
import { pageInput, type Page } from './paging';
import { idField, isoTimeField, LIMITS, nameField, normalizeEmail, normalizeMobile, optDate, optId, optText } from './validation';

export const PICKLISTS = ['lead_source', 'lost_reason', 'invalid_reason'] as const;
export type PicklistName = (typeof PICKLISTS)[number];

export interface PicklistItem {
  id: string;
  list: PicklistName;
  label: string;
  position: number;
}

const picklistName = z.enum(PICKLISTS, 'validation.required');

export const PicklistSave = z.object({
  id: idField.optional(),
  list: picklistName,
  label: z.string('validation.required').trim().min(1, 'validation.required').max(50, 'validation.too_long'),
});

export const picklistsContract = {
  /** The live items of one list, in order. Readable by every role (deals use lost reasons). */
  'picklists.list': channel<PicklistItem[]>()({
    kind: 'query',
    permission: 'settings.read',
    input: z.object({ list: picklistName }),
  }),
  /** New item (at the end of its list) or a renamed one; labels are unique within a list. */
  'picklists.save': channel<PicklistItem>()({
    kind: 'mutation',
    permission: 'sales.admin',
    input: PicklistSave,
    entity: 'picklist_item',
  }),
  /** Removes an item from its list; records that used its label keep the text. */
  'picklists.delete': channel<void>()({
    kind: 'mutation',
    permission: 'sales.admin',
    input: z.object({ id: idField }),
    entity: 'picklist_item',
  }),
};

export const LEAD_STATUSES = ['new', 'contacted', 'following', 'converted', 'invalid'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
/** Statuses a person sets by hand; 'converted' only comes from leads.convert. */
export const SETTABLE_STATUSES = ['new', 'contacted', 'following', 'invalid'] as const;
/** A lead in one of these needs no more follow-up, so it is never overdue. */
export const CLOSED_STATUSES: readonly LeadStatus[] = ['converted', 'invalid'];

export interface Lead {
  id: string;
  name: string;
  companyName: string | null;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  source: string | null;
  status: LeadStatus;
  invalidReason: string | null;
  ownerId: string;
  ownerName: string | null;
  notes: string | null;
  nextFollowUpAt: string | null;
  lastFollowUpAt: string | null;
  /** Next follow-up in the past while the lead is still open. */
  overdue: boolean;
  convertedAt: string | null;
  convertedCompanyId: string | null;
  convertedContactId: string | null;
  convertedOpportunityId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** An optional value normalised by `fn` (empty becomes null); not a union, see optPhone. */
const optNormalized = (fn: (raw: string) => string | null, message: string) =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      if (!v?.trim()) return null;
      const n = fn(v);
      if (n === null) ctx.addIssue({ code: 'custom', message });
      return n ?? z.NEVER;
    });

const optTime = z
  .union([z.literal(''), z.null(), isoTimeField])
  .optional()
  .transform((v) => (v ? v : null));

export const LeadFields = z.object({
  name: nameField,
  companyName: optText(LIMITS.name),
  title: optText(50),
  mobile: optNormalized(normalizeMobile, 'validation.mobile'),
  email: optNormalized(normalizeEmail, 'validation.email'),
  wechat: optText(64),
  source: optText(50),
  ownerId: optId,
  notes: optText(LIMITS.notes),
  nextFollowUpAt: optTime,
});
export type LeadFields = z.output<typeof LeadFields>;

/** force: save even though a live lead or contact has the same mobile or email. */
export const LeadCreate = LeadFields.extend({ force: z.boolean().default(false) });
export const LeadUpdate = z.object({ id: idField, patch: patchOf(LeadFields) });

export const LEAD_SORTS = ['next', 'created'] as const;
export const LeadList = z.object({
  ...pageInput,
  /** next: soonest next follow-up first (none last); created: newest first. */
  sort: z.enum(LEAD_SORTS).default('next'),
  filter: z
    .object({
      status: z.enum(LEAD_STATUSES).nullish(),
      ownerId: idField.nullish(),
      source: z.string().max(50).nullish(),
      overdue: z.boolean().nullish(),
      /** Part of the name, company name or mobile. */
      q: z.string().trim().max(100).nullish(),
    })
    .default({}),
});

export const LeadSetStatus = z.object({
  id: idField,
  status: z.enum(SETTABLE_STATUSES),
  /** Required for 'invalid' (checked by the handler): an invalid_reason item or free text. */
  invalidReason: optText(200),
});

export const LeadAssign = z
  .object({
    ids: z.array(idField).min(1, 'validation.required').max(1000),
    ownerId: optId,
    /** Spread the leads over the sales users in turn, continuing after the last round. */
    roundRobin: z.boolean().default(false),
  })
  .refine((v) => v.roundRobin || v.ownerId, { path: ['ownerId'], message: 'validation.required' });

export const LeadConvert = z.object({
  id: idField,
  /** Opportunity to create with the company and contact; none when false. */
  withOpportunity: z.boolean().default(true),
  opportunityName: optText(LIMITS.name),
  /** Minor units (fen). */
  amount: z.number('validation.number').int('validation.integer').min(0, 'validation.min').max(1e13, 'validation.too_large').nullish(),
  expectedClose: optDate,
});

export interface LeadDuplicate {
  kind: 'lead' | 'contact';
  id: string;
  name: string;
  reason: 'mobile' | 'email';
}

export interface ConvertResult {
  lead: Lead;
  companyId: string | null;
  contactId: string;
  opportunityId: string | null;
}

const byId = z.object({ id: idField });
const byIds = z.object({ ids: z.array(idField).min(1).max(1000) });

export const leadsContract = {
  ...picklistsContract,
  'leads.list': channel<Page<Lead>>()({ kind: 'query', permission: 'leads.read', input: LeadList }),
  'leads.get': channel<Lead>()({ kind: 'query', permission: 'leads.read', input: byId }),
  /** Refuses with code 'duplicate' (detail: LeadDuplicate[]) unless force. */
  'leads.create': channel<Lead>()({ kind: 'mutation', permission: 'leads.write', input: LeadCreate, entity: 'lead' }),
  'leads.update': channel<Lead>()({ kind: 'mutation', permission: 'leads.write', input: LeadUpdate, entity: 'lead' }),
  'leads.setStatus': channel<Lead>()({ kind: 'mutation', permission: 'leads.write', input: LeadSetStatus, entity: 'lead' }),
  'leads.delete': channel<{ deleted: number }>()({ kind: 'mutation', permission: 'leads.write', input: byIds, entity: 'lead' }),
  'leads.restore': channel<{ restored: number }>()({ kind: 'mutation', permission: 'leads.write', input: byIds, entity: 'lead' }),
  'leads.assign': channel<{ assigned: number }>()({ kind: 'mutation', permission: 'leads.write', input: LeadAssign, entity: 'lead' }),
  /** Company (or the live one of the same name), contact and opportunity, in one step. */
  'leads.convert': channel<ConvertResult>()({ kind: 'mutation', permission: 'leads.write', input: LeadConvert, entity: 'lead' }),
};
