// Test helper: a user row of a built-in role, and the session the dispatcher resolves for them.
import type { SessionInfo } from '../../shared/permissions';
import { OWNER_ID } from '../core/session';
import { sessionOf } from '../features/users/session-of';
import type { TempRuntime } from './temp-runtime';

export async function addUser(rt: TempRuntime, id: string, role: string, managerId: string | null = null): Promise<SessionInfo> {
  const at = '2026-01-01T00:00:00.000Z';
  await rt.app.db.kysely
    .insertInto('users')
    .values({ id, name: id, role, login: id, manager_id: managerId, created_at: at, updated_at: at, created_by: OWNER_ID, owner_id: OWNER_ID, deleted_at: null })
    .execute();
  const session = await sessionOf(rt.app.db.kysely, id);
  if (!session) throw new Error(`no session for ${id}`);
  return session;
}
