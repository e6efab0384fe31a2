// Roles: the built-in ones (permissions.ts, not editable) and custom ones, rows of `roles` made
// from the same permission list. Custom roles sync and are written through ctx.changes, so the
// audit log shows each save's permission list before and after.
import type { z } from 'zod';
import { KehuError, notFound } from '../../../shared/errors';
import { PERMISSIONS, ROLE_NAMES, ROLE_PERMISSIONS, ROLE_SCOPE } from '../../../shared/permissions';
import type { RoleInfo, RoleInput, usersContract } from '../../../shared/users';
import type { Ctx, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';
import { roleGrants } from './session-of';

/** How many live users hold each role. */
async function usersPerRole(ctx: Ctx): Promise<Map<string, number>> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .groupBy('role')
    .execute();
  return new Map(rows.map((r) => [r.role, Number(r.n)]));
}

async function listRoles(ctx: Ctx): Promise<RoleInfo[]> {
  const held = await usersPerRole(ctx);
  const builtin = ROLE_NAMES.map((id) => ({ id, name: id, builtin: true, permissions: [...ROLE_PERMISSIONS[id]], scope: ROLE_SCOPE[id], users: held.get(id) ?? 0 }));
  const rows = await ctx.db.selectFrom('roles').select(['id', 'name']).where('deleted_at', 'is', null).orderBy('name').orderBy('id').execute();
  const custom: RoleInfo[] = [];
  for (const row of rows) {
    const grants = await roleGrants(ctx.db, row.id);
    if (grants) custom.push({ id: row.id, name: row.name, builtin: false, ...grants, users: held.get(row.id) ?? 0 });
  }
  return [...builtin, ...custom];
}

const isBuiltin = (id: string) => (ROLE_NAMES as readonly string[]).includes(id);

/** A custom role's name is unique among live custom roles, whatever its letter case. */
async function checkName(ctx: Ctx, name: string, id: string | undefined): Promise<void> {
  const rows = await ctx.db.selectFrom('roles').select(['id', 'name']).where('deleted_at', 'is', null).execute();
  const clash = rows.find((r) => r.id !== id && r.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new KehuError({ code: 'duplicate', fields: [{ path: 'name', message: 'users.errors.role_name_taken' }] });
}

async function saveRole(input: z.output<typeof RoleInput>, ctx: Ctx): Promise<{ id: string }> {
  if (input.id && isBuiltin(input.id)) throw new KehuError({ code: 'conflict', message: 'users.errors.role_builtin' });
  await checkName(ctx, input.name, input.id);
  // Stored in the list's own order, so saving the same set again changes (and audits) nothing.
  const fields = { name: input.name, permissions: JSON.stringify(PERMISSIONS.filter((p) => input.permissions.includes(p))), scope: input.scope };
  if (!input.id) {
    const id = newId();
    await ctx.changes.insert('roles', { id, ...fields });
    return { id };
  }
  const current = await ctx.db.selectFrom('roles').select('id').where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!current) throw notFound('role', input.id);
  await ctx.changes.update('roles', input.id, fields);
  return { id: input.id };
}

async function deleteRole({ id }: { id: string }, ctx: Ctx): Promise<void> {
  if (isBuiltin(id)) throw new KehuError({ code: 'conflict', message: 'users.errors.role_builtin' });
  const current = await ctx.db.selectFrom('roles').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!current) throw notFound('role', id);
  const users = (await usersPerRole(ctx)).get(id) ?? 0;
  if (users > 0) throw new KehuError({ code: 'conflict', message: 'users.errors.role_in_use', params: { users } });
  await ctx.changes.softDelete('roles', id);
}

export const rolesHandlers: HandlersOf<Pick<typeof usersContract, 'roles.list' | 'roles.save' | 'roles.delete'>> = {
  'roles.list': (_input, ctx) => listRoles(ctx),
  'roles.save': saveRole,
  'roles.delete': deleteRole,
};
