// Giving leads to salespeople: all to one person, or in turn (round-robin) over the users with
// role 'sales' (every user when there is none), continuing after the user who got the last lead
// of the previous round.
import type { z } from 'zod';
import type { LeadAssign } from '../../../shared/leads';
import type { Ctx } from '../../core/context';
import { checkAllVisible, checkAssignable } from '../../core/visibility';
import { checkOwner } from './write';
import { readMeta, writeMeta } from '../../db/meta';

/** This device's round-robin position (local state, like the reminders: not synced). */
const LAST_KEY = 'leads.round_robin.last';

async function roundRobinUsers(ctx: Ctx): Promise<string[]> {
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const sales = users.filter((u) => u.role === 'sales');
  return (sales.length > 0 ? sales : users).map((u) => u.id);
}

/** The owner of each lead, in the order given, starting after the last round's last user. */
async function roundRobinOwners(ctx: Ctx, count: number): Promise<string[]> {
  const users = await roundRobinUsers(ctx);
  const last = await readMeta(ctx.db, LAST_KEY);
  const start = last ? users.indexOf(last) + 1 : 0;
  const owners = Array.from({ length: count }, (_, i) => users[(start + i) % users.length]);
  await writeMeta(ctx.db, LAST_KEY, owners[owners.length - 1]!);
  return owners;
}

export async function assignLeads(ctx: Ctx, input: z.output<typeof LeadAssign>): Promise<number> {
  await checkAllVisible(ctx.db, ctx.session, 'lead', input.ids);
  const live = await ctx.db
    .selectFrom('leads')
    .select('id')
    .where('id', 'in', input.ids)
    .where('deleted_at', 'is', null)
    .execute();
  const liveIds = new Set(live.map((l) => l.id));
  const ids = [...new Set(input.ids)].filter((id) => liveIds.has(id));
  if (ids.length === 0) return 0;
  if (!input.roundRobin) await checkOwner(ctx, input.ownerId);
  const owners = input.roundRobin ? await roundRobinOwners(ctx, ids.length) : ids.map(() => input.ownerId as string);
  for (const owner of new Set(owners)) checkAssignable(ctx.session, owner);
  for (const [i, id] of ids.entries()) await ctx.changes.update('leads', id, { owner_id: owners[i] });
  return ids.length;
}
