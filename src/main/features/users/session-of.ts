// Who a signed-in user is right now: role, permissions and whose records they see. Resolved on
// every call (a few indexed reads), so disabling a user or changing a role takes effect at once.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { PERMISSIONS, ROLE_NAMES, ROLE_PERMISSIONS, ROLE_SCOPE, SCOPES, type Permission, type RoleName, type Scope, type SessionInfo } from '../../../shared/permissions';

const isRoleName = (role: string): role is RoleName => (ROLE_NAMES as readonly string[]).includes(role);

/** Permissions and scope of a built-in role or a custom role row; null when the role is gone. */
export async function roleGrants(db: Kysely<Database>, role: string): Promise<{ permissions: Permission[]; scope: Scope } | null> {
  if (isRoleName(role)) return { permissions: [...ROLE_PERMISSIONS[role]], scope: ROLE_SCOPE[role] };
  const row = await db.selectFrom('roles').select(['permissions', 'scope']).where('id', '=', role).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) return null;
  const listed = JSON.parse(row.permissions) as unknown[];
  const scope = (SCOPES as readonly string[]).includes(row.scope) ? (row.scope as Scope) : 'own';
  return { permissions: PERMISSIONS.filter((p) => listed.includes(p)), scope };
}

/** The user and everyone reporting to them, directly or through others. */
export async function teamOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE team(id) AS (
      SELECT ${userId}
      UNION
      SELECT u.id FROM users u JOIN team t ON u.manager_id = t.id WHERE u.deleted_at IS NULL
    )
    SELECT id FROM team`.execute(db);
  return rows.map((r) => r.id);
}

/** The session of a live, enabled user; null when the user is deleted, disabled or has no valid role. */
export async function sessionOf(db: Kysely<Database>, userId: string): Promise<SessionInfo | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  const grants = await roleGrants(db, user.role);
  if (!grants) return null;
  const team = grants.scope === 'team' ? await teamOf(db, user.id) : [user.id];
  return { userId: user.id, userName: user.name, role: user.role, permissions: grants.permissions, scope: grants.scope, team };
}
