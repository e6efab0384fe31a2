// Record visibility (issue #5), enforced here and nowhere else: scope 'all' sees every record,
// 'team' the records owned by the session's team, 'own' its own; 'team' and 'own' also see the
// records shared with the user (record_shares). A record one cannot see answers not_found, as if
// it did not exist.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { KehuError, notFound } from '../../shared/errors';
import type { SessionInfo } from '../../shared/permissions';
import type { ShareEntity } from '../../shared/users';
import type { Database } from '../db/schema';

/** The tables whose rows have an owner who sees them (the shareable entities). */
export const TABLE_OF_ENTITY = {
  company: 'companies',
  contact: 'contacts',
  lead: 'leads',
  opportunity: 'opportunities',
  quote: 'quotes',
  order: 'orders',
  task: 'tasks',
} as const satisfies Record<ShareEntity, keyof Database>;

export type OwnedTable = (typeof TABLE_OF_ENTITY)[ShareEntity];

/** What visibility needs of a session (a job thread gets just this). */
export type Viewer = Pick<SessionInfo, 'userId' | 'scope' | 'team'>;

/** Just the visibility part of a session, e.g. to hand to a job thread. */
export const viewerOf = ({ userId, scope, team }: Viewer): Viewer => ({ userId, scope, team });

/** The users whose records the viewer sees by ownership; null: everyone's. */
export function visibleOwners(viewer: Viewer): readonly string[] | null {
  if (viewer.scope === 'all') return null;
  return viewer.scope === 'team' ? viewer.team : [viewer.userId];
}

/**
 * SQL condition: the row of `table` aliased `alias` is visible to the viewer. Scope 'all' gives a
 * constant true, so the owner's and admin's queries keep their plans. Ownership is one term on
 * owner_id (the tables' owner indexes serve it); a share is an indexed EXISTS on record_shares.
 */
export function visibleTo(viewer: Viewer, table: OwnedTable, alias: string): RawBuilder<boolean> {
  const owners = visibleOwners(viewer);
  if (!owners) return sql<boolean>`1`;
  return sql<boolean>`(${sql.ref(`${alias}.owner_id`)} IN (${sql.join(owners)}) OR EXISTS (
    SELECT 1 FROM record_shares s WHERE s.user_id = ${viewer.userId} AND s.tbl = ${table}
      AND s.row_id = ${sql.ref(`${alias}.id`)} AND s.deleted_at IS NULL))`;
}

/**
 * Refuses (not_found) a record that exists but that the viewer may not see, deleted or not. A
 * record that does not exist passes: the caller answers for it as it always did.
 */
export async function checkVisible(db: Kysely<Database>, viewer: Viewer, entity: ShareEntity, id: string): Promise<void> {
  if (viewer.scope === 'all') return;
  const table = TABLE_OF_ENTITY[entity];
  const { rows } = await sql<{ visible: number }>`SELECT ${visibleTo(viewer, table, 'r')} AS visible
    FROM ${sql.table(table)} r WHERE r.id = ${id}`.execute(db);
  if (rows[0] && !rows[0].visible) throw notFound(entity, id);
}

/** The same for several records (bulk delete, assign): every one must be visible. */
export async function checkAllVisible(db: Kysely<Database>, viewer: Viewer, entity: ShareEntity, ids: readonly string[]): Promise<void> {
  for (const id of ids) await checkVisible(db, viewer, entity, id);
}

/**
 * Refuses to give a record to an owner whose records the viewer could not see afterwards: a
 * sales user keeps what they make, a manager assigns within the team.
 */
export function checkAssignable(viewer: Viewer, ownerId: string | null | undefined): void {
  const owners = visibleOwners(viewer);
  if (!ownerId || !owners || owners.includes(ownerId)) return;
  throw new KehuError({ code: 'invalid_input', fields: [{ path: 'ownerId', message: 'validation.owner_not_allowed' }] });
}
