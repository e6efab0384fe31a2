// Users, roles and sharing, managed by an administrator (issue #5). The built-in roles live in
// permissions.ts; custom roles are rows made from the same permission list.
import { z } from 'zod';
import { channel } from './contract-kit';
import { loginField, passwordField } from './auth';
import { PERMISSIONS, SCOPES, type Permission, type Scope } from './permissions';

export interface UserAdminRow {
  id: string;
  name: string;
  login: string | null;
  /** A built-in role name or a custom role's id. */
  role: string;
  managerId: string | null;
  disabled: boolean;
  /** Can sign in on this device (a password is set here). */
  hasPassword: boolean;
  totpEnabled: boolean;
  /** Locked out after failed sign-ins until this time (ISO), or null. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface RoleInfo {
  /** A built-in role name, or the custom role's id. */
  id: string;
  /** Custom roles: the name given; built-in ones are translated by id in the UI. */
  name: string;
  builtin: boolean;
  permissions: Permission[];
  scope: Scope;
  /** How many users hold it (a role in use cannot be deleted). */
  users: number;
}

/** Records that can be shared with another user, by their entity name. */
export const SHARE_ENTITIES = ['company', 'contact', 'lead', 'opportunity', 'quote', 'order', 'task'] as const;
export const ShareEntity = z.enum(SHARE_ENTITIES);
export type ShareEntity = z.infer<typeof ShareEntity>;

const id = z.string().min(1).max(64);
const userName = z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong');
const roleId = z.string().min(1).max(64);

export const RoleInput = z.object({
  id: id.optional(),
  name: z.string().trim().min(1, 'validation.required').max(50, 'validation.tooLong'),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
  scope: z.enum(SCOPES),
});

export const usersContract = {
  'users.adminList': channel<UserAdminRow[]>()({ kind: 'query', permission: 'users.admin', input: z.object({}) }),
  'users.create': channel<{ id: string }>()({
    kind: 'mutation',
    permission: 'users.admin',
    input: z.object({ name: userName, login: loginField, password: passwordField, role: roleId, managerId: id.nullish() }),
    entity: 'user',
  }),
  'users.update': channel<void>()({
    kind: 'mutation',
    permission: 'users.admin',
    input: z.object({ id, name: userName.optional(), role: roleId.optional(), managerId: id.nullish(), disabled: z.boolean().optional() }),
    entity: 'user',
  }),
  /** Sets a new password for a user on this device (also the way to let a synced user sign in here). */
  'users.resetPassword': channel<void>()({ kind: 'mutation', permission: 'users.admin', input: z.object({ id, password: passwordField }), entity: 'user' }),
  /** Turns a user's second factor off (lost phone). */
  'users.resetTotp': channel<void>()({ kind: 'mutation', permission: 'users.admin', input: z.object({ id }), entity: 'user' }),
  /** Ends a lockout after failed sign-ins. */
  'users.unlock': channel<void>()({ kind: 'mutation', permission: 'users.admin', input: z.object({ id }), entity: 'user' }),
  'roles.list': channel<RoleInfo[]>()({ kind: 'query', permission: 'users.admin', input: z.object({}) }),
  'roles.save': channel<{ id: string }>()({ kind: 'mutation', permission: 'users.admin', input: RoleInput, entity: 'role' }),
  'roles.delete': channel<void>()({ kind: 'mutation', permission: 'users.admin', input: z.object({ id }), entity: 'role' }),
  /** Who a record is shared with. */
  'shares.list': channel<{ userId: string; userName: string }[]>()({
    kind: 'query',
    permission: 'records.share',
    input: z.object({ entity: ShareEntity, id }),
  }),
  /** Shares a record the caller can see with exactly these users (replacing the previous list). */
  'shares.set': channel<void>()({
    kind: 'mutation',
    permission: 'records.share',
    input: z.object({ entity: ShareEntity, id, userIds: z.array(id).max(200) }),
    entity: 'share',
  }),
};
