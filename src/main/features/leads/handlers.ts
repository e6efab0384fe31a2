import type { leadsContract } from '../../../shared/leads';
import type { HandlersOf } from '../../core/context';
import { assignLeads } from './assign';
import { convertLead } from './convert';
import { listLeads } from './list';
import { picklistsHandlers } from './picklists';
import { loadLead } from './rows';
import { createLead, setDeleted, setStatus, updateLead } from './write';

export const leadsHandlers: HandlersOf<typeof leadsContract> = {
  ...picklistsHandlers,
  'leads.list': (input, ctx) => listLeads(ctx, input),
  'leads.get': ({ id }, ctx) => loadLead(ctx, id),
  'leads.create': (input, ctx) => createLead(ctx, input),
  'leads.update': ({ id, patch }, ctx) => updateLead(ctx, id, patch),
  'leads.setStatus': (input, ctx) => setStatus(ctx, input),
  'leads.delete': async ({ ids }, ctx) => ({ deleted: await setDeleted(ctx, ids, true) }),
  'leads.restore': async ({ ids }, ctx) => ({ restored: await setDeleted(ctx, ids, false) }),
  'leads.assign': async (input, ctx) => ({ assigned: await assignLeads(ctx, input) }),
  'leads.convert': (input, ctx) => convertLead(ctx, input),
};
