// The Trash: soft-deleted records of five kinds, newest deleted first; restore or purge. Each kind
// restores through its domain's rules and purges what belongs only to it, all through ctx.changes
// so that other devices follow.
import { sql } from 'kysely';
import type { TrashEntity } from '../../../shared/customers';
import { KehuError } from '../../../shared/errors';
import { TRASH_PERMISSIONS, type TrashItem, type trashContract } from '../../../shared/trash';
import type { Ctx, HandlersOf } from '../../core/context';
import { checkAllVisible, TABLE_OF_ENTITY, visibleTo } from '../../core/visibility';
import { cutPage, decodeCursor, TABLE_OF, type CustomerKind } from '../customers';
import { restoreProduct } from '../orders/products';
import { dropFromCustomerIndex, refreshCustomerIndex } from '../search';

type TrashTable = 'contacts' | 'companies' | 'leads' | 'opportunities' | 'products';

interface TrashKind {
  table: TrashTable;
  /** Brings back rows known to be in the Trash. */
  restore(ctx: Ctx, ids: string[]): Promise<void>;
  /** Removes rows known to be in the Trash for good. */
  purge(ctx: Ctx, ids: string[]): Promise<void>;
}

async function restoreRows(ctx: Ctx, table: TrashTable, ids: string[]): Promise<void> {
  for (const id of ids) await ctx.changes.restore(table, id);
}

/** Tasks about the record stay (someone planned the work), no longer linked to it. */
async function unlinkTasks(ctx: Ctx, id: string): Promise<void> {
  const tasks = await ctx.db.selectFrom('tasks').select('id').where('subject_id', '=', id).execute();
  for (const task of tasks) await ctx.changes.update('tasks', task.id, { subject_type: null, subject_id: null });
}

/** Whom the record was shared with goes with it. */
async function purgeShares(ctx: Ctx, table: TrashTable, id: string): Promise<void> {
  const shares = await ctx.db.selectFrom('record_shares').select('id').where('tbl', '=', table).where('row_id', '=', id).execute();
  for (const share of shares) await ctx.changes.purge('record_shares', share.id);
}

/** Purges each record after what belongs only to it. */
function purgeEach(table: TrashTable, purgeOwned: (ctx: Ctx, id: string) => Promise<void> = async () => {}) {
  return async (ctx: Ctx, ids: string[]): Promise<void> => {
    for (const id of ids) {
      await unlinkTasks(ctx, id);
      await purgeShares(ctx, table, id);
      await purgeOwned(ctx, id);
      await ctx.changes.purge(table, id);
    }
  };
}

/** The record's timeline: a contact's or company's activities, a lead's follow-ups. */
async function purgeTimeline(ctx: Ctx, id: string): Promise<void> {
  const timeline = await ctx.db.selectFrom('activities').select('id').where('subject_id', '=', id).execute();
  for (const activity of timeline) await ctx.changes.purge('activities', activity.id);
}

/** Tag links and timeline go; a company's contacts stay, unlinked. */
async function purgeCustomerParts(ctx: Ctx, kind: CustomerKind, id: string): Promise<void> {
  const links = await ctx.db.selectFrom('taggings').select('id').where('record_id', '=', id).execute();
  for (const link of links) await ctx.changes.purge('taggings', link.id);
  await purgeTimeline(ctx, id);
  if (kind === 'company') await unlinkCompany(ctx, id);
}

async function unlinkCompany(ctx: Ctx, companyId: string): Promise<void> {
  const contacts = await ctx.db.selectFrom('contacts').select('id').where('company_id', '=', companyId).execute();
  for (const { id } of contacts) await ctx.changes.update('contacts', id, { company_id: null });
  const activities = await ctx.db.selectFrom('activities').select('id').where('company_id', '=', companyId).execute();
  for (const { id } of activities) await ctx.changes.update('activities', id, { company_id: null });
}

/** Line items and stage history; quotes and orders made from it keep their own copies and stay. */
async function purgeOpportunityParts(ctx: Ctx, id: string): Promise<void> {
  const lines = await ctx.db.selectFrom('line_items').select('id').where('parent_type', '=', 'opportunity').where('parent_id', '=', id).execute();
  for (const line of lines) await ctx.changes.purge('line_items', line.id);
  const history = await ctx.db.selectFrom('opportunity_stage_history').select('id').where('opportunity_id', '=', id).execute();
  for (const row of history) await ctx.changes.purge('opportunity_stage_history', row.id);
}

