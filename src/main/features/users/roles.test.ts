import { describe, expect, it } from 'vitest';
import { ROLE_NAMES, ROLE_PERMISSIONS } from '../../../shared/permissions';
import { useTempRuntime } from '../../test/use-temp-runtime';
import { sessionOf } from './session-of';

const runtime = useTempRuntime();
const call: ReturnType<typeof runtime>['call'] = (channel, input, session) => runtime().call(channel, input, session);
const db = () => runtime().app.db.kysely;

async function giveRole(userId: string, role: string): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  await db()
    .insertInto('users')
    .values({ id: userId, name: userId, role, login: userId, created_at: at, updated_at: at, created_by: 'owner', owner_id: 'owner', deleted_at: null })
    .execute();
}

describe('roles', () => {
  it('lists the built-in roles (not editable) and custom ones with their holders', async () => {
    const { id } = await call('roles.save', { name: '客服主管', permissions: ['tasks.read', 'customers.read', 'tasks.read'], scope: 'team' });
    await giveRole('u1', id);
    const roles = await call('roles.list', {});
    expect(roles.map((r) => r.id)).toEqual([...ROLE_NAMES, id]);
    expect(roles[0]).toMatchObject({ id: 'admin', builtin: true, permissions: [...ROLE_PERMISSIONS.admin], scope: 'all', users: 1 });
    // Stored once each, in the permission list's order.
    expect(roles[5]).toEqual({ id, name: '客服主管', builtin: false, permissions: ['customers.read', 'tasks.read'], scope: 'team', users: 1 });
    expect(await sessionOf(db(), 'u1')).toMatchObject({ role: id, permissions: ['customers.read', 'tasks.read'], scope: 'team', team: ['u1'] });
  });

  it("a custom role's users may call exactly the channels of its permissions", async () => {
    const { id } = await call('roles.save', { name: '只读', permissions: ['customers.read'], scope: 'all' });
    await giveRole('u3', id);
    const session = (await sessionOf(db(), 'u3'))!;
    const code = async (channel: 'companies.list' | 'companies.create' | 'leads.list') => {
      const result = await runtime().dispatch(channel, channel === 'companies.create' ? { name: '新公司' } : {}, session);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await code('companies.list')).toBe('ok');
    expect(await code('companies.create')).toBe('forbidden');
    expect(await code('leads.list')).toBe('forbidden');
    // A change to the role takes effect at the user's next call.
    await call('roles.save', { id, name: '只读', permissions: ['customers.read', 'customers.write'], scope: 'all' });
    expect((await sessionOf(db(), 'u3'))!.permissions).toEqual(['customers.read', 'customers.write']);
  });

  it('keeps names unique whatever their case and built-in roles untouchable', async () => {
    const { id } = await call('roles.save', { name: 'Field Sales', permissions: [], scope: 'own' });
    await expect(call('roles.save', { name: 'field sales', permissions: [], scope: 'own' })).rejects.toMatchObject({
      code: 'duplicate',
      fields: [{ path: 'name', message: 'users.errors.role_name_taken' }],
    });
    // Its own name again is no clash.
    await call('roles.save', { id, name: 'FIELD SALES', permissions: [], scope: 'own' });
    await expect(call('roles.save', { id: 'admin', name: 'Boss', permissions: [], scope: 'all' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(call('roles.delete', { id: 'sales' })).rejects.toMatchObject({ code: 'conflict', message: 'users.errors.role_builtin' });
    await expect(call('roles.save', { id: 'no-such-role', name: 'X', permissions: [], scope: 'own' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to delete a role in use, and audits permission changes before and after', async () => {
    const { id } = await call('roles.save', { name: '实习', permissions: ['customers.read'], scope: 'own' });
    await call('roles.save', { id, name: '实习', permissions: ['customers.read', 'customers.write'], scope: 'own' });
    const audit = await db().selectFrom('audit_log').select(['action', 'before', 'after']).where('action', '=', 'roles.save').orderBy('seq').execute();
    expect(audit).toHaveLength(2);
    expect(audit[1].before).toContain(JSON.stringify(JSON.stringify(['customers.read'])));
    expect(audit[1].after).toContain(JSON.stringify(JSON.stringify(['customers.read', 'customers.write'])));
    await giveRole('u2', id);
    await expect(call('roles.delete', { id })).rejects.toMatchObject({ code: 'conflict', message: 'users.errors.role_in_use', params: { users: 1 } });
    await db().updateTable('users').set({ role: 'sales' }).where('id', '=', 'u2').execute();
    await call('roles.delete', { id });
    expect((await call('roles.list', {})).map((r) => r.id)).toEqual([...ROLE_NAMES]);
    // A user left on a deleted role gets no session at all.
    await db().updateTable('users').set({ role: id }).where('id', '=', 'u2').execute();
    expect(await sessionOf(db(), 'u2')).toBeNull();
  });
});