/** Contacts and companies also keep the search index in step. */
function customerKind(kind: CustomerKind): TrashKind {
  const table = TABLE_OF[kind];
  const purgeRows = purgeEach(table, (ctx, id) => purgeCustomerParts(ctx, kind, id));
  return {
    table,
    async restore(ctx, ids) {
      await restoreRows(ctx, table, ids);
      await refreshCustomerIndex(ctx.db, kind, ids);
    },
    async purge(ctx, ids) {
      await dropFromCustomerIndex(ctx.db, kind, ids);
      await purgeRows(ctx, ids);
    },
  };
}

const KINDS: Record<TrashEntity, TrashKind> = {
  contact: customerKind('contact'),
  company: customerKind('company'),
  lead: { table: 'leads', restore: (ctx, ids) => restoreRows(ctx, 'leads', ids), purge: purgeEach('leads', purgeTimeline) },
  opportunity: {
    table: 'opportunities',
    restore: (ctx, ids) => restoreRows(ctx, 'opportunities', ids),
    purge: purgeEach('opportunities', purgeOpportunityParts),
  },
  product: {
    table: 'products',
    // The catalogue's own rule: not while a live product has the SKU. Line items keep their name.
    async restore(ctx, ids) {
      for (const id of ids) await restoreProduct(ctx, id);
    },
    purge: purgeEach('products'),
  },
};

/** The channel's permission covers contacts and companies; the other kinds need their domain's too. */
function allow(ctx: Ctx, entity: TrashEntity, need: 'read' | 'write'): TrashKind {
  const permission = TRASH_PERMISSIONS[entity][need];
  if (!ctx.session.permissions.includes(permission)) throw new KehuError({ code: 'forbidden', params: { permission } });
  return KINDS[entity];
}

/** Products belong to the firm; the other kinds to their owner, who sees them (core/visibility.ts). */
const owned = (entity: TrashEntity) => (entity === 'product' ? null : entity);

/** The ones among these ids that are in the Trash; not_found for a record the caller may not see. */
async function deletedIds(ctx: Ctx, entity: TrashEntity, kind: TrashKind, ids: string[]): Promise<string[]> {
  const ownedEntity = owned(entity);
  if (ownedEntity) await checkAllVisible(ctx.db, ctx.session, ownedEntity, ids);
  const rows = await ctx.db.selectFrom(kind.table).select('id').where('id', 'in', ids).where('deleted_at', 'is not', null).execute();
  return rows.map((r) => r.id);
}

export const trashHandlers: HandlersOf<typeof trashContract> = {
  'trash.list': async ({ entity, cursor, limit }, ctx) => {
    const { table } = allow(ctx, entity, 'read');
    const after = decodeCursor(cursor);
    const ownedEntity = owned(entity);
    const visible = ownedEntity ? visibleTo(ctx.session, TABLE_OF_ENTITY[ownedEntity], table) : sql`1`;
    const { rows } = await sql<{ rid: number; id: string; name: string; deleted_at: string }>`
      SELECT rid, id, name, deleted_at FROM ${sql.table(table)}
      WHERE deleted_at IS NOT NULL AND ${visible} ${after ? sql`AND (deleted_at, rid) < (${after.value}, ${after.tie})` : sql``}
      ORDER BY deleted_at DESC, rid DESC LIMIT ${limit + 1}`.execute(ctx.db);
    const page = cutPage(rows, limit, (r) => ({ value: r.deleted_at, tie: r.rid }));
    const items: TrashItem[] = page.rows.map((r) => ({ type: entity, id: r.id, name: r.name, deletedAt: r.deleted_at }));
    return { items, nextCursor: page.nextCursor };
  },

  'trash.restore': async ({ entity, ids }, ctx) => {
    const kind = allow(ctx, entity, 'write');
    const found = await deletedIds(ctx, entity, kind, ids);
    await kind.restore(ctx, found);
    return { restored: found.length };
  },

  'trash.purge': async ({ entity, ids }, ctx) => {
    const kind = allow(ctx, entity, 'write');
    const found = await deletedIds(ctx, entity, kind, ids);
    await kind.purge(ctx, found);
    return { purged: found.length };
  },
};
